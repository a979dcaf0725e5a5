package source

import (
	"strings"
	"unicode"
)

// MaxRepeats is how many problems of one kind in one file are shown; the
// rest are summed up in one line after them.
const MaxRepeats = 20

// Folded returns ps with the problems of each kind in each file after the
// first MaxRepeats replaced by one problem, at the first of them, that
// says how many more there are: a file with a million bad values prints a
// screenful, not 88 MB. Problems are of one kind when they have the same
// severity and hint and the same message but for its numbers and quoted
// words. The order of the others is kept.
//
// Of two errors at the same file:line:col only the first is kept: it is
// the cause (a value of the wrong type), the later one what followed from
// it (the empty value left in its place).
func (ps Problems) Folded() Problems {
	type kind struct {
		file, message, hint string
		severity            Severity
	}
	seen := map[kind]int{}
	first := map[kind]int{} // index in out of the summary line
	erred := map[Pos]bool{} // positions with an error already
	var out Problems
	for _, p := range ps {
		if p.Severity == Error && p.Pos.Line > 0 {
			if erred[p.Pos] {
				continue
			}
			erred[p.Pos] = true
		}
		k := kind{p.Pos.File, shape(p.Message), p.Hint, p.Severity}
		seen[k]++
		switch n := seen[k]; {
		case n <= MaxRepeats:
			out = append(out, p)
		case n == MaxRepeats+1:
			first[k] = len(out)
			out = append(out, Problem{Pos: p.Pos, Severity: p.Severity})
		}
	}
	for k, i := range first {
		out[i].Message = foldedMore.S(seen[k] - MaxRepeats)
	}
	return out
}

// shape is a message without its numbers and quoted words, what problems
// of one kind have in common.
func shape(message string) string {
	var b strings.Builder
	quoted := false
	for _, r := range message {
		switch {
		case r == '"' || r == '“' || r == '”':
			quoted = !quoted
		case quoted || unicode.IsDigit(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
