//go:build linux && (amd64 || arm64)

package output

import (
	"errors"
	"os"
	"syscall"
	"unsafe"
)

// renameExchange is RENAME_EXCHANGE of renameat2(2): swap the two names.
const renameExchange = 2

// atFDCWD is AT_FDCWD: paths are relative to the current directory.
const atFDCWD = -100

// exchange swaps the names a and b in one step with renameat2(2); readers see
// either both old or both new. It returns errors.ErrUnsupported when the
// kernel or file system cannot do it.
func exchange(a, b string) error {
	pa, err := syscall.BytePtrFromString(a)
	if err != nil {
		return err
	}
	pb, err := syscall.BytePtrFromString(b)
	if err != nil {
		return err
	}
	fdcwd := atFDCWD
	_, _, errno := syscall.Syscall6(sysRenameat2,
		uintptr(fdcwd), uintptr(unsafe.Pointer(pa)),
		uintptr(fdcwd), uintptr(unsafe.Pointer(pb)),
		renameExchange, 0)
	switch errno {
	case 0:
		return nil
	case syscall.EINVAL, syscall.ENOSYS:
		return errors.ErrUnsupported
	}
	return &os.LinkError{Op: "exchange", Old: a, New: b, Err: errno}
}
