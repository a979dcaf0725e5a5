package reports

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
)

// faces decide which font draws each character of a document, and make
// the fonts the PDF embeds: each font of the chain as it is, and, for the
// characters beyond the Basic Multilingual Plane a font draws, a copy of
// it that has them under private codes (see bmpFace).
type faces struct {
	fonts *Fonts
	list  []*Font       // every font, each once; a run's face indexes it
	index map[*Font]int // the place of each font in list
	sup   []rune        // the document's characters beyond the BMP
	codes map[int]map[rune]rune
	pua   map[int][]byte // the private-code copy of a font
	err   error          // from making a copy, reported once at the end
	roles map[string][]*Font
}

// textRun is a piece of a line drawn from one face.
type textRun struct {
	face   int
	pua    bool   // drawn from the private-code copy of the face
	text   string // what the face draws
	actual string // the characters text stands for, when they differ
	width  float64
}

func newFaces(fonts *Fonts, text string) faces {
	fc := faces{fonts: fonts, index: map[*Font]int{}, codes: map[int]map[rune]rune{}, pua: map[int][]byte{}, roles: map[string][]*Font{}}
	for _, role := range []string{roleBody, roleTitle, roleChain} {
		fc.roles[role] = fonts.faces(role)
	}
	for _, f := range append([]*Font{fonts.Body, fonts.Title}, fonts.Chain...) {
		if _, ok := fc.index[f]; f != nil && !ok {
			fc.index[f] = len(fc.list)
			fc.list = append(fc.list, f)
		}
	}
	seen := map[rune]bool{}
	for _, r := range text {
		if r > 0xFFFF && !seen[r] {
			seen[r] = true
			fc.sup = append(fc.sup, r)
		}
	}
	return fc
}

// name is the PDF font family of a run's face: f0, f1, … and f0x, f1x, …
// for their private-code copies.
func (fc *faces) name(run textRun) string {
	name := "f" + strconv.Itoa(run.face)
	if run.pua {
		name += "x"
	}
	return name
}

// data is the font file of a run's face.
func (fc *faces) data(run textRun) []byte {
	if run.pua {
		return fc.pua[run.face]
	}
	return fc.list[run.face].Data
}

// pick is the run that draws c in a role: from the first face that has
// it, or the missing mark.
func (fc *faces) pick(role string, c rune) textRun {
	for _, f := range fc.roles[role] {
		if !f.Has(c) {
			continue
		}
		i := fc.index[f]
		if c <= 0xFFFF {
			return textRun{face: i, text: string(c)}
		}
		if code, ok := fc.privateCode(i, c); ok {
			return textRun{face: i, pua: true, text: string(code), actual: string(c)}
		}
	}
	mark := missingMark
	for _, f := range fc.fonts.Chain {
		if f.Has(mark) {
			return textRun{face: fc.index[f], text: string(mark), actual: string(c)}
		}
	}
	return textRun{face: fc.index[fc.fonts.Chain[0]], text: "?", actual: string(c)}
}

// privateCode is the code of c in the private-code copy of font i, which
// is made on first use for every character of the document beyond the BMP.
func (fc *faces) privateCode(i int, c rune) (rune, bool) {
	codes, ok := fc.codes[i]
	if !ok {
		data, made, err := fc.list[i].bmpFace(fc.sup)
		if err != nil && fc.err == nil {
			fc.err = fmt.Errorf("font %s: %w", fc.list[i].Path, err)
		}
		fc.pua[i], fc.codes[i], codes = data, made, made
	}
	code, ok := codes[c]
	return code, ok && fc.pua[i] != nil
}

// runs cuts a line into runs of characters drawn from one face; invisible
// marks (notDrawn, other than spaces) are left out, and Arabic script is
// shaped (shapeLine) and drawn from the first face that has all its forms.
func (fc *faces) runs(role, s string) []textRun {
	var out []textRun
	for _, p := range shapeLine(s) {
		if p.actual != "" {
			if run, ok := fc.whole(role, p); ok {
				out = append(out, run)
				continue
			}
			p.text = p.actual
		}
		out = fc.appendRuns(out, role, p.text)
	}
	return out
}

// whole is the run that draws a shaped piece from one face, if a face has
// all of it.
func (fc *faces) whole(role string, p piece) (textRun, bool) {
	for _, f := range fc.roles[role] {
		if len(f.Missing(p.text)) == 0 {
			return textRun{face: fc.index[f], text: p.text}, true
		}
	}
	return textRun{}, false
}

func (fc *faces) appendRuns(out []textRun, role, s string) []textRun {
	for _, c := range s {
		if notDrawn(c) && c != ' ' && c != '　' {
			continue
		}
		run := fc.pick(role, c)
		if n := len(out); n > 0 && out[n-1].face == run.face && out[n-1].pua == run.pua && (out[n-1].actual == "") == (run.actual == "") {
			out[n-1].text += run.text
			out[n-1].actual += run.actual
			continue
		}
		out = append(out, run)
	}
	return out
}

// utf16Hex writes s as the big-endian UTF-16 hex string, with its byte
// order mark, of a PDF text string such as ActualText.
func utf16Hex(s string) string {
	var b strings.Builder
	b.WriteString("FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}
