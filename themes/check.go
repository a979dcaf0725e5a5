package themes

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"qingdan/source"
)

// Check opens every file of the theme folder themes/<name>/ of the site
// whose site.toml is in siteDir, as a build reads them, and returns a
// problem for each that a build would refuse (a link out of the folder, a
// FIFO or device, a file too big), named as "themes/<name>/static/x.css".
// The default theme without a folder has nothing to check.
func Check(siteDir, name string) source.Problems {
	if name == "" {
		name = "default"
	}
	rel := path.Join("themes", name)
	dir := filepath.Join(siteDir, filepath.FromSlash(rel))
	if _, err := os.Stat(dir); err != nil {
		return nil
	}
	fsys := source.Guard(os.DirFS(dir))
	var ps source.Problems
	fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			var f fs.File
			if f, err = fsys.Open(name); err == nil {
				f.Close()
			}
		}
		var pe *fs.PathError
		if err != nil && errors.As(err, &pe) {
			ps = append(ps, source.Problem{Pos: source.Pos{File: path.Join(rel, name)}, Message: pe.Err.Error()})
		}
		return nil
	})
	return ps
}
