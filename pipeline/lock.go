package pipeline

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"qingdan/output"
)

// ErrLocked is returned (wrapped, with the holder's PID) when another
// process holds the pipeline lock.
var ErrLocked = errors.New("another qingdan pipeline is running")

// lock takes the exclusive lock on the file at path, creating it, and
// writes this process's PID into it. The kernel drops the lock when the
// process exits, however it exits, so a crash never leaves a stale lock.
func lock(path string) (*os.File, error) {
	f, err := output.LockFile(path)
	if errors.Is(err, output.ErrLocked) {
		return nil, fmt.Errorf("%w (PID %s holds %s); stop it first, or let it file the reports", ErrLocked, holder(path), path)
	}
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", path, err)
	}
	if err := f.Truncate(0); err == nil {
		_, err = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("writing PID to %s: %w", path, err)
	}
	return f, nil
}

// holder reads the PID written in the lock file at path.
func holder(path string) string {
	b, err := os.ReadFile(path)
	pid := strings.TrimSpace(string(b))
	if err != nil || pid == "" {
		return "unknown"
	}
	return pid
}
