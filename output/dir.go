package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Dir is a whole site being written into a folder beside its target.
// Commit swaps it into place in one step; Abort throws it away. Until Commit
// returns, the target holds the previous site, complete and untouched,
// whatever happens to this process.
//
// The site replaced by a commit is not deleted: it stays beside the target
// as its spare (".public.spare" for "public"), and the next Dir writes into
// the spare, bringing it up to date, instead of into a new folder. Files
// that did not change are hard links to the same inodes in the site and in
// its spare, so a rebuild finds most files already in place and the spare
// costs only the folders and the files that changed in the last build.
// Making and deleting tens of thousands of inodes is what a build costs
// most on some file systems (ext4 scans past recently freed inodes for every
// new one); a rebuild with the spare makes and deletes only those that
// changed. A killed or failed build leaves the spare half updated, which is
// harmless: nothing in it is trusted that is not checked against the target
// or written anew.
//
// Only one Dir per target may be open at a time; a second NewDir for the
// same target fails until the first is committed or aborted (or its process
// has died).
//
// WriteFile may be called from several goroutines at once.
type Dir struct {
	target string   // absolute path of the site folder
	shown  string   // target as the caller wrote it, for messages
	work   string   // the new site: the spare, or a new folder beside target
	reused bool     // work is the spare, and holds an older site's files
	lock   *os.File // flock held while the Dir is open
	hasOld bool     // the target existed when the Dir was made

	mu    sync.Mutex
	files map[string]bool // names written or kept; true when new or changed
	// current lists the files of the current site, from its manifest,
	// once KeepFolder needed them.
	current []string
	dirs    map[string]*folder // folders made (or found) in work
	err     error              // set once committed, aborted or failed
}

// folder is one folder of the new site, made once by whichever writer
// needs it first.
type folder struct {
	once sync.Once
	err  error
}

var errClosed = errors.New("output already committed or aborted")

// NewDir starts a new site for the directory target, which need not exist
// yet. It removes temporary directories left beside target by killed runs.
// It refuses, touching nothing, a target that is not qingdan's to replace
// or that would move away a place of keep (see claimPlace, claimSite).
func NewDir(target string, keep ...Keep) (*Dir, error) {
	abs, err := filepath.Abs(target)
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", target, err)
	}
	if err := claimPlace(abs, keep); err != nil {
		return nil, err
	}
	if err := checkTarget(abs); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", target, err)
	}
	if err := claimSite(abs); err != nil {
		return nil, err
	}
	parent, base := filepath.Split(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", target, err)
	}
	lock, err := LockFile(filepath.Join(parent, "."+base+".lock"))
	if errors.Is(err, ErrLocked) {
		err = errors.New("another qingdan run is writing it; wait for it to finish")
	}
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", target, err)
	}
	d := &Dir{target: abs, shown: target, lock: lock, files: map[string]bool{}, dirs: map[string]*folder{}}
	if err := restoreAside(abs, asideName(parent, base)); err != nil {
		d.Abort()
		return nil, fmt.Errorf("output folder %s: %s", target, msgRestoreAside.S(asideName(parent, base), err))
	}
	if err := removeLeftovers(parent, base); err != nil {
		d.Abort()
		return nil, fmt.Errorf("output folder %s: removing a killed run's leftovers: %w", target, err)
	}
	if _, err := os.Lstat(abs); err == nil {
		d.hasOld = true
	}
	if d.work, d.reused, err = workFolder(parent, base); err != nil {
		d.Abort()
		return nil, fmt.Errorf("output folder %s: %w", target, err)
	}
	return d, nil
}

// workFolder returns the folder to write the new site of the target named
// base into: its spare when there is one (reused), otherwise a new empty one.
func workFolder(parent, base string) (work string, reused bool, err error) {
	spare := filepath.Join(parent, spareName(base))
	fi, err := os.Lstat(spare)
	switch {
	case err == nil && fi.IsDir():
		// Closed to readers, as after a commit: a crash between the swap
		// and that chmod may have left it open.
		if err := os.Chmod(spare, privateMode); err != nil {
			return "", false, err
		}
		return spare, true, nil
	case err == nil:
		err = os.Remove(spare)
	case errors.Is(err, fs.ErrNotExist):
		err = nil
	}
	if err != nil {
		return "", false, err
	}
	work, err = os.MkdirTemp(parent, tmpPrefix(base)) // mode privateMode
	if err != nil {
		return "", false, err
	}
	return work, false, nil
}

// The site's folder is open to every reader (a web server serves it);
// the folder being written and the spare are closed to all but the
// builder, so that a web server whose root holds the target never serves
// a half-written site or an old one.
const (
	publicMode  = 0o755
	privateMode = 0o700
)

// spareName is the name of the folder beside a target named base that holds
// the site replaced by the last commit: ".public.spare".
func spareName(base string) string { return "." + base + ".spare" }

// tmpPrefix is the name prefix of the temporary directories beside a target
// named base: ".public.tmp-".
func tmpPrefix(base string) string { return "." + base + ".tmp-" }

// asideName is where swapByRenames moves the old site of a target named
// base: ".public.tmp-old".
func asideName(parent, base string) string { return filepath.Join(parent, tmpPrefix(base)+"old") }

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
// the new site gets that very file (a hard link), which keeps its old
// modification time. On a write error the new site is thrown away and the
// target stays untouched.
//
// Files are not synced one by one: Commit syncs the whole new site at once
// before it swaps it in.
//
// Several goroutines may call WriteFile at once.
func (d *Dir) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	d.mu.Lock()
	if d.err != nil {
		d.mu.Unlock()
		return d.err
	}
	if _, ok := d.dirs[name]; ok {
		d.mu.Unlock()
		return d.fail(name, conflict(name))
	}
	_, again := d.files[name]
	d.files[name] = true
	d.mu.Unlock()

	changed, err := d.write(name, data, again)

	if err != nil {
		return d.fail(name, err)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err != nil { // aborted by another writer meanwhile
		return d.err
	}
	d.files[name] = changed
	return nil
}

// fail throws the new site away after writing the file name failed with
// err, and returns the error to report.
func (d *Dir) fail(name string, err error) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	err = fmt.Errorf("writing %s: %w", filepath.Join(d.shown, filepath.FromSlash(name)), err)
	d.abort()
	d.err = err
	return err
}

// conflict is the error for a name the site uses both for a file and for
// a folder.
func conflict(name string) error {
	return fmt.Errorf("the site has both a file and a folder named %s", name)
}

// write puts data into the new site under name and reports whether it
// differs from the old site's file. again says the name was written before.
func (d *Dir) write(name string, data []byte, again bool) (changed bool, err error) {
	if dir := path.Dir(name); dir != "." {
		if err := d.makeFolder(dir); err != nil {
			return false, err
		}
	}
	file := filepath.Join(d.work, filepath.FromSlash(name))
	old := filepath.Join(d.target, filepath.FromSlash(name))
	var id fileID
	same := false
	if d.hasOld {
		id, same = sameFile(old, data)
	}
	// The name may be taken already: by the spare's older file or by this
	// build's first write of it. Either may be a hard link to the live
	// site's file, so it is replaced, never written through; unless it is
	// the live file itself and that holds data.
	if d.reused || again {
		if same && isFile(file, id) {
			return false, nil
		}
		if !d.hasOld {
			// No site to compare with (it was deleted): a spare's file
			// that has the bytes, and no other name, is kept as a new one.
			if kept, ok := sameFile(file, data); ok && kept.links == 1 {
				now := time.Now()
				return true, unwrapPath(os.Chtimes(file, now, now))
			}
		}
		if err := removeName(file); err != nil {
			return false, err
		}
	}
	if same && linkFile(old, file) == nil {
		return false, nil
	}
	if err := createFile(file, data); err != nil {
		return false, err
	}
	if same {
		// No hard links here: a copy with the old time.
		fi, err := os.Lstat(old)
		if err != nil {
			return false, unwrapPath(err)
		}
		if err := os.Chtimes(file, fi.ModTime(), fi.ModTime()); err != nil {
			return false, unwrapPath(err)
		}
	}
	return !same, nil
}

// makeFolder makes the folder dir (a slash path) of the new site and the
// folders above it, each once whatever the number of writers.
func (d *Dir) makeFolder(dir string) error {
	d.mu.Lock()
	f := d.dirs[dir]
	if f == nil {
		if _, ok := d.files[dir]; ok {
			d.mu.Unlock()
			return conflict(dir)
		}
		f = &folder{}
		d.dirs[dir] = f
	}
	d.mu.Unlock()
	f.once.Do(func() {
		if parent := path.Dir(dir); parent != "." {
			if f.err = d.makeFolder(parent); f.err != nil {
				return
			}
		}
		f.err = makeFolder(filepath.Join(d.work, filepath.FromSlash(dir)))
	})
	return f.err
}

// Commit syncs the new site to disk and swaps it into the target's place in
// one step. The old site becomes the spare. After Commit the Dir is closed.
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
	// Two walks of two trees, side by side.
	stale := make(chan error, 1)
	go func() {
		if !d.reused {
			stale <- nil
			return
		}
		if err := d.removeStale(d.work, ""); err != nil {
			stale <- fmt.Errorf("removing old files from %s: %w", d.work, err)
			return
		}
		stale <- nil
	}()
	removed, err := d.countRemoved()
	if serr := <-stale; err == nil {
		err = serr
	}
	if err != nil {
		return Stats{}, err
	}
	st.Removed = removed
	if err := writeManifest(d.work, d.files); err != nil {
		return Stats{}, err
	}
	if err := syncAll(d.work); err != nil {
		return Stats{}, err
	}
	if err := os.Chmod(d.work, publicMode); err != nil {
		return Stats{}, err
	}
	parent, base := filepath.Split(d.target)
	if _, err := os.Lstat(d.target); errors.Is(err, fs.ErrNotExist) {
		// First build: a plain rename is atomic when nothing is in the way.
		if err := os.Rename(d.work, d.target); err != nil {
			return Stats{}, err
		}
		return st, SyncPath(parent)
	}
	old, err := swap(d.work, d.target, asideName(parent, base))
	if err != nil {
		return Stats{}, err
	}
	// The new site is in place; the old one becomes the spare. Failing that,
	// it is only a leftover for the next run to remove.
	if err := os.Chmod(old, privateMode); err != nil {
		os.RemoveAll(old)
	} else if spare := filepath.Join(parent, spareName(base)); old != spare && os.Rename(old, spare) != nil {
		os.RemoveAll(old)
	}
	return st, SyncPath(parent)
}

// removeStale deletes from the folder abs of the reused spare (rel in the
// site: "" for its root) every file and folder that this build did not
// write, all that is left of an older site.
func (d *Dir) removeStale(abs, rel string) error {
	f, err := os.Open(abs)
	if err != nil {
		return err
	}
	entries, err := f.ReadDir(-1)
	f.Close()
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := path.Join(rel, e.Name())
		p := filepath.Join(abs, e.Name())
		_, isFolder := d.dirs[name]
		_, isFile := d.files[name]
		switch {
		case isFolder && e.IsDir():
			err = d.removeStale(p, name)
		case isFile && !e.IsDir():
		case name == manifestName:
		default:
			err = removeName(p)
		}
		if err != nil {
			return err
		}
	}
	return nil
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
		if _, ok := d.files[filepath.ToSlash(rel)]; !ok && rel != manifestName {
			n++
		}
		return nil
	})
	return n, err
}

// swap exchanges the directories work and target and returns where the old
// site now is. Where the system or file system cannot exchange two names
// atomically (Windows; HFS+ on macOS) it falls back to swapByRenames.
func swap(work, target, aside string) (old string, err error) {
	err = exchange(work, target)
	if err == nil {
		return work, nil
	}
	if !errors.Is(err, errors.ErrUnsupported) {
		return "", err
	}
	return aside, swapByRenames(work, target, aside)
}

// swapByRenames puts work in target's place with two renames: the old site
// to aside, then work to target. Between them the target is briefly
// missing, never half written: a failed second rename moves the old site
// back, and a kill between the two leaves it at aside, where the next
// NewDir finds it and puts it back (restoreAside) before anything else.
func swapByRenames(work, target, aside string) error {
	if err := os.Rename(target, aside); err != nil {
		return err
	}
	if err := os.Rename(work, target); err != nil {
		if rerr := os.Rename(aside, target); rerr != nil {
			return msgRollback.Error(err, rerr, aside)
		}
		return err
	}
	return nil
}

// restoreAside puts the old site back in the target's place when a run was
// killed between the two renames of swapByRenames: the target is missing
// and the old site lies at aside.
func restoreAside(target, aside string) error {
	if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if fi, err := os.Lstat(aside); err != nil || !fi.IsDir() {
		return nil
	}
	return os.Rename(aside, target)
}

// Abort throws the new site away and leaves the target as it was. A reused
// spare stays, half updated, for the next build. Abort may be called after
// Commit or another Abort; it then does nothing.
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
	if d.work != "" && !d.reused {
		err = os.RemoveAll(d.work)
	}
	d.lock.Close()
	return err
}
