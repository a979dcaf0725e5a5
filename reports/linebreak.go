package reports

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// noStart are characters a line must not start with (行首禁则): closing
// punctuation and marks that belong to the character before them.
const noStart = "，。、；：？！）」』》〉】〕〗〙］｝〞’”…—～％‰·．,.;:?!)]}%"

// noEnd are characters a line must not end with (行尾禁则): opening
// brackets and quotes that belong to the character after them.
const noEnd = "（「『《〈【〔〖〘［｛〝‘“([{"

// Wrap breaks text into lines that fit width, as measure gives each
// character's width; the first line is indent narrower. It never drops or
// changes a character: the lines joined give back the text without its
// newlines, which are kept as forced breaks.
//
// Chinese breaks between any two characters, Latin letters and digits are
// kept together as words (split only when wider than a line), and the basic
// 禁则 hold: no line starts with closing punctuation such as ，。）」 or
// ends with opening brackets such as （「, unless a line would otherwise be
// left empty. Closing punctuation may hang one character past the width
// rather than leave its character alone. A 文号 or 案号 (docNumber) is kept
// on one line like a word.
func Wrap(text string, width, indent float64, measure func(rune) float64) []string {
	var lines []string
	for i, para := range strings.Split(text, "\n") {
		w := &wrapper{measure: measure, width: width}
		if i == 0 {
			w.first = indent
		}
		lines = append(lines, w.wrap(para)...)
	}
	return lines
}

// wrapper breaks one paragraph.
type wrapper struct {
	measure func(rune) float64
	width   float64
	first   float64 // indent of the first line, until it is emitted
	lines   []string
	line    []cluster
}

// cluster is a piece of text never broken inside: a word of Latin letters
// and digits, one Chinese character, a run of spaces, each with the
// combining marks that follow it.
type cluster struct {
	text  string
	width float64
}

func (w *wrapper) avail() float64 { return w.width - w.first }

func (w *wrapper) lineWidth() float64 {
	sum := 0.0
	for _, c := range w.line {
		sum += c.width
	}
	return sum
}

func (w *wrapper) emit(n int) {
	var b strings.Builder
	for _, c := range w.line[:n] {
		b.WriteString(c.text)
	}
	w.lines = append(w.lines, b.String())
	w.line = append([]cluster(nil), w.line[n:]...)
	w.first = 0
}

func (w *wrapper) wrap(para string) []string {
	for _, c := range w.clusters(para) {
		w.add(c)
	}
	w.emit(len(w.line))
	return w.lines
}

// add puts a cluster on the line, breaking first when it does not fit.
func (w *wrapper) add(c cluster) {
	lw := w.lineWidth()
	if len(w.line) == 0 || lw+c.width <= w.avail() || isSpace(c) {
		w.line = append(w.line, c)
		return
	}
	if at := w.breakBefore(c); at > 0 {
		w.emit(at)
		w.add(c) // what is left of the line and c may still not fit
		return
	}
	// No break is allowed in the line: let one closing punctuation mark
	// hang once, else break before the cluster all the same. A word that
	// merely starts with one (such as "!0") is wider than a mark and does
	// not hang.
	if startsBad(c) && oneCharacter(c) && lw <= w.avail() {
		w.line = append(w.line, c)
		return
	}
	w.emit(len(w.line))
	w.line = append(w.line, c)
}

// breakBefore finds where to break the line so that c can follow on the
// next one: the latest place where neither 禁则 is broken, or 0 when there
// is none.
func (w *wrapper) breakBefore(c cluster) int {
	next := c
	for at := len(w.line); at > 0; at-- {
		if !startsBad(next) && !endsBad(w.line[at-1]) && !isSpace(next) {
			return at
		}
		next = w.line[at-1]
	}
	return 0
}

func startsBad(c cluster) bool {
	r := []rune(c.text)[0]
	return strings.ContainsRune(noStart, r)
}

func endsBad(c cluster) bool {
	r := []rune(c.text)
	return strings.ContainsRune(noEnd, r[len(r)-1])
}

// oneCharacter reports whether c is a single character with the marks
// that attach to it.
func oneCharacter(c cluster) bool {
	for i, r := range c.text {
		if i > 0 && !attaches(r) {
			return false
		}
	}
	return true
}

func isSpace(c cluster) bool {
	return unicode.IsSpace([]rune(c.text)[0])
}

// isWord reports whether r is kept together with its neighbours of the
// same kind: Latin letters, digits and ASCII punctuation.
func isWord(r rune) bool {
	if r < 0x80 {
		return r > ' ' && r != 0x7F
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isCJK(r)
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// attaches reports whether r belongs to the character before it:
// combining marks, variation selectors and joiners.
func attaches(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me) || r == 0x200D || (r >= 0xFE00 && r <= 0xFE0F)
}

// clusters cuts a paragraph into unbreakable pieces; a word wider than a
// whole line is cut into its characters so that it can be broken anywhere.
func (w *wrapper) clusters(para string) []cluster {
	var out []cluster
	var cur []rune
	kind := 0 // of cur: 1 word, 2 space, 3 other, 4 a 文号
	flush := func() {
		if len(cur) == 0 {
			return
		}
		c := cluster{text: string(cur)}
		for _, r := range cur {
			c.width += w.measure(r)
		}
		if (kind == 1 || kind == 4) && c.width > w.width {
			out = append(out, w.split(cur)...)
		} else {
			out = append(out, c)
		}
		cur = cur[:0]
	}
	whole := docNumber.FindAllStringIndex(para, -1)
	for i, r := range para {
		if len(whole) > 0 && i >= whole[0][0] {
			if i == whole[0][0] {
				flush()
				kind = 4
			}
			cur = append(cur, r)
			if i+utf8.RuneLen(r) == whole[0][1] {
				flush()
				kind, whole = 0, whole[1:]
			}
			continue
		}
		k := 3
		switch {
		case attaches(r) && len(cur) > 0:
			cur = append(cur, r)
			continue
		case isWord(r):
			k = 1
		case unicode.IsSpace(r):
			k = 2
		}
		if k == 3 || k != kind {
			flush()
		}
		kind = k
		cur = append(cur, r)
	}
	flush()
	return out
}

// split cuts a word into characters, each with its combining marks.
func (w *wrapper) split(word []rune) []cluster {
	var out []cluster
	for _, r := range word {
		if attaches(r) && len(out) > 0 {
			out[len(out)-1].text += string(r)
			out[len(out)-1].width += w.measure(r)
			continue
		}
		out = append(out, cluster{text: string(r), width: w.measure(r)})
	}
	return out
}
