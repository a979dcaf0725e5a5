package reports

import (
	"reflect"
	"strings"
)

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

// MaskIDs masks, in place, every ID-number-shaped run of every string
// reachable from v (a pointer to a report's data or its Document): an ID
// number typed into a name, an address, a note or a file name is masked as
// the party's id_number is, wherever it appears. Build applies it to what
// every output (PDF, HTML, JSON) is made from, so no field is forgotten.
func MaskIDs(v any) {
	eachString(reflect.ValueOf(v), "", func(_ string, s reflect.Value) {
		if s.CanSet() {
			if m := MaskText(s.String()); m != s.String() {
				s.SetString(m)
			}
		}
	})
}

// minIDDigits is the length from which a run of digits is taken for an ID
// number: the 15 of the old 公民身份号码; the new one has 18, the last of
// which may be X. Longer runs (two numbers typed together, a number with a
// digit too many) are masked too.
const minIDDigits = 15

// MaskText masks every run of minIDDigits or more digits (ASCII or
// full-width, with a final X or x after 17 digits) in s, keeping its first
// six and last four characters. A run inside a hexadecimal digest (32 or
// more hex characters, such as the SHA-256 a correction names) is not an ID
// number and is kept.
func MaskText(s string) string {
	if !hasLongDigits(s) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(rs); {
		if !isDigit(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j := i
		for j < len(rs) && isDigit(rs[j]) {
			j++
		}
		if j-i == 17 && j < len(rs) && strings.ContainsRune("XxＸｘ", rs[j]) {
			j++
		}
		if j-i < minIDDigits || (isDigit(rs[j-1]) && inDigest(rs, i, j)) {
			b.WriteString(string(rs[i:j]))
		} else {
			b.WriteString(MaskID(string(rs[i:j])))
		}
		i = j
	}
	return b.String()
}

// hasLongDigits is a quick test that s holds minIDDigits digits at all.
func hasLongDigits(s string) bool {
	n := 0
	for _, r := range s {
		if isDigit(r) {
			n++
		}
	}
	return n >= minIDDigits
}

func isDigit(r rune) bool { return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') }

func isHex(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= 'a' && r <= 'f') || (r >= 'A' && r <= 'F')
}

// inDigest reports whether the digits rs[i:j] lie in a hexadecimal digest,
// not an ID number: a word of 32 or more hexadecimal characters with a
// letter, standing alone (no letter or digit just before or after it).
func inDigest(rs []rune, i, j int) bool {
	a, z := i, j
	for a > 0 && isHex(rs[a-1]) {
		a--
	}
	for z < len(rs) && isHex(rs[z]) {
		z++
	}
	alone := (a == 0 || !isAlnum(rs[a-1])) && (z == len(rs) || !isAlnum(rs[z]))
	return z-a >= 32 && (a < i || z > j) && alone
}

func isAlnum(r rune) bool { return isDigit(r) || isWordLetter(r) }

func isWordLetter(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }
