//go:build !linux && !darwin

package output

import "errors"

// exchange would swap two names in one step; this system (Windows) has no
// such call, so swap falls back to two renames.
func exchange(a, b string) error { return errors.ErrUnsupported }
