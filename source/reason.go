package source

import (
	"errors"
	"io/fs"
	"strings"
)

// Reason says in the reader's language why a file could not be read: the
// common causes from the catalogue, anything else as the system put it.
func Reason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return reasonMissing.S()
	case errors.Is(err, fs.ErrPermission):
		return reasonPermission.S()
	case err != nil && strings.Contains(err.Error(), "is a directory"):
		return reasonIsDir.S()
	case err == nil:
		return ""
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
