package reports

import "strings"

// MaskID hides the middle of an ID number for reports: the first six and
// the last four characters stay (the region and the check), the rest become
// asterisks. Numbers of ten characters or fewer are hidden entirely.
func MaskID(id string) string {
	r := []rune(id)
	if len(r) <= 10 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:6]) + strings.Repeat("*", len(r)-10) + string(r[len(r)-4:])
}
