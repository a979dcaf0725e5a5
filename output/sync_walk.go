//go:build !linux

package output

import (
	"io/fs"
	"path/filepath"
)

// syncAll flushes everything written under root to disk: every file and
// folder, one at a time, as this system has no call to sync a whole file
// system.
func syncAll(root string) error {
	return filepath.WalkDir(root, func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return SyncPath(name)
	})
}
