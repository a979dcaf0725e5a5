//go:build linux && (amd64 || arm64)

package output

import (
	"fmt"
	"os"
	"syscall"
)

// syncAll flushes everything written under root to disk with one syncfs(2)
// on root's file system: far cheaper than syncing each of tens of thousands
// of files and folders, and as durable.
func syncAll(root string) error {
	f, err := os.Open(root)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, _, errno := syscall.Syscall(sysSyncfs, f.Fd(), 0, 0); errno != 0 {
		return fmt.Errorf("syncing the new site to disk: %w", errno)
	}
	return nil
}

// syncFileRangeWrite is SYNC_FILE_RANGE_WRITE of sync_file_range(2).
const syncFileRangeWrite = 2

// startWriteback asks the kernel to start writing f's bytes to disk now,
// without waiting, so that the disk works while the build goes on and the
// sync at Commit has little left to do. It promises nothing; errors are
// ignored.
func startWriteback(f *os.File) {
	syscall.Syscall6(syscall.SYS_SYNC_FILE_RANGE, f.Fd(), 0, 0, syncFileRangeWrite, 0, 0)
}
