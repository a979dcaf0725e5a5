// Package search builds the static full-text index of the site, which the
// small script themes/default/static/search.js queries in the browser with
// no server.
//
// # Tokens
//
// Text is folded (full-width ASCII to ASCII, Latin letters to lower case)
// and cut into units: one unit per Chinese character and one per run of
// Latin letters and digits. Whitespace joins units (Chinese text puts
// spaces around numbers only for looks); any other character separates
// them. The tokens are:
//
//   - every Latin word ("7631779", "b");
//   - every pair of joined units of which at least one is Chinese: the
//     character bigrams "计划" "划生" "生育" of 计划生育, and "b超" of B超;
//   - a Chinese character that is joined to nothing, alone.
//
// Each token carries the ordinal of its first unit, so that a query can
// tell an exact phrase from the same tokens scattered. The browser script
// implements the same rules; the vectors in testdata/tokenizer_vectors.json
// are checked by the Go tests and by the JavaScript tests, so the two can
// never disagree.
//
// # Index files
//
// Build writes, under the site's search/ folder:
//
//	index.json       the manifest: counts, parts, units, synonyms, shard bits
//	s/<hex>.json     a shard: token -> postings, for tokens whose hash falls in it
//	s/<hex>-<n>.txt  the postings of one token too big to share a shard
//	r/<n>.json       a chunk of records (URL, title, body, part, units)
//
// A query fetches the manifest, the shards of its tokens and the chunks of
// the records it shows, and nothing else; see BENCHMARKS.md for how that
// grows with the size of the site.
package search

import (
	"strings"
	"unicode/utf8"
)

// Token is one term of the index and the ordinal of its first unit.
type Token struct {
	Text string
	Pos  int
}

// Fold maps a character to the form it is indexed under: full-width ASCII
// becomes ASCII, the ideographic space a space, A-Z lower case.
func Fold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	case r == 0x3000:
		r = ' '
	}
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	return r
}

// IsHan reports whether r is a Chinese character. The ranges are written
// out, not taken from the Unicode tables, so that Go and JavaScript agree
// whatever Unicode version each ships.
func IsHan(r rune) bool {
	return r == 0x3007 ||
		(r >= 0x3400 && r <= 0x4DBF) ||
		(r >= 0x4E00 && r <= 0x9FFF) ||
		(r >= 0xF900 && r <= 0xFAFF) ||
		(r >= 0x20000 && r <= 0x323AF)
}

// isWord reports whether a folded character belongs to a Latin word.
func isWord(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')
}

// isSpace reports whether a folded character is whitespace, which joins
// units instead of separating them.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0xA0:
		return true
	}
	return false
}

// unit is one Chinese character or one Latin word of a text: the bytes
// start:end of the folded text.
type unit struct {
	start, end int
	han        bool
	ord        int
	joined     bool // no separator between this unit and the one before
}

// fold is text with every character folded. It is text itself, not a
// copy, when nothing folds (most Chinese text).
func fold(text string) string {
	for i, r := range text {
		if r == utf8.RuneError || Fold(r) != r {
			var b strings.Builder
			b.Grow(len(text))
			b.WriteString(text[:i])
			for _, r := range text[i:] {
				b.WriteRune(Fold(r))
			}
			return b.String()
		}
	}
	return text
}

// eachUnit calls f with the units of the folded text in order, numbering
// them; a run of separators counts as one more ordinal, so phrases cannot
// match across punctuation.
func eachUnit(folded string, f func(unit)) {
	var (
		wordStart = -1
		ord       int
		found     bool // a unit was found
		gap       bool // a separator since the last unit
		joined    bool
	)
	add := func(start, end int, han bool) {
		if gap {
			ord++
		}
		f(unit{start: start, end: end, han: han, ord: ord, joined: joined && found})
		ord++
		found, gap, joined = true, false, true
	}
	flush := func(end int) {
		if wordStart >= 0 {
			add(wordStart, end, false)
			wordStart = -1
		}
	}
	for i, r := range folded {
		switch {
		case isWord(r):
			if wordStart < 0 {
				wordStart = i
			}
		case IsHan(r):
			flush(i)
			add(i, i+utf8.RuneLen(r), true)
		case isSpace(r):
			flush(i)
		default:
			flush(i)
			if found {
				gap = true
			}
			joined = false
		}
	}
	flush(len(folded))
}

// Tokens returns the tokens of text in order of position. Their texts
// share the memory of one folded copy of text (or of text itself).
func Tokens(text string) []Token {
	folded := fold(text)
	out := make([]Token, 0, len(folded)/3+1)
	// Each unit's tokens depend on the unit after it: u waits for next.
	var u unit
	have := false
	tokens := func(next *unit) {
		if !u.han {
			out = append(out, Token{folded[u.start:u.end], u.ord})
		}
		joinsNext := next != nil && next.joined
		if joinsNext && (u.han || next.han) {
			pair := folded[u.start:next.end]
			if next.start != u.end { // whitespace between them
				pair = folded[u.start:u.end] + folded[next.start:next.end]
			}
			out = append(out, Token{pair, u.ord})
		}
		if u.han && !joinsNext && !u.joined {
			out = append(out, Token{folded[u.start:u.end], u.ord})
		}
	}
	eachUnit(folded, func(next unit) {
		if have {
			tokens(&next)
		}
		u, have = next, true
	})
	if have {
		tokens(nil)
	}
	return out
}
