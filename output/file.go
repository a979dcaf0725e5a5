package output

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes data to path atomically: into a temporary file in the same
// directory, synced to disk, then renamed over path, and the directory synced.
// Readers see the old file or the new one, never a part of either; on error
// path is untouched and the temporary file is removed.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	tmp := f.Name()
	if err := fillFile(f, data, perm); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := SyncPath(dir); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// fillFile writes data to the open file f, sets its mode, syncs it to disk
// and closes it. f is closed even on error.
func fillFile(f *os.File, data []byte, perm fs.FileMode) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return unwrapPath(err)
}

// SyncPath flushes a directory's entries (new names, renames) or a file's
// bytes to disk.
func SyncPath(name string) error {
	d, err := openSync(name)
	if err != nil || d == nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// unwrapPath drops the temporary file name from an *fs.PathError, so that
// messages name the file the user knows ("writing public/x.html: no space
// left on device"), not our temporary one.
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
