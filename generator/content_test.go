package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"qingdan/config"
	"qingdan/internal/seedtext"
	"qingdan/source"
)

// The real content in ../content must be a complete and faithful conversion
// of the source document the bureau published (package seedtext, the
// text extracted from its PDF: tab-separated table rows, rows split where a
// page breaks). These tests load the content with Load and compare it with
// an independent parse of that document. So must the content that
// qingdan import makes of the document's Word and Excel files.

func loadContent(t *testing.T) (*Site, source.Problems) {
	t.Helper()
	cfg, ps := config.Load("../site.toml")
	if ps.HasErrors() {
		t.Fatalf("site.toml:\n%s", ps)
	}
	site, ps := Load(os.DirFS(cfg.Path(cfg.Content)), cfg)
	if ps.HasErrors() {
		t.Fatalf("content has errors:\n%s", ps)
	}
	return site, ps
}

func readSeed(t *testing.T) *seedtext.List {
	t.Helper()
	s, err := seedtext.Parse(seedtext.Source)
	if err != nil {
		t.Fatalf("the source document: %v", err)
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

func TestContentDutiesMatchSeed(t *testing.T) { forSeedSites(t, checkDutiesMatchSeed) }

func checkDutiesMatchSeed(t *testing.T, site *Site, seed *seedtext.List) {
	if len(site.Duties) != len(seed.Duties) {
		t.Fatalf("%d duties, the source has %d", len(site.Duties), len(seed.Duties))
	}
	for i, sd := range seed.Duties {
		d := site.Duties[i]
		if d.Text != sd.Text {
			t.Errorf("duty %s text:\n got %q\nwant %q", d.ID, d.Text, sd.Text)
		}
		if len(d.Items) != len(sd.Items) {
			t.Errorf("duty %s: %d items, the source has %d", d.ID, len(d.Items), len(sd.Items))
			continue
		}
		for j, si := range sd.Items {
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

func TestContentBoundariesMatchSeed(t *testing.T) { forSeedSites(t, checkBoundariesMatchSeed) }

func checkBoundariesMatchSeed(t *testing.T, site *Site, seed *seedtext.List) {
	if len(site.Matters) != len(seed.Matters) {
		t.Fatalf("%d matters, the source has %d", len(site.Matters), len(seed.Matters))
	}
	for i, sm := range seed.Matters {
		m := site.Matters[i]
		if m.Title != sm.Title {
			t.Errorf("matter %s title: got %q, want %q", m.ID, m.Title, sm.Title)
		}
		if len(m.Roles) != len(sm.Roles) {
			t.Errorf("matter %s: %d roles, the source has %d", m.ID, len(m.Roles), len(sm.Roles))
			continue
		}
		for j, sr := range sm.Roles {
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
		rest := sm.Basis
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

func TestContentServicesMatchSeed(t *testing.T) { forSeedSites(t, checkServicesMatchSeed) }

func checkServicesMatchSeed(t *testing.T, site *Site, seed *seedtext.List) {
	if len(site.Services) != len(seed.Services) {
		t.Fatalf("%d services, the source has %d", len(site.Services), len(seed.Services))
	}
	for i, row := range seed.Services {
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

func TestContentSupervisionMatchesSeed(t *testing.T) { forSeedSites(t, checkSupervisionMatchesSeed) }

func checkSupervisionMatchesSeed(t *testing.T, site *Site, seed *seedtext.List) {
	if len(site.Systems) != len(seed.Systems) {
		t.Fatalf("%d systems, the source has %d", len(site.Systems), len(seed.Systems))
	}
	for i, ss := range seed.Systems {
		sys := site.Systems[i]
		if sys.Title != ss.Title {
			t.Errorf("system %s title: got %q, want %q", sys.ID, sys.Title, ss.Title)
		}
		want := seedtext.Squash(strings.Join(ss.Lines, ""))
		if got := seedtext.Squash(markdownText(sys.Text)); got != want {
			t.Errorf("system %s text differs from the source (whitespace ignored): %s", sys.ID, firstDiff(got, want))
		}
		if sys.Summary == "" || !strings.Contains(want, seedtext.Squash(sys.Summary)) {
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

// forSeedSites runs a check of the content against the source document on
// content/ and on the content imported from the source document's Word
// and Excel files (import_test.go). The Excel file has no supervision
// systems: the check of systems expects none there.
func forSeedSites(t *testing.T, check func(t *testing.T, site *Site, seed *seedtext.List)) {
	seed := readSeed(t)
	content, _ := loadContent(t)
	t.Run("content", func(t *testing.T) { check(t, content, seed) })
	for _, name := range []string{"seed.docx", "seed.xlsx"} {
		t.Run(name, func(t *testing.T) {
			site, _ := importedSite(t, name)
			if name == "seed.xlsx" && len(site.Systems) == 0 {
				s := *seed
				s.Systems = nil
				check(t, site, &s)
				return
			}
			check(t, site, seed)
		})
	}
}
