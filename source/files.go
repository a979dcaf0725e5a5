package source

import (
	"errors"
	"io/fs"
	"path"
	"strings"
)

// MaxFile is the largest file read from the content folder or a theme, in
// bytes. The content of a whole county's list is a few megabytes; the
// largest benchmark site (50,000 work items) has a duties.toml of about
// 25 MB.
const MaxFile = 64 << 20

// maxLinks is how many symbolic links one name may go through.
const maxLinks = 40

// Guard returns fsys as editors' files must be read: only regular files and
// folders that are inside fsys. A symbolic link is followed only while it
// stays inside (a link that is absolute or climbs out, to /etc/passwd or a
// case file, is refused), and a name that is not a regular file or folder
// (a FIFO, a device such as /dev/zero, a socket) or a file larger than
// MaxFile is refused before it is opened, so that reading never hangs or
// exhausts memory. Refusals are *fs.PathError values whose Err says, in
// the editor's words, what is wrong and what to do.
func Guard(fsys fs.FS) fs.FS { return guarded{fsys} }

type guarded struct{ fsys fs.FS }

// Open implements fs.FS.
func (g guarded) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	real, err := g.resolve(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return g.fsys.Open(real)
}

// resolve follows the symbolic links of name, one component after the
// other, and returns the name inside fsys of what it is, after checking
// that it is a folder or a regular file of at most MaxFile bytes.
func (g guarded) resolve(name string) (string, error) {
	rest := strings.Split(name, "/")
	done := "."
	for links := 0; len(rest) > 0; {
		p := path.Join(done, rest[0])
		rest = rest[1:]
		fi, err := fs.Lstat(g.fsys, p)
		if err != nil {
			return "", unwrapPathError(err)
		}
		switch mode := fi.Mode(); {
		case mode&fs.ModeSymlink != 0:
			if links++; links > maxLinks {
				return "", errLinkLoop.Error(maxLinks)
			}
			to, err := fs.ReadLink(g.fsys, p)
			if err != nil {
				return "", unwrapPathError(err)
			}
			next := path.Join(path.Dir(p), to)
			if path.IsAbs(to) || strings.ContainsAny(to, `\:`) || next == ".." || strings.HasPrefix(next, "../") {
				return "", errLinkOut.Error(to)
			}
			rest = append(strings.Split(next, "/"), rest...)
			done = "."
			continue
		case len(rest) > 0 && !mode.IsDir():
			return "", fs.ErrNotExist
		case len(rest) > 0 || mode.IsDir():
		case !mode.IsRegular():
			return "", errNotRegular.Error(fileKind(mode))
		case fi.Size() > MaxFile:
			return "", errFileTooBig.Error(fi.Size()>>20, MaxFile>>20)
		}
		done = p
	}
	return done, nil
}

// fileKind names what a name that is not a regular file or folder is.
func fileKind(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return kindPipe.S()
	case mode&fs.ModeDevice != 0, mode&fs.ModeCharDevice != 0:
		return kindDevice.S()
	case mode&fs.ModeSocket != 0:
		return kindSocket.S()
	}
	return kindOther.S()
}

// unwrapPathError returns the error inside a *fs.PathError, which Open
// wraps again with the name the caller asked for.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
