package importer

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// unitRef is one unit a responsibility cell names: "人秘股（人口发展研究室）"
// names 人口发展研究室, inside 人秘股.
type unitRef struct {
	name   string // as written, spaces trimmed
	parent string // the unit written before the brackets, "" for none
}

// bracketed matches one bracket of a unit cell, of either width, mixed
// widths included: the source document closes "（流动人口管理服务中心)".
var bracketed = regexp.MustCompile(`[(（]([^()（）]+)[)）]`)

// listSep separates units written one after another in a cell.
var listSep = regexp.MustCompile(`[；;、，,\n]+`)

// parseUnitCell reads a responsibility cell: units one after another
// (separated by ；、 or a line break), each either a name or a name and
// bracketed sub-units ("发展规划与统计信息股（信息交流共享中心）（流动人口管理服务中心）"
// names both centres, inside the section). Text after the last bracket
// ("与相关科室") is the note.
func parseUnitCell(cell string) (refs []unitRef, note string) {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		return nil, ""
	}
	if ms := bracketed.FindAllStringSubmatchIndex(cell, -1); len(ms) > 0 {
		prefix := strings.TrimSpace(cell[:ms[0][0]])
		between := true
		for k := 1; k < len(ms); k++ {
			between = between && strings.TrimSpace(cell[ms[k-1][1]:ms[k][0]]) == ""
		}
		if between && !listSep.MatchString(prefix) {
			for _, m := range ms {
				refs = append(refs, unitRef{name: strings.TrimSpace(cell[m[2]:m[3]]), parent: prefix})
			}
			return refs, strings.TrimSpace(cell[ms[len(ms)-1][1]:])
		}
	}
	for _, part := range listSep.Split(cell, -1) {
		if part = strings.TrimSpace(part); part != "" {
			refs = append(refs, unitRef{name: part})
		}
	}
	return refs, ""
}

// normName folds the spellings of one unit's name that differ only in
// bracket width, spaces, or a doubled word ("流动人口管理服务服务中心").
func normName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '(':
			return '（'
		case ')':
			return '）'
		case ' ', '\t', '\n', '\u3000':
			return -1
		}
		return r
	}, s)
	return undouble(s)
}

// undouble removes a word of two or more characters written twice in a
// row: "服务服务" → "服务". Only names of a unit's length are looked at
// (the search is cubic in the length).
func undouble(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return s
	}
	for changed := true; changed; {
		changed = false
		for n := len(r) / 2; n >= 2 && !changed; n-- {
			for i := 0; i+2*n <= len(r); i++ {
				if string(r[i:i+n]) == string(r[i+n:i+2*n]) {
					r = append(r[:i+n], r[i+2*n:]...)
					changed = true
					break
				}
			}
		}
	}
	return string(r)
}

// kindOf finds the kind of a unit from the end of its name: 人秘股 is a
// 股室, 信访室 a 室. A name that ends in none of kinds gets its last
// character as its kind, and the report says so.
func kindOf(name string, kinds []string) (string, bool) {
	best := ""
	for _, k := range kinds {
		if strings.HasSuffix(name, k) && len(k) > len(best) {
			best = k
		}
	}
	if best != "" {
		return best, true
	}
	if strings.HasSuffix(name, "股") {
		for _, k := range kinds {
			if k == "股室" {
				return k, true
			}
		}
	}
	last, _ := utf8.DecodeLastRuneInString(name)
	return string(last), false
}
