package reports

// The PDF library draws characters one after the other, left to right, in
// the form they are given. Uyghur (and any Arabic-script text) is written
// right to left with letters joined, so each run of it is shaped here: its
// letters put in their joined presentation forms (arabicForms), lam-alef
// ligated, and the run reversed into drawing order. The PDF's text keeps
// the run as it was typed (ActualText).

// piece is a part of a line as drawn, and the text it stands for when the
// two differ.
type piece struct {
	text   string
	actual string
}

// isArabic reports letters of the Arabic script.
func isArabic(r rune) bool {
	return (r >= 0x0600 && r <= 0x06FF) || (r >= 0x0750 && r <= 0x077F)
}

// shapeLine cuts a line into pieces: runs of Arabic script (with the spaces
// and punctuation between their words) shaped into drawing order, and the
// rest as it is.
func shapeLine(s string) []piece {
	rs := []rune(s)
	var out []piece
	start := 0
	for i := 0; i < len(rs); {
		if !isArabic(rs[i]) {
			i++
			continue
		}
		j := i
		for k := i; k < len(rs) && (isArabic(rs[k]) || rs[k] == ' '); k++ {
			if isArabic(rs[k]) {
				j = k + 1
			}
		}
		if start < i {
			out = append(out, piece{text: string(rs[start:i])})
		}
		out = append(out, piece{text: shapeArabic(rs[i:j]), actual: string(rs[i:j])})
		start, i = j, j
	}
	if start < len(rs) || len(out) == 0 {
		out = append(out, piece{text: string(rs[start:])})
	}
	return out
}

// Presentation form indices of arabicForms.
const (
	formIsolated = iota
	formFinal
	formInitial
	formMedial
)

// joinsNext reports whether a letter joins to the letter after it (it has
// an initial or medial form); joinsPrev whether it joins to the one before.
func joinsNext(r rune) bool {
	f, ok := arabicForms[r]
	return ok && (f[formInitial] != 0 || f[formMedial] != 0)
}
func joinsPrev(r rune) bool { f, ok := arabicForms[r]; return ok && f[formFinal] != 0 }

// lamAlef are the ligatures of lam with each alef: isolated, final.
var lamAlef = map[rune][2]rune{0x0622: {0xFEF5, 0xFEF6}, 0x0623: {0xFEF7, 0xFEF8}, 0x0625: {0xFEF9, 0xFEFA}, 0x0627: {0xFEFB, 0xFEFC}}

// shapeArabic joins the letters of a run of Arabic script and returns them
// in drawing order, right to left.
func shapeArabic(rs []rune) string {
	var drawn []rune
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		prev := i > 0 && joinsNext(rs[i-1]) && joinsPrev(r)
		if lig, ok := lamAlef[next(rs, i)]; r == 0x0644 && ok {
			form := lig[0]
			if prev {
				form = lig[1]
			}
			drawn = append(drawn, form)
			i++
			continue
		}
		forms, ok := arabicForms[r]
		if !ok {
			drawn = append(drawn, r)
			continue
		}
		nextJoins := i+1 < len(rs) && joinsNext(r) && joinsPrev(rs[i+1])
		form := formIsolated
		switch {
		case prev && nextJoins:
			form = formMedial
		case prev:
			form = formFinal
		case nextJoins:
			form = formInitial
		}
		if forms[form] == 0 {
			form = formIsolated
		}
		drawn = append(drawn, forms[form])
	}
	for i, j := 0, len(drawn)-1; i < j; i, j = i+1, j-1 {
		drawn[i], drawn[j] = drawn[j], drawn[i]
	}
	return string(drawn)
}

func next(rs []rune, i int) rune {
	if i+1 < len(rs) {
		return rs[i+1]
	}
	return 0
}
