package output

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// lockOffset is where the locked byte lies, far past anything written:
// Windows locks are mandatory, and a lock on the file's contents would stop
// other processes from reading them (the pipeline writes its PID there).
const lockOffset = 1 << 62

// LockFile takes an exclusive lock on the file at path, creating it, and
// returns it open; closing the file drops the lock, and so does the end of
// the process, however it ends, so a crash never leaves a stale lock. When
// another process holds it, LockFile fails at once with ErrLocked. The lock
// is LockFileEx on one byte past the end: others may still read the file.
func LockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	ol := windows.Overlapped{OffsetHigh: lockOffset >> 32}
	err = windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if err != nil {
		f.Close()
		if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
			return nil, ErrLocked
		}
		return nil, fmt.Errorf("locking %s: %w", path, err)
	}
	return f, nil
}
