package output

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/windows"
)

// The file calls of syscalls_unix.go, for Windows, through package os. A
// file's identity is its volume's serial number and its file index, as
// GetFileInformationByHandle gives them.

// createFile creates the new file name holding data. The file must not
// exist yet.
func createFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return unwrapPath(err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return unwrapPath(err)
}

// sameFile reports whether the regular file name (not a symbolic link or
// other reparse point) holds exactly data, and which file it is. Files of
// another size are not read.
func sameFile(name string, data []byte) (fileID, bool) {
	fi, err := os.Lstat(name)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return fileID{}, false
	}
	f, err := os.Open(name)
	if err != nil {
		return fileID{}, false
	}
	defer f.Close()
	id, err := handleID(windows.Handle(f.Fd()))
	if err != nil || !sameBytes(f.Read, data) {
		return fileID{}, false
	}
	return id, true
}

// isFile reports whether the name refers to the file id itself (the same
// file, as a hard link does), without following a symbolic link.
func isFile(name string, id fileID) bool {
	got, err := pathID(name)
	return err == nil && got.dev == id.dev && got.ino == id.ino
}

// pathID is the identity of the file or folder name, not following a
// symbolic link.
func pathID(name string) (fileID, error) {
	p, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return fileID{}, err
	}
	h, err := windows.CreateFile(p, 0, windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
		nil, windows.OPEN_EXISTING, windows.FILE_FLAG_OPEN_REPARSE_POINT|windows.FILE_FLAG_BACKUP_SEMANTICS, 0)
	if err != nil {
		return fileID{}, err
	}
	defer windows.CloseHandle(h)
	return handleID(h)
}

// handleID is the identity of the open file h.
func handleID(h windows.Handle) (fileID, error) {
	var info windows.ByHandleFileInformation
	if err := windows.GetFileInformationByHandle(h, &info); err != nil {
		return fileID{}, err
	}
	return fileID{
		dev:   uint64(info.VolumeSerialNumber),
		ino:   uint64(info.FileIndexHigh)<<32 | uint64(info.FileIndexLow),
		links: uint64(info.NumberOfLinks),
	}, nil
}

// makeFolder makes the folder name, whose parent exists. A folder already
// there is kept; anything else in its place is removed first.
func makeFolder(name string) error {
	err := os.Mkdir(name, 0o755)
	if !errors.Is(err, fs.ErrExist) {
		return unwrapPath(err)
	}
	fi, err := os.Lstat(name)
	if err != nil {
		return unwrapPath(err)
	}
	if fi.IsDir() {
		return nil
	}
	if err := os.Remove(name); err != nil {
		return unwrapPath(err)
	}
	return unwrapPath(os.Mkdir(name, 0o755))
}

// removeName removes whatever is at name (a file, or a folder with all it
// holds); nothing there is not an error.
func removeName(name string) error {
	err := os.Remove(name)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return unwrapPath(os.RemoveAll(name))
}

// linkFile makes new a hard link to the file old (NTFS; other file systems
// refuse, and the caller copies instead).
func linkFile(old, new string) error { return os.Link(old, new) }

// openSync opens name for SyncPath: a file for writing, as FlushFileBuffers
// needs. Windows cannot flush a folder's entries (NTFS journals them
// itself), so a folder gives nil and nothing to do.
func openSync(name string) (*os.File, error) {
	fi, err := os.Stat(name)
	if err != nil || fi.IsDir() {
		return nil, err
	}
	return os.OpenFile(name, os.O_RDWR, 0)
}
