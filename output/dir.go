package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
)

// Dir is a whole site being written into a temporary directory beside its
// target. Commit swaps it into place in one step; Abort throws it away.
// Until Commit returns, the target holds the previous site, complete and
// untouched, whatever happens to this process.
//
// Only one Dir per target may be open at a time; a second NewDir for the
// same target fails until the first is committed or aborted (or its process
// has died).
//
// WriteFile may be called from several goroutines at once.
type Dir struct {
	target string   // absolute path of the site folder
	shown  string   // target as the caller wrote it, for messages
	tmp    string   // the new site, beside target
	lock   *os.File // flock held while the Dir is open
	hasOld bool     // the target existed when the Dir was made

	mu    sync.Mutex
	files map[string]bool // names written; true when new or changed
	dirs  map[string]bool // folders already made in tmp
	err   error           // set once committed, aborted or failed
}

var errClosed = errors.New("output already committed or aborted")

// NewDir starts a new site for the directory target, which need not exist
// yet. It removes temporary directories left beside target by killed runs.
func NewDir(target string) (*Dir, error) {
	abs, err := filepath.Abs(target)
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", target, err)
	}
	if err := checkTarget(abs); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", target, err)
	}
	parent, base := filepath.Split(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", target, err)
	}
	lock, err := lockFile(filepath.Join(parent, "."+base+".lock"))
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", target, err)
	}
	d := &Dir{target: abs, shown: target, lock: lock, files: map[string]bool{}, dirs: map[string]bool{}}
	if err := removeLeftovers(parent, base); err != nil {
		d.Abort()
		return nil, fmt.Errorf("output folder %s: removing a killed run's leftovers: %w", target, err)
	}
	if _, err := os.Lstat(abs); err == nil {
		d.hasOld = true
	}
	d.tmp, err = os.MkdirTemp(parent, tmpPrefix(base))
	if err == nil {
		err = os.Chmod(d.tmp, 0o755)
	}
	if err != nil {
		d.Abort()
		return nil, fmt.Errorf("output folder %s: %w", target, err)
	}
	return d, nil
}

// tmpPrefix is the name prefix of the temporary directories beside a target
// named base: ".public.tmp-".
func tmpPrefix(base string) string { return "." + base + ".tmp-" }

// checkTarget refuses targets whose replacement would destroy more than a
// site: a filesystem root, the current folder or one holding it, or a path
// that exists and is not a directory.
func checkTarget(abs string) error {
	if filepath.Dir(abs) == abs {
		return errors.New("refusing to replace a filesystem root; choose a folder such as ./public")
	}
	if cwd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(abs, cwd); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return errors.New("refusing to replace the current folder or a folder holding it; choose a folder such as ./public")
		}
	}
	fi, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !fi.IsDir():
		return errors.New("exists and is not a directory")
	}
	return nil
}

// lockFile takes an exclusive lock on path, creating it. The lock goes away
// when the file is closed or the process dies.
func lockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errors.New("another qingdan run is writing it; wait for it to finish")
		}
		return nil, fmt.Errorf("locking %s: %w", path, err)
	}
	return f, nil
}

// removeLeftovers deletes the temporary directories of earlier runs that were
// killed: half-written new sites, or old sites swapped out but not yet
// deleted. Nothing is removed while the target is missing, so that a site
// swapped out by the non-atomic fallback (see swap) is never lost.
func removeLeftovers(parent, base string) error {
	if _, err := os.Lstat(filepath.Join(parent, base)); err != nil {
		return nil
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tmpPrefix(base)) {
			if err := os.RemoveAll(filepath.Join(parent, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// WriteFile adds the file name (a slash path such as "duties/01/index.html")
// to the new site. When the previous site has the same bytes under that name,
// the file keeps its old modification time. On a write error the new site is
// thrown away and the target stays untouched.
//
// Files are not synced one by one: Commit syncs the whole new site at once
// before it swaps it in.
//
// Several goroutines may call WriteFile at once; ConcurrentWrites says so
// to the site renderer.
func (d *Dir) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	d.mu.Lock()
	if d.err != nil {
		d.mu.Unlock()
		return d.err
	}
	_, again := d.files[name]
	d.files[name] = true
	dir := path.Dir(name)
	makeDir := dir != "." && !d.dirs[dir]
	d.mu.Unlock()

	changed, err := d.write(name, data, again, makeDir)

	d.mu.Lock()
	defer d.mu.Unlock()
	if err != nil {
		err = fmt.Errorf("writing %s: %w", filepath.Join(d.shown, filepath.FromSlash(name)), err)
		d.abort()
		d.err = err
		return err
	}
	if d.err != nil { // aborted by another writer meanwhile
		return d.err
	}
	if makeDir {
		d.dirs[dir] = true
	}
	d.files[name] = changed
	return nil
}

// ConcurrentWrites marks Dir as safe for concurrent WriteFile calls
// (generator.ConcurrentOutput).
func (d *Dir) ConcurrentWrites() {}

// write puts data into the new site under name and reports whether it
// differs from the old site's file. again says the name was written before;
// makeDir that its folder may not exist yet.
func (d *Dir) write(name string, data []byte, again, makeDir bool) (changed bool, err error) {
	file := filepath.Join(d.tmp, filepath.FromSlash(name))
	if makeDir {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return false, unwrapPath(err)
		}
	}
	// A name written twice: the first file may be a hard link to the old
	// site's file, so it is replaced, never written through.
	if again {
		if err := os.Remove(file); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return false, unwrapPath(err)
		}
	}
	var oldInfo fs.FileInfo
	same := false
	if d.hasOld {
		old := filepath.Join(d.target, filepath.FromSlash(name))
		oldInfo, same = sameBytes(old, data)
		if same && os.Link(old, file) == nil {
			return false, nil
		}
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return false, unwrapPath(err)
	}
	if err := fillFile(f, data, 0o644, false); err != nil {
		return false, err
	}
	if same {
		if err := os.Chtimes(file, oldInfo.ModTime(), oldInfo.ModTime()); err != nil {
			return false, unwrapPath(err)
		}
	}
	return !same, nil
}

// sameBytes reports whether the regular file at path holds exactly data, and
// returns its information when it does. Files of another size are not read.
func sameBytes(path string, data []byte) (fs.FileInfo, bool) {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return nil, false
	}
	old, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(old, data) {
		return nil, false
	}
	return fi, true
}

// Commit syncs the new site to disk and swaps it into the target's place in
// one step, then deletes the old site. After Commit the Dir is closed.
func (d *Dir) Commit() (Stats, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err != nil {
		return Stats{}, d.err
	}
	st, err := d.commit()
	if err != nil {
		err = fmt.Errorf("publishing %s: %w", d.shown, err)
		d.abort()
		d.err = err
		return Stats{}, err
	}
	d.err = errClosed
	d.lock.Close()
	return st, nil
}

func (d *Dir) commit() (Stats, error) {
	st := Stats{Written: len(d.files)}
	for _, changed := range d.files {
		if changed {
			st.Changed++
		} else {
			st.Unchanged++
		}
	}
	removed, err := d.countRemoved()
	if err != nil {
		return Stats{}, err
	}
	st.Removed = removed
	if err := syncAll(d.tmp); err != nil {
		return Stats{}, err
	}
	parent := filepath.Dir(d.target)
	if _, err := os.Lstat(d.target); errors.Is(err, fs.ErrNotExist) {
		// First build: a plain rename is atomic when nothing is in the way.
		if err := os.Rename(d.tmp, d.target); err != nil {
			return Stats{}, err
		}
		return st, SyncPath(parent)
	}
	old, err := swap(d.tmp, d.target)
	if err != nil {
		return Stats{}, err
	}
	if err := SyncPath(parent); err != nil {
		return Stats{}, err
	}
	// The new site is in place; a failure to delete the old one only leaves
	// a leftover for the next run to remove.
	os.RemoveAll(old)
	return st, nil
}

// countRemoved counts the files of the current target that the new site
// does not have.
func (d *Dir) countRemoved() (int, error) {
	n := 0
	err := filepath.WalkDir(d.target, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && path == d.target {
				return filepath.SkipDir
			}
			return err
		}
		if e.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(d.target, path)
		if err != nil {
			return err
		}
		if _, ok := d.files[filepath.ToSlash(rel)]; !ok {
			n++
		}
		return nil
	})
	return n, err
}

// swap exchanges the directories tmp and target and returns where the old
// site now is. Where the kernel or file system cannot exchange two names
// atomically it falls back to two renames; between them the target is
// briefly missing, and a kill there leaves the old site beside it.
func swap(tmp, target string) (old string, err error) {
	err = exchange(tmp, target)
	if err == nil {
		return tmp, nil
	}
	if !errors.Is(err, errors.ErrUnsupported) {
		return "", err
	}
	old = tmp + "-old"
	if err := os.Rename(target, old); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, target); err != nil {
		os.Rename(old, target)
		return "", err
	}
	return old, nil
}

// Abort throws the new site away and leaves the target as it was. It may be
// called after Commit or another Abort; it then does nothing.
func (d *Dir) Abort() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.abort()
}

// abort is Abort with d.mu held.
func (d *Dir) abort() error {
	if d.err != nil {
		return nil
	}
	d.err = errClosed
	var err error
	if d.tmp != "" {
		err = os.RemoveAll(d.tmp)
	}
	d.lock.Close()
	return err
}
