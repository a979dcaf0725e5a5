package source

import "strings"

// Suggest returns the candidate closest to word, or "" when none is close
// enough to be what the editor meant: first the same word in other
// capitals or full-width letters, else the closest by edit distance in
// characters (a swap of two neighbours counts as one edit), so full- and
// half-width brackets count as one edit each.
func Suggest(word string, candidates []string) string {
	// The same word in other capitals, in full-width letters or with
	// spaces around it is the one meant: ZCFG, ｚｃｆｇ, " zcfg".
	for _, c := range candidates {
		if folded(word) == folded(c) {
			return c
		}
	}
	best, bestDist := "", -1
	w := []rune(word)
	for _, c := range candidates {
		d := distance(w, []rune(c))
		limit := max(1, min(len(w), len([]rune(c)))/3)
		if d <= limit && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the optimal-string-alignment distance between a and b.
func distance(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// folded is s as Suggest compares it first: lower case, half-width, without
// the spaces around it.
func folded(s string) string {
	return strings.ToLower(strings.TrimSpace(strings.Map(func(r rune) rune {
		if a := fullWidthOf(r); a != 0 {
			return a
		}
		if r == '\u3000' {
			return ' '
		}
		return r
	}, s)))
}
