// Package themes holds the site's look: html/template layouts, the style
// sheet, the favicon and the little JavaScript the pages use.
//
// The default theme is embedded in the binary, so a bare qingdan can build
// a complete site. A folder themes/<name>/ next to site.toml overrides it
// file by file: a file there replaces the default file of the same path,
// and every file it does not have comes from the default theme.
package themes

import (
	"embed"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"qingdan/source"
)

//go:embed default
var embedded embed.FS

// Default returns the embedded default theme, rooted at its folder.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		// fs.Sub fails only for an invalid path; "default" is valid.
		panic(err)
	}
	return sub
}

// Open returns the theme called name for the site whose site.toml is in
// siteDir: the folder siteDir/themes/<name>/ laid over the default theme.
// The default theme needs no folder; any other name must have one.
func Open(siteDir, name string) (fs.FS, error) {
	if name == "" {
		name = "default"
	}
	dir := filepath.Join(siteDir, "themes", name)
	info, err := os.Stat(dir)
	switch {
	case err == nil && info.IsDir():
		return overlay{upper: source.Guard(os.DirFS(dir)), lower: Default()}, nil
	case err == nil:
		return nil, errors.New(themeNotFolder.S(name, dir))
	case errors.Is(err, fs.ErrNotExist) && name == "default":
		return Default(), nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, errors.New(themeNoFolder.S(name, dir))
	}
	return nil, errors.New(themeOpen.S(name, err))
}

// overlay is a file system whose upper layer's files hide the lower
// layer's files of the same name; folders are the union of both.
type overlay struct {
	upper, lower fs.FS
}

// Open implements fs.FS. A folder opens as the union of both layers.
func (o overlay) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := o.upper.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		f, err = o.lower.Open(name)
	}
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.IsDir() {
		return f, nil
	}
	entries, err := o.ReadDir(name)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &dir{File: f, entries: entries}, nil
}

// ReadDir implements fs.ReadDirFS, merging both layers' entries; the
// upper layer's entry wins when both have a name.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	up, upErr := fs.ReadDir(o.upper, name)
	low, lowErr := fs.ReadDir(o.lower, name)
	if upErr != nil && lowErr != nil {
		return nil, lowErr
	}
	byName := map[string]fs.DirEntry{}
	for _, e := range low {
		byName[e.Name()] = e
	}
	for _, e := range up {
		byName[e.Name()] = e
	}
	entries := make([]fs.DirEntry, 0, len(byName))
	for _, e := range byName {
		entries = append(entries, e)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	return entries, nil
}

// dir is an open folder of an overlay, listing the merged entries.
type dir struct {
	fs.File
	entries []fs.DirEntry
	offset  int
}

// ReadDir implements fs.ReadDirFile.
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.offset:]
	if n <= 0 {
		d.offset = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.offset += n
	return rest[:n], nil
}
