package output

import (
	"bytes"
	"errors"
	"io"
	"os"
	"sync"
	"syscall"
)

// The calls in this file go to package syscall directly, not through
// os.File: a site is tens of thousands of small files, and os.OpenFile adds
// four fcntl calls and an epoll registration to every one of them. Only
// POSIX calls are used, so this file builds wherever the flock in dir.go
// does.

// fileID tells one file (inode) from another, and counts its names.
type fileID struct{ dev, ino, links uint64 }

// retryEINTR calls f until it fails with something other than EINTR.
func retryEINTR(f func() error) error {
	for {
		if err := f(); err != syscall.EINTR {
			return err
		}
	}
}

// createFile creates the new file name holding data, with mode 0644 whatever
// the umask. The file must not exist yet.
func createFile(name string, data []byte) error {
	var fd int
	err := retryEINTR(func() (err error) {
		fd, err = syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o644)
		return err
	})
	if err != nil {
		return err
	}
	err = writeAll(fd, data)
	if err == nil {
		err = retryEINTR(func() error { return syscall.Fchmod(fd, 0o644) })
	}
	if cerr := syscall.Close(fd); err == nil {
		err = cerr
	}
	return err
}

// writeAll writes all of data to fd, going on after short writes.
func writeAll(fd int, data []byte) error {
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return err
		}
		if n <= 0 {
			return io.ErrShortWrite
		}
		data = data[n:]
	}
	return nil
}

// readBuffers hold the chunks of old files being compared with new bytes.
var readBuffers = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// sameFile reports whether the regular file name (not a symbolic link)
// holds exactly data, and which file it is. Files of another size are not
// read.
func sameFile(name string, data []byte) (fileID, bool) {
	var fd int
	err := retryEINTR(func() (err error) {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW, 0)
		return err
	})
	if err != nil {
		return fileID{}, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size != int64(len(data)) {
		return fileID{}, false
	}
	buf := readBuffers.Get().(*[]byte)
	defer readBuffers.Put(buf)
	for rest := data; len(rest) > 0; {
		n, err := syscall.Read(fd, (*buf)[:min(len(*buf), len(rest))])
		if err == syscall.EINTR {
			continue
		}
		if err != nil || n <= 0 || !bytes.Equal((*buf)[:n], rest[:n]) {
			return fileID{}, false
		}
		rest = rest[n:]
	}
	return fileID{uint64(st.Dev), uint64(st.Ino), uint64(st.Nlink)}, true
}

// isFile reports whether the name refers to the file id itself (the same
// inode, as a hard link does), without following a symbolic link.
func isFile(name string, id fileID) bool {
	var st syscall.Stat_t
	if syscall.Lstat(name, &st) != nil {
		return false
	}
	return uint64(st.Dev) == id.dev && uint64(st.Ino) == id.ino
}

// makeFolder makes the folder name, whose parent exists, with mode 0755
// (less the umask). A folder already there is kept; anything else in its
// place is removed first.
func makeFolder(name string) error {
	err := retryEINTR(func() error { return syscall.Mkdir(name, 0o755) })
	if err != syscall.EEXIST {
		return err
	}
	var st syscall.Stat_t
	if err := syscall.Lstat(name, &st); err != nil {
		return err
	}
	if st.Mode&syscall.S_IFMT == syscall.S_IFDIR {
		return nil
	}
	if err := syscall.Unlink(name); err != nil {
		return err
	}
	return retryEINTR(func() error { return syscall.Mkdir(name, 0o755) })
}

// removeName removes whatever is at name (a file, or a folder with all it
// holds); nothing there is not an error.
func removeName(name string) error {
	err := syscall.Unlink(name)
	if err == nil || errors.Is(err, syscall.ENOENT) {
		return nil
	}
	return unwrapPath(os.RemoveAll(name))
}
