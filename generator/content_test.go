package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"qingdan/config"
	"qingdan/source"
)

// The real content in ../content must be a complete and faithful conversion
// of the source document the bureau published (testdata/seed-000.txt, the
// text extracted from its PDF: tab-separated table rows, rows split where a
// page breaks). These tests load the content with Load and compare it with
// an independent parse of that document.

const seedFile = "testdata/seed-000.txt"

// seedJoins lists the table rows the PDF split at a page break: a row whose
// item cell is exactly one of these is the rest of the row above.
var seedJoins = []string{
	"实施。", // duty 1, last item
	"计划生育服务管理工作制度。", // duty 4, item 2
	"务工作。", // duty 7, item 3
}

// seedList is the source document, parsed.
type seedList struct {
	duties   []seedDuty
	matters  []seedMatter
	services [][]string // 序号, 服务事项, 主要内容, 承办股室, 联系电话
	systems  []seedSystem
}

type seedDuty struct {
	text  string
	items [][2]string // text, responsible-unit cell
}

type seedMatter struct {
	title string
	roles [][2]string // department, duty
	basis string      // the whole 相关依据 cell, pieces joined
}

type seedSystem struct {
	title string   // without its (一) numbering
	lines []string // every line of text, list markers removed
}

func loadContent(t *testing.T) (*Site, source.Problems) {
	t.Helper()
	cfg, ps := config.Load("../site.toml")
	if ps.HasErrors() {
		t.Fatalf("site.toml:\n%s", ps)
	}
	site, ps := Load(cfg)
	if ps.HasErrors() {
		t.Fatalf("content has errors:\n%s", ps)
	}
	return site, ps
}

func readSeed(t *testing.T) *seedList {
	t.Helper()
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	s, err := parseSeed(string(data))
	if err != nil {
		t.Fatalf("%s: %v", seedFile, err)
	}
	return s
}

func TestContentCounts(t *testing.T) {
	site, _ := loadContent(t)
	items := 0
	for _, d := range site.Duties {
		items += len(d.Items)
	}
	var roles []int
	for _, m := range site.Matters {
		roles = append(roles, len(m.Roles))
	}
	tests := []struct {
		what      string
		got, want any
	}{
		{"duties", len(site.Duties), 11},
		{"work items", items, 48},
		{"matters", len(site.Matters), 3},
		{"roles per matter", roles, []int{5, 9, 4}},
		{"services", len(site.Services), 13},
		{"supervision systems", len(site.Systems), 5},
		{"units", len(site.Units), 11},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.what, tt.got, tt.want)
		}
	}
}

// TestContentWarnings checks that the only problems are the warnings for the
// three items of duty 3 whose responsible-unit cell is blank in the source.
func TestContentWarnings(t *testing.T) {
	site, ps := loadContent(t)
	var got []string
	for _, p := range ps {
		if !strings.HasSuffix(filepath.ToSlash(p.Pos.File), "content/duties.toml") {
			t.Errorf("unexpected problem: %s", p)
			continue
		}
		it := itemAt(site, p.Pos.Line)
		if it == nil || len(it.Units) != 0 {
			t.Errorf("unexpected problem: %s", p)
			continue
		}
		got = append(got, it.ID)
	}
	want := []string{"03-03", "03-04", "03-05"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("blank-unit warnings for items %v, want %v\n%s", got, want, ps)
	}
}

// itemAt returns the item whose table holds line of duties.toml.
func itemAt(site *Site, line int) *Item {
	var found *Item
	for _, d := range site.Duties {
		for _, it := range d.Items {
			if it.Pos.Line <= line && (found == nil || it.Pos.Line > found.Pos.Line) {
				found = it
			}
		}
	}
	return found
}

func TestContentDutiesMatchSeed(t *testing.T) {
	site, seed := mustBoth(t)
	if len(site.Duties) != len(seed.duties) {
		t.Fatalf("%d duties, the source has %d", len(site.Duties), len(seed.duties))
	}
	for i, sd := range seed.duties {
		d := site.Duties[i]
		if d.Text != sd.text {
			t.Errorf("duty %s text:\n got %q\nwant %q", d.ID, d.Text, sd.text)
		}
		if len(d.Items) != len(sd.items) {
			t.Errorf("duty %s: %d items, the source has %d", d.ID, len(d.Items), len(sd.items))
			continue
		}
		for j, si := range sd.items {
			it := d.Items[j]
			if it.Text != si[0] {
				t.Errorf("item %s text:\n got %q\nwant %q", it.ID, it.Text, si[0])
			}
			if err := matchUnitCell(si[1], it.Units, it.UnitsNote); err != "" {
				t.Errorf("item %s units: %s", it.ID, err)
			}
		}
	}
}

// matchUnitCell checks that a responsible-unit cell of the source, such as
// "发展规划与统计信息股（信息交流共享中心）（流动人口管理服务中心）", names exactly
// the units the item refers to: the whole cell is a unit's name, or the text
// before the brackets is the parent's name and each bracket names a unit.
func matchUnitCell(cell string, units []*Unit, note string) string {
	if cell == "" {
		if len(units) != 0 || note != "" {
			return "the source cell is blank but the item names units"
		}
		return ""
	}
	if len(units) == 1 && note == "" && spells(units[0], cell) {
		return ""
	}
	ms := bracketed.FindAllStringSubmatchIndex(cell, -1)
	if len(ms) == 0 {
		return fmt.Sprintf("no unit of units.toml is spelled %q", cell)
	}
	if got := cell[ms[len(ms)-1][1]:]; got != note {
		return fmt.Sprintf("units_note is %q, the source says %q", note, got)
	}
	if len(ms) != len(units) {
		return fmt.Sprintf("the source cell %q names %d units, the item %d", cell, len(ms), len(units))
	}
	prefix := cell[:ms[0][0]]
	for i, m := range ms {
		u, name := units[i], cell[m[2]:m[3]]
		if !spells(u, name) {
			return fmt.Sprintf("unit %s is not spelled %q in units.toml", u.ID, name)
		}
		if u.Parent == nil || !spells(u.Parent, prefix) {
			return fmt.Sprintf("unit %s does not belong to %q", u.ID, prefix)
		}
	}
	return ""
}

var bracketed = regexp.MustCompile(`[(（]([^()（）]+)[)）]`)

// spells reports whether s is one of the unit's names.
func spells(u *Unit, s string) bool {
	if s == u.Name || s == u.ShortName {
		return true
	}
	for _, a := range u.Aliases {
		if s == a {
			return true
		}
	}
	return false
}

func TestContentBoundariesMatchSeed(t *testing.T) {
	site, seed := mustBoth(t)
	if len(site.Matters) != len(seed.matters) {
		t.Fatalf("%d matters, the source has %d", len(site.Matters), len(seed.matters))
	}
	for i, sm := range seed.matters {
		m := site.Matters[i]
		if m.Title != sm.title {
			t.Errorf("matter %s title: got %q, want %q", m.ID, m.Title, sm.title)
		}
		if len(m.Roles) != len(sm.roles) {
			t.Errorf("matter %s: %d roles, the source has %d", m.ID, len(m.Roles), len(sm.roles))
			continue
		}
		for j, sr := range sm.roles {
			r := m.Roles[j]
			if r.Department != sr[0] || r.Duty != sr[1] {
				t.Errorf("matter %s role %d:\n got %q %q\nwant %q %q", m.ID, j+1, r.Department, r.Duty, sr[0], sr[1])
			}
			if r.Lead != (j == 0) {
				t.Errorf("matter %s role %s: lead = %v", m.ID, r.Department, r.Lead)
			}
		}
		// Every basis entry is a piece of the source cell, in order, and
		// what is left between them is only separators ("; " and spaces).
		rest := sm.basis
		for _, b := range m.Basis {
			k := strings.Index(rest, b)
			if k < 0 {
				t.Errorf("matter %s basis %q is not in the source cell (in order)", m.ID, b)
				continue
			}
			if strings.Trim(rest[:k], "; ") != "" {
				t.Errorf("matter %s basis: the source text %q is missing", m.ID, rest[:k])
			}
			rest = rest[k+len(b):]
		}
		if strings.Trim(rest, "; ") != "" {
			t.Errorf("matter %s basis: the source text %q is missing", m.ID, rest)
		}
		if len(m.Cases) != 0 {
			t.Errorf("matter %s has cases; the source has none", m.ID)
		}
	}
}

func TestContentServicesMatchSeed(t *testing.T) {
	site, seed := mustBoth(t)
	if len(site.Services) != len(seed.services) {
		t.Fatalf("%d services, the source has %d", len(site.Services), len(seed.services))
	}
	for i, row := range seed.services {
		s := site.Services[i]
		if s.Name != row[1] || s.Content != row[2] {
			t.Errorf("service %s:\n got %q %q\nwant %q %q", s.ID, s.Name, s.Content, row[1], row[2])
		}
		if got, want := strings.Join(s.Phones, " "), row[4]; got != want {
			t.Errorf("service %s phones: got %q, want %q", s.ID, got, want)
		}
		handler := s.Handler
		if handler == "" {
			var names []string
			for _, u := range s.Units {
				names = append(names, u.Name)
			}
			handler = strings.Join(names, "；")
			// The source may use a unit's short name or another spelling.
			parts := strings.Split(row[3], "；")
			if len(parts) == len(s.Units) {
				ok := true
				for k, p := range parts {
					ok = ok && spells(s.Units[k], p)
				}
				if ok {
					handler = row[3]
				}
			}
		}
		if handler != row[3] {
			t.Errorf("service %s: handled by %q, the source says %q", s.ID, handler, row[3])
		}
	}
}

func TestContentSupervisionMatchesSeed(t *testing.T) {
	site, seed := mustBoth(t)
	if len(site.Systems) != len(seed.systems) {
		t.Fatalf("%d systems, the source has %d", len(site.Systems), len(seed.systems))
	}
	for i, ss := range seed.systems {
		sys := site.Systems[i]
		if sys.Title != ss.title {
			t.Errorf("system %s title: got %q, want %q", sys.ID, sys.Title, ss.title)
		}
		want := squash(strings.Join(ss.lines, ""))
		if got := squash(markdownText(sys.Text)); got != want {
			t.Errorf("system %s text differs from the source (whitespace ignored): %s", sys.ID, firstDiff(got, want))
		}
		if sys.Summary == "" || !strings.Contains(want, squash(sys.Summary)) {
			t.Errorf("system %s summary %q is not a sentence of the source", sys.ID, sys.Summary)
		}
	}
}

// markdownText removes the Markdown syntax the content adds around the
// source text: front matter, heading marks and list markers.
func markdownText(md string) string {
	if strings.HasPrefix(md, "+++\n") {
		if k := strings.Index(md[4:], "\n+++\n"); k >= 0 {
			md = md[4+k+5:]
		}
	}
	return mdMarks.ReplaceAllString(md, "")
}

var mdMarks = regexp.MustCompile(`(?m)^(#{2,3} |- )`)

// firstDiff shows where got and want part, with a little text around.
func firstDiff(got, want string) string {
	g, w := []rune(got), []rune(want)
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	around := func(r []rune) string {
		return string(r[max(0, i-10):min(len(r), i+20)])
	}
	return fmt.Sprintf("at character %d:\n got …%s…\nwant …%s…", i, around(g), around(w))
}

// squash removes whitespace: the PDF breaks lines where it likes.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func mustBoth(t *testing.T) (*Site, *seedList) {
	t.Helper()
	site, _ := loadContent(t)
	return site, readSeed(t)
}

// The headings that open each part of the source document.
const (
	seedDutiesHead   = "序号\t主要职责\t具体工作事项\t责任股室\t备注"
	seedMattersHead  = "序号\t管理事项\t相关部门\t职责分工\t相关依据\t案例"
	seedServicesHead = "序号\t服务事项\t主要内容\t承办股室（单位）\t联系电话"
	seedSystemsHead  = "四、事中事后监督管理制度"
)

// parseSeed reads the source document: its three tables and the text of
// its fourth part.
func parseSeed(text string) (*seedList, error) {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var s seedList
	dl, err := section(lines, seedDutiesHead, "二、与相关部门的职责边界")
	if err != nil {
		return nil, err
	}
	if err := s.readDuties(dl); err != nil {
		return nil, err
	}
	ml, err := section(lines, seedMattersHead, "三、公共服务事项")
	if err != nil {
		return nil, err
	}
	if err := s.readMatters(ml); err != nil {
		return nil, err
	}
	sl, err := section(lines, seedServicesHead, seedSystemsHead)
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
		s.services = append(s.services, c)
	}
	pl, err := section(lines, seedSystemsHead, "")
	if err != nil {
		return nil, err
	}
	for _, l := range pl {
		l = strings.TrimPrefix(strings.TrimSpace(l), "- ")
		if l == "" {
			continue
		}
		if m := systemTitle.FindStringSubmatch(l); m != nil {
			s.systems = append(s.systems, seedSystem{title: m[1]})
			continue
		}
		if len(s.systems) == 0 {
			return nil, fmt.Errorf("text %q before the first system", l)
		}
		last := &s.systems[len(s.systems)-1]
		last.lines = append(last.lines, l)
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

func (s *seedList) readDuties(lines []string) error {
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
			s.duties = append(s.duties, seedDuty{text: duty})
		}
		if len(s.duties) == 0 {
			return fmt.Errorf("row %q before the first duty", l)
		}
		d := &s.duties[len(s.duties)-1]
		if num == "" && isJoin(item) {
			last := &d.items[len(d.items)-1]
			last[0] += item
			last[1] += unit
			continue
		}
		d.items = append(d.items, [2]string{item, unit})
	}
	return nil
}

func isJoin(cell string) bool {
	for _, j := range seedJoins {
		if cell == j {
			return true
		}
	}
	return false
}

// readMatters reads the boundaries table. A row with no department is the
// rest of the row above, split by a page break; a line with no tab at all
// is the first line of a basis cell that the PDF printed above the page.
func (s *seedList) readMatters(lines []string) error {
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
			s.matters = append(s.matters, seedMatter{title: title})
		}
		if len(s.matters) == 0 {
			return fmt.Errorf("row %q before the first matter", l)
		}
		m := &s.matters[len(s.matters)-1]
		if dept != "" {
			m.roles = append(m.roles, [2]string{dept, duty})
		} else if duty != "" {
			m.roles[len(m.roles)-1][1] += duty
		}
		if basis != "" {
			m.basis += pending + basis
			pending = ""
		}
	}
	if pending != "" {
		return fmt.Errorf("text %q belongs to no row", pending)
	}
	return nil
}
