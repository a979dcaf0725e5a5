package source

import (
	"strings"
	"time"
)

// IsControl reports whether r is a control character (C0, DEL or C1):
// invisible, and in a page or a report either dropped, shown as a box or
// the cause of a broken file. Tab and the line ends are controls too; the
// callers say where those are allowed.
func IsControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f)
}

// controlIn returns the first control character of the text s other than
// tab and the line ends, and whether there is one.
func controlIn(s string) (rune, bool) {
	i := strings.IndexFunc(s, func(r rune) bool { return IsControl(r) && r != '\t' && r != '\n' && r != '\r' })
	if i < 0 {
		return 0, false
	}
	return []rune(s[i:])[0], true
}

// timeOnly reports whether t is a TOML local time (10:00:00): a time of day
// with no date, which the TOML parser gives as a time in year 0.
func timeOnly(t time.Time) bool {
	return t.Year() == 0 && t.Month() == time.January && t.Day() == 1
}
