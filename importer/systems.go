package importer

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// The paragraphs of a Word file outside its tables: the document's title,
// the headings of its parts, and the text of the supervision systems
// (事中事后监督管理制度), each system a "(一)…" title followed by its text.

var (
	partHeading   = regexp.MustCompile(`^[一二三四五六七八九十]+[、.．]\s*(部门职责|与相关部门的职责边界|职责边界|公共服务事项|事中事后监督管理制度)`)
	numberedHead  = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	bracketedHead = regexp.MustCompile(`^[(（]([一二三四五六七八九十]+)[)）]\s*`)
	sentenceMark  = regexp.MustCompile(`[，。；,;：:]`)
)

// heading2 reports whether a paragraph is a short "(一)…" heading, no
// sentence in it.
func heading2(s string) bool {
	return bracketedHead.MatchString(s) && !sentenceMark.MatchString(s) && utf8.RuneCountInString(s) <= 40
}

func heading1(s string) bool {
	return numberedHead.MatchString(s) && !strings.Contains(s, "。") && utf8.RuneCountInString(s) <= 30
}

func (b *builder) paragraphs(paras []*Para) {
	inSystems := false
	var body []*Para // paragraphs of the supervision part
	for _, p := range paras {
		t := strings.TrimSpace(p.Text)
		switch {
		case t == "":
			b.rep.para(p, msgParaBlank.S())
		case partHeading.MatchString(t):
			inSystems = strings.Contains(t, "监督管理制度")
			if inSystems {
				b.has[PartSupervision] = true
			}
			b.rep.para(p, msgParaPartHeading.S())
		case inSystems:
			body = append(body, p)
		default:
			b.rep.para(p, msgParaOutside.S())
		}
	}
	// A paragraph that a page break cut (a PDF turned into Word) goes on
	// in the next one: it is long, ends with no sentence mark, and the next
	// starts with no number.
	var joined []*Para
	for _, p := range body {
		t := strings.TrimSpace(p.Text)
		if n := len(joined); n > 0 {
			prev := joined[n-1]
			pt := strings.TrimSpace(prev.Text)
			if utf8.RuneCountInString(pt) >= 30 && !endsSentence(pt) && !strings.HasSuffix(pt, "：") &&
				!heading1(t) && !bracketedHead.MatchString(t) && !p.List && !startsNumber(t) {
				joined[n-1] = &Para{N: prev.N, Text: pt + t, List: prev.List, Style: prev.Style}
				b.rep.para(p, msgParaJoined.S(prev.N))
				continue
			}
		}
		joined = append(joined, &Para{N: p.N, Text: t, List: p.List, Style: p.Style})
	}
	var cur *rawSystem
	var md []string
	lastList := false
	flush := func() {
		if cur != nil {
			cur.text = strings.Join(md, "") + "\n"
			md, lastList = nil, false
		}
	}
	for i, p := range joined {
		if m := bracketedHead.FindStringSubmatch(p.Text); m != nil && heading2(p.Text) && !p.List && opensSystem(joined[i+1:]) {
			flush()
			cur = &rawSystem{title: strings.TrimSpace(p.Text[len(m[0]):]), order: len(b.systems) + 1}
			b.systems = append(b.systems, cur)
			s := cur
			b.rep.paraLater(p, func() string { return msgParaSystem.S(s.out.ID, s.out.File) })
			continue
		}
		if cur == nil {
			b.rep.para(p, msgParaBeforeSystem.S())
			continue
		}
		line := mdLine(p)
		if len(md) > 0 {
			if p.List && lastList {
				line = "\n" + line
			} else {
				line = "\n\n" + line
			}
		}
		md, lastList = append(md, line), p.List
		if cur.summary == "" && !heading1(p.Text) && !heading2(p.Text) {
			cur.summary = firstSentence(p.Text)
		}
		s := cur
		b.rep.paraLater(p, func() string { return msgParaSystemText.S(s.out.ID) })
	}
	flush()
}

// opensSystem reports whether the paragraphs after a "(一)…" heading go on
// as a system does: the first numbered heading after it is "一、", before
// any other "(N)" paragraph.
func opensSystem(next []*Para) bool {
	for _, p := range next {
		switch {
		case bracketedHead.MatchString(p.Text):
			return false
		case numberedHead.MatchString(p.Text):
			return strings.HasPrefix(p.Text, "一、")
		}
	}
	return false
}

var listNumber = regexp.MustCompile(`^([0-9]+[、.．)]|[(（][0-9一二三四五六七八九十]+[)）])`)

func startsNumber(s string) bool { return listNumber.MatchString(s) }

// mdLine writes a paragraph as Markdown: "## " for 一、 headings, "### " for
// (一) headings, "- " for list paragraphs; characters Markdown would read
// as markup are escaped, so that the text shows exactly as written.
func mdLine(p *Para) string {
	t := mdEscape(p.Text)
	switch {
	case p.List:
		return "- " + t
	case heading1(p.Text):
		return "## " + t
	case heading2(p.Text):
		return "### " + t
	}
	return t
}

var mdLead = regexp.MustCompile(`^([#>+*-]|[0-9]+[.)])`)

func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_<>[]", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := strings.ReplaceAll(b.String(), "\n", "  \n")
	if loc := mdLead.FindStringIndex(out); loc != nil {
		out = out[:loc[1]-1] + "\\" + out[loc[1]-1:]
	}
	return out
}

// firstSentence is a system's summary: its first sentence, up to 。 or ：.
func firstSentence(s string) string {
	if i := strings.IndexAny(s, "。："); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		return s[:i+n]
	}
	return s
}
