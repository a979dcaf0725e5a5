// Package seedtext reads the source document the bureau published: the
// text extracted from the PDF of its responsibility list (tab-separated
// table rows, rows split where a page breaks). Tests use it to prove that
// the content and the built site carry every word of it.
package seedtext

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// joins lists the table rows the PDF split at a page break: a row whose
// item cell is exactly one of these is the rest of the row above.
var joins = []string{
	"实施。", // duty 1, last item
	"计划生育服务管理工作制度。", // duty 4, item 2
	"务工作。", // duty 7, item 3
}

// Source is the source document itself: seed.txt, a copy of the text the
// bureau published (../shared/seeds/000_2ea1ee190cf32676.txt beside the
// repository, which the end-to-end test compares it with).
//
//go:embed seed.txt
var Source string

// List is the source document, parsed.
type List struct {
	Duties   []Duty
	Matters  []Matter
	Services [][]string // 序号, 服务事项, 主要内容, 承办股室, 联系电话
	Systems  []System
}

// Duty is one row group of the 部门职责 table: a duty and its work items.
type Duty struct {
	Text  string
	Items [][2]string // text, responsible-unit cell
}

// Matter is one shared matter of the 职责边界 table.
type Matter struct {
	Title string
	Roles [][2]string // department, duty
	Basis string      // the whole 相关依据 cell, pieces joined
}

// System is one 事中事后监督管理制度, as lines of text.
type System struct {
	Title string   // without its (一) numbering
	Lines []string // every line of text, list markers removed
}

// The headings that open each part of the source document.
const (
	dutiesHead   = "序号\t主要职责\t具体工作事项\t责任股室\t备注"
	mattersHead  = "序号\t管理事项\t相关部门\t职责分工\t相关依据\t案例"
	servicesHead = "序号\t服务事项\t主要内容\t承办股室（单位）\t联系电话"
	systemsHead  = "四、事中事后监督管理制度"
)

// Parse reads the source document: its three tables and the text of
// its fourth part.
func Parse(text string) (*List, error) {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var s List
	dl, err := section(lines, dutiesHead, "二、与相关部门的职责边界")
	if err != nil {
		return nil, err
	}
	if err := s.readDuties(dl); err != nil {
		return nil, err
	}
	ml, err := section(lines, mattersHead, "三、公共服务事项")
	if err != nil {
		return nil, err
	}
	if err := s.readMatters(ml); err != nil {
		return nil, err
	}
	sl, err := section(lines, servicesHead, systemsHead)
	if err != nil {
		return nil, err
	}
	for _, l := range sl {
		if strings.TrimSpace(l) == "" {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 5 {
			return nil, fmt.Errorf("service row %q has %d cells", l, len(c))
		}
		s.Services = append(s.Services, c)
	}
	pl, err := section(lines, systemsHead, "")
	if err != nil {
		return nil, err
	}
	for _, l := range pl {
		l = strings.TrimPrefix(strings.TrimSpace(l), "- ")
		if l == "" {
			continue
		}
		if m := systemTitle.FindStringSubmatch(l); m != nil {
			s.Systems = append(s.Systems, System{Title: m[1]})
			continue
		}
		if len(s.Systems) == 0 {
			return nil, fmt.Errorf("text %q before the first system", l)
		}
		last := &s.Systems[len(s.Systems)-1]
		last.Lines = append(last.Lines, l)
	}
	return &s, nil
}

// section returns the lines after the line head up to the line next, or to
// the end when next is empty.
func section(lines []string, head, next string) ([]string, error) {
	start := -1
	for i, l := range lines {
		switch {
		case start < 0 && l == head:
			start = i + 1
		case start >= 0 && next != "" && l == next:
			return lines[start:i], nil
		}
	}
	if start < 0 {
		return nil, fmt.Errorf("heading %q not found", head)
	}
	if next != "" {
		return nil, fmt.Errorf("heading %q not found", next)
	}
	return lines[start:], nil
}

// systemTitle matches the title line of a supervision system, "(四) 规范案件查处".
var systemTitle = regexp.MustCompile(`^[(（][一二三四五六七八九十][)）] ?(\S*(监管|规范案件查处|裁量权规范))$`)

func (s *List) readDuties(lines []string) error {
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 5 {
			return fmt.Errorf("duty row %q has %d cells", l, len(c))
		}
		num, duty, item, unit := c[0], c[1], c[2], c[3]
		if num != "" {
			s.Duties = append(s.Duties, Duty{Text: duty})
		}
		if len(s.Duties) == 0 {
			return fmt.Errorf("row %q before the first duty", l)
		}
		d := &s.Duties[len(s.Duties)-1]
		if num == "" && isJoin(item) {
			last := &d.Items[len(d.Items)-1]
			last[0] += item
			last[1] += unit
			continue
		}
		d.Items = append(d.Items, [2]string{item, unit})
	}
	return nil
}

func isJoin(cell string) bool {
	for _, j := range joins {
		if cell == j {
			return true
		}
	}
	return false
}

// readMatters reads the boundaries table. A row with no department is the
// rest of the row above, split by a page break; a line with no tab at all
// is the first line of a basis cell that the PDF printed above the page.
func (s *List) readMatters(lines []string) error {
	pending := ""
	for _, l := range lines {
		if strings.Trim(l, "-\t ") == "" {
			continue // blank line, or the empty last row "--\t--…"
		}
		c := strings.Split(l, "\t")
		if len(c) == 1 {
			pending += l
			continue
		}
		if len(c) != 6 {
			return fmt.Errorf("boundary row %q has %d cells", l, len(c))
		}
		num, title, dept, duty, basis := c[0], c[1], c[2], c[3], c[4]
		if num != "" {
			s.Matters = append(s.Matters, Matter{Title: title})
		}
		if len(s.Matters) == 0 {
			return fmt.Errorf("row %q before the first matter", l)
		}
		m := &s.Matters[len(s.Matters)-1]
		if dept != "" {
			m.Roles = append(m.Roles, [2]string{dept, duty})
		} else if duty != "" {
			m.Roles[len(m.Roles)-1][1] += duty
		}
		if basis != "" {
			m.Basis += pending + basis
			pending = ""
		}
	}
	if pending != "" {
		return fmt.Errorf("text %q belongs to no row", pending)
	}
	return nil
}

// Squash removes whitespace: the PDF breaks lines where it likes.
func Squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
