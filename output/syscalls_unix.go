//go:build unix

package output

import (
	"errors"
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// The calls in this file go to the system directly (golang.org/x/sys/unix),
// not through os.File: a site is tens of thousands of small files, and
// os.OpenFile adds four fcntl calls and an epoll registration to every one
// of them. Only POSIX calls are used. syscalls_windows.go does the same
// through package os.

// retryEINTR calls f until it fails with something other than EINTR.
func retryEINTR(f func() error) error {
	for {
		if err := f(); err != unix.EINTR {
			return err
		}
	}
}

// createFile creates the new file name holding data, with mode 0644 whatever
// the umask. The file must not exist yet.
func createFile(name string, data []byte) error {
	var fd int
	err := retryEINTR(func() (err error) {
		fd, err = unix.Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, 0o644)
		return err
	})
	if err != nil {
		return err
	}
	err = writeAll(fd, data)
	if err == nil {
		err = retryEINTR(func() error { return unix.Fchmod(fd, 0o644) })
	}
	if cerr := unix.Close(fd); err == nil {
		err = cerr
	}
	return err
}

// writeAll writes all of data to fd, going on after short writes.
func writeAll(fd int, data []byte) error {
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
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

// sameFile reports whether the regular file name (not a symbolic link)
// holds exactly data, and which file it is. Files of another size are not
// read.
func sameFile(name string, data []byte) (fileID, bool) {
	var fd int
	err := retryEINTR(func() (err error) {
		fd, err = unix.Open(name, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
		return err
	})
	if err != nil {
		return fileID{}, false
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Size != int64(len(data)) {
		return fileID{}, false
	}
	read := func(b []byte) (int, error) {
		for {
			n, err := unix.Read(fd, b)
			if err != unix.EINTR {
				return n, err
			}
		}
	}
	if !sameBytes(read, data) {
		return fileID{}, false
	}
	return fileID{uint64(st.Dev), uint64(st.Ino), uint64(st.Nlink)}, true
}

// isFile reports whether the name refers to the file id itself (the same
// inode, as a hard link does), without following a symbolic link.
func isFile(name string, id fileID) bool {
	var st unix.Stat_t
	if unix.Lstat(name, &st) != nil {
		return false
	}
	return uint64(st.Dev) == id.dev && uint64(st.Ino) == id.ino
}

// makeFolder makes the folder name, whose parent exists, with mode 0755
// (less the umask). A folder already there is kept; anything else in its
// place is removed first.
func makeFolder(name string) error {
	err := retryEINTR(func() error { return unix.Mkdir(name, 0o755) })
	if err != unix.EEXIST {
		return err
	}
	var st unix.Stat_t
	if err := unix.Lstat(name, &st); err != nil {
		return err
	}
	if st.Mode&unix.S_IFMT == unix.S_IFDIR {
		return nil
	}
	if err := unix.Unlink(name); err != nil {
		return err
	}
	return retryEINTR(func() error { return unix.Mkdir(name, 0o755) })
}

// removeName removes whatever is at name (a file, or a folder with all it
// holds); nothing there is not an error.
func removeName(name string) error {
	err := unix.Unlink(name)
	if err == nil || errors.Is(err, unix.ENOENT) {
		return nil
	}
	return unwrapPath(os.RemoveAll(name))
}

// linkFile makes new a hard link to the file old.
func linkFile(old, new string) error {
	return retryEINTR(func() error { return unix.Link(old, new) })
}

// openSync opens name for SyncPath.
func openSync(name string) (*os.File, error) { return os.Open(name) }

// pathID is the identity of the file name, not following a symbolic link.
func pathID(name string) (fileID, error) {
	var st unix.Stat_t
	if err := unix.Lstat(name, &st); err != nil {
		return fileID{}, err
	}
	return fileID{uint64(st.Dev), uint64(st.Ino), uint64(st.Nlink)}, nil
}
