package output

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// A rebuild that knows a part of the site would come out as it is in the
// current site (a county's department whose inputs did not change) carries
// that part's files over instead of writing them again: Current reads what
// the current site says of its inputs, and KeepFolder carries a folder.

// Current returns the file name of the current site (the target as this
// Dir found it), or an error when there is none or it is larger than
// maxCurrent (it is read whole).
func (d *Dir) Current(name string) ([]byte, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	if !d.hasOld {
		return nil, os.ErrNotExist
	}
	p := filepath.Join(d.target, filepath.FromSlash(name))
	if fi, err := os.Lstat(p); err != nil || !fi.Mode().IsRegular() || fi.Size() > maxCurrent {
		return nil, errNotKept
	}
	return os.ReadFile(p)
}

// maxCurrent bounds what Current reads: the sums of a county's
// departments are some 80 bytes each.
const maxCurrent = 4 << 20

// KeepFolder puts every file that the current site's manifest lists under
// the folder dir into the new site as it is (the same file, by a hard link
// where the file system has them), and reports whether it could: when any
// of them is missing or is not a plain file, it keeps none, and the caller
// writes the folder's files anew. A kept file counts as unchanged.
func (d *Dir) KeepFolder(dir string) bool {
	if err := checkName(dir); err != nil || !d.hasOld {
		return false
	}
	names, err := d.currentNames(dir + "/")
	if err != nil || len(names) == 0 {
		return false
	}
	var kept []string
	for _, name := range names {
		err := d.keep(name)
		if err != nil {
			d.unkeep(kept)
			return false
		}
		kept = append(kept, name)
	}
	return true
}

// currentNames lists the files under prefix of the current site's
// manifest, read once.
func (d *Dir) currentNames(prefix string) ([]string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.current == nil {
		files, err := readManifest(d.target)
		if err != nil {
			return nil, err
		}
		d.current = make([]string, 0, len(files))
		for name := range files {
			d.current = append(d.current, name)
		}
		sort.Strings(d.current)
	}
	i := sort.SearchStrings(d.current, prefix)
	j := i
	for j < len(d.current) && strings.HasPrefix(d.current[j], prefix) {
		j++
	}
	return d.current[i:j], nil
}

var errNotKept = errors.New("not a plain file of the current site")

// keep puts the current site's file name into the new site.
func (d *Dir) keep(name string) error {
	d.mu.Lock()
	if d.err != nil {
		d.mu.Unlock()
		return d.err
	}
	if _, ok := d.files[name]; ok {
		d.mu.Unlock()
		return fmt.Errorf("%s: written before it was kept", name)
	}
	if _, ok := d.dirs[name]; ok {
		d.mu.Unlock()
		return conflict(name)
	}
	d.mu.Unlock()
	if dir := path.Dir(name); dir != "." {
		if err := d.makeFolder(dir); err != nil {
			return err
		}
	}
	old := filepath.Join(d.target, filepath.FromSlash(name))
	file := filepath.Join(d.work, filepath.FromSlash(name))
	fi, err := os.Lstat(old)
	if err != nil || !fi.Mode().IsRegular() {
		return errNotKept
	}
	id, err := pathID(old)
	if err != nil {
		return err
	}
	if !(d.reused && isFile(file, id)) {
		if err := removeName(file); err != nil {
			return err
		}
		if linkFile(old, file) != nil {
			// No hard links here: a copy with the old time.
			data, err := os.ReadFile(old)
			if err == nil {
				err = createFile(file, data)
			}
			if err == nil {
				err = os.Chtimes(file, time.Now(), fi.ModTime())
			}
			if err != nil {
				return unwrapPath(err)
			}
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.files[name]; ok {
		return fmt.Errorf("%s: written while it was kept", name)
	}
	d.files[name] = false
	return nil
}

// unkeep takes the kept names out of the new site again.
func (d *Dir) unkeep(names []string) {
	for _, name := range names {
		d.mu.Lock()
		delete(d.files, name)
		d.mu.Unlock()
		removeName(filepath.Join(d.work, filepath.FromSlash(name)))
	}
}
