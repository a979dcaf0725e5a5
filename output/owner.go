package output

import (
	"bufio"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// A build replaces the whole output folder, so it must only ever replace a
// folder that qingdan made: every site folder a Dir writes holds a manifest
// (manifestName) listing the files of that site, and NewDir refuses, before
// it touches anything, an output folder that is not empty and is not such a
// site (a web root with the portal's other pages, a folder of notes), a
// site folder to which someone has added files, a spare that is not ours,
// and an output folder that is, holds or lies inside a folder of the
// project (the content, the theme, the case files, a .git; see Keep).
// Places are compared after resolving symbolic links.

// manifestName is the file, in the root of every site folder a Dir writes,
// that marks the folder as qingdan's and lists what it holds: the line
// manifestHead, then the name of every file of the site, one a line, in
// order.
const manifestName = ".qingdan-site"

const manifestHead = "qingdan site: a build of qingdan wrote this folder and may replace it (这个文件夹由 qingdan 生成)"

// Keep is a file or folder of the project that an output folder must never
// be, hold or lie inside: replacing the output would move it away.
type Keep struct {
	What string // how messages name it, such as "内容文件夹"
	Path string
	// Outer lets the output lie inside it, though never be it or hold it:
	// the folder of site.toml, whose public/ is the usual output.
	Outer bool
}

// claimPlace checks that the site folder target (absolute) is not, does not
// hold and does not lie inside a place of keep or a repository's .git.
func claimPlace(target string, keep []Keep) error {
	real := resolve(target)
	for _, k := range keep {
		if kr := resolve(k.Path); within(real, kr) && within(kr, real) {
			return errOutputIs.Error(target, k.What, k.Path)
		}
	}
	for _, k := range keep {
		kr := resolve(k.Path)
		switch {
		case within(kr, real):
			return errOutputHolds.Error(target, k.What, k.Path)
		case !k.Outer && within(real, kr):
			return errOutputInside.Error(target, k.What, k.Path)
		}
	}
	for _, p := range []string{target, real} {
		for _, part := range strings.Split(filepath.ToSlash(p), "/") {
			if strings.EqualFold(part, ".git") {
				return errOutputGit.Error(target)
			}
		}
	}
	return nil
}

// claimSite checks that the site folder target (absolute) is, when it
// exists, empty or a site that qingdan wrote and nobody added to. The spare
// beside it, when there is one, must be empty or qingdan's too.
func claimSite(target string) error {
	if err := owned(target, true); err != nil {
		return err
	}
	parent, base := filepath.Split(target)
	return owned(filepath.Join(parent, spareName(base)), false)
}

// owned checks that dir, when it exists, is a folder that is empty or holds
// qingdan's manifest; with exact, it must also hold nothing the manifest
// does not list.
func owned(dir string, exact bool) error {
	fi, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !fi.IsDir():
		return errNotFolder.Error(dir)
	}
	files, err := readManifest(dir)
	if errors.Is(err, fs.ErrNotExist) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		if len(entries) == 0 {
			return nil
		}
		return errNotOurs.Error(dir, entries[0].Name())
	}
	if err != nil {
		return err
	}
	if !exact {
		return nil
	}
	folders := map[string]bool{".": true}
	for name := range files {
		for d := path.Dir(name); !folders[d]; d = path.Dir(d) {
			folders[d] = true
		}
	}
	var foreign []string
	err = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case rel == manifestName:
		case e.IsDir() && folders[rel]:
		case !e.IsDir() && files[rel]:
		default:
			foreign = append(foreign, rel)
			if e.IsDir() {
				return filepath.SkipDir
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(foreign) > 0 {
		return errAddedTo.Error(dir, len(foreign), strings.Join(foreign[:min(len(foreign), 3)], "、"))
	}
	return nil
}

// readManifest reads the names listed in the manifest of the site folder
// dir. A manifest that does not start with manifestHead is not ours.
func readManifest(dir string) (map[string]bool, error) {
	f, err := os.Open(filepath.Join(dir, manifestName))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	if !sc.Scan() || sc.Text() != manifestHead {
		return nil, errNotOurs.Error(dir, manifestName)
	}
	files := map[string]bool{}
	for sc.Scan() {
		files[sc.Text()] = true
	}
	return files, sc.Err()
}

// writeManifest writes, atomically, the manifest of the site folder dir
// holding the files named.
func writeManifest(dir string, files map[string]bool) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString(manifestHead)
	b.WriteByte('\n')
	for _, name := range names {
		b.WriteString(name)
		b.WriteByte('\n')
	}
	return WriteFile(filepath.Join(dir, manifestName), []byte(b.String()), 0o644)
}

// resolve returns the absolute path p with every symbolic link resolved,
// in its nearest ancestor that exists (the rest does not exist yet, so it
// has no links).
func resolve(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	tail := ""
	for cur := abs; ; {
		if real, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(real, tail)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs
		}
		tail = filepath.Join(filepath.Base(cur), tail)
		cur = parent
	}
}

// within reports whether the absolute path p is dir or lies inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// Check says, touching nothing, whether the site folder target is a place
// that a build may never replace (claimPlace): the refusal NewDir would
// give, or nil. check runs it on the output folder of site.toml, so that
// output = "content" is found before a build. Whether the folder is
// qingdan's is left to the build, which may be given another -out.
func Check(target string, keep ...Keep) error {
	abs, err := filepath.Abs(target)
	if err != nil {
		return err
	}
	return claimPlace(abs, keep)
}
