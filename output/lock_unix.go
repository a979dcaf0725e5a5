//go:build unix

package output

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// LockFile takes an exclusive lock on the file at path, creating it, and
// returns it open; closing the file drops the lock, and so does the end of
// the process, however it ends, so a crash never leaves a stale lock. When
// another process holds it, LockFile fails at once with ErrLocked. The lock
// is flock(2), which covers the whole file: others may still read it.
func LockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, ErrLocked
		}
		return nil, fmt.Errorf("locking %s: %w", path, err)
	}
	return f, nil
}
