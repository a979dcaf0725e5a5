package generator

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"qingdan/config"
	"qingdan/importer"
	"qingdan/internal/seeddoc"
	"qingdan/seedtext"
	"qingdan/source"
)

// The content qingdan import makes of the source document as a Word and an
// Excel file (package seeddoc writes them, merged cells and rows split at
// page breaks as in the source), imported into an empty folder.

type imported struct {
	site   *Site
	ps     source.Problems
	report string
	err    error
}

var (
	importOnce sync.Once
	importDir  string
	imports    = map[string]*imported{}
)

// importedSite imports the source document's file name ("seed.docx" or
// "seed.xlsx") once per test binary and loads the result.
func importedSite(t *testing.T, name string) (*Site, string) {
	t.Helper()
	importOnce.Do(func() {
		dir, err := os.MkdirTemp("", "qingdan-import-")
		if err != nil {
			panic(err)
		}
		importDir = dir
		cfg, _ := config.Load("../site.toml")
		for _, n := range []string{"seed.docx", "seed.xlsx"} {
			im := &imported{}
			imports[n] = im
			data := seeddoc.Docx(seedtext.Source)
			if n == "seed.xlsx" {
				data = seeddoc.Xlsx(seedtext.Source)
			}
			opt := importer.Options{Kinds: DefaultUnitKinds, Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), Limits: importer.DefaultLimits}
			list, rep, err := importer.Import(n, data, opt)
			if err != nil {
				im.err = err
				continue
			}
			out := filepath.Join(dir, n)
			if _, err := importer.Write(out, list, nil, rep); err != nil {
				im.err = err
				continue
			}
			im.report = rep.String()
			im.site, im.ps = LoadFS(cfg, os.DirFS(out), "content")
		}
	})
	im := imports[name]
	if im.err != nil {
		t.Fatalf("importing %s: %v", name, im.err)
	}
	if im.site == nil {
		t.Fatalf("the content imported from %s has errors:\n%s", name, im.ps)
	}
	return im.site, im.report
}

func TestMain(m *testing.M) {
	code := m.Run()
	if importDir != "" {
		os.RemoveAll(importDir)
	}
	os.Exit(code)
}

// TestImportProblems: the imported content checks, its only warnings those
// of content/ (three items with no unit), and for the Excel file the
// supervision part, which it does not have.
func TestImportProblems(t *testing.T) {
	for _, name := range []string{"seed.docx", "seed.xlsx"} {
		site, _ := importedSite(t, name)
		// Messages change language; their files and items do not.
		var got []string
		for _, p := range imports[name].ps {
			where := filepath.ToSlash(p.Pos.File)
			if it := itemAt(site, p.Pos.Line); where == "content/duties.toml" && it != nil && len(it.Units) == 0 {
				where = it.ID
			}
			if p.Severity != source.Warning {
				where += " (error)"
			}
			got = append(got, where)
		}
		want := []string{"03-03", "03-04", "03-05"}
		if name == "seed.xlsx" {
			want = append(want, "content/supervision")
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: problems at %v, want warnings at %v:\n%s", name, got, want, imports[name].ps)
		}
		if len(site.Units) != 14 {
			t.Errorf("%s: %d units", name, len(site.Units))
		}
	}
}

// TestImportDiffersOnlyAsReported compares the content imported from the
// Word file with content/, which people wrote from the same document: the
// texts, ids and structure are the same, and every difference is one the
// import report explains.
func TestImportDiffersOnlyAsReported(t *testing.T) {
	content, _ := loadContent(t)
	site, report := importedSite(t, "seed.docx")
	says := func(what string, parts ...string) {
		t.Helper()
		for _, line := range strings.Split(report, "\n") {
			all := true
			for _, p := range parts {
				all = all && strings.Contains(line, p)
			}
			if all {
				return
			}
		}
		t.Errorf("%s, and no line of the report names %q", what, parts)
	}
	// The ids of duties, items, matters, services and systems are those
	// content/ gave, and so is every text.
	for i, d := range content.Duties {
		got := site.Duties[i]
		if got.ID != d.ID || got.Text != d.Text || got.Note != d.Note || len(got.Items) != len(d.Items) {
			t.Fatalf("duty %s differs", d.ID)
		}
		for j, it := range d.Items {
			gi := got.Items[j]
			if gi.ID != it.ID || gi.Text != it.Text || gi.UnitsNote != it.UnitsNote {
				t.Errorf("item %s differs: %q %q", it.ID, gi.ID, gi.Text)
			}
			// Units: content/ chose its own ids and reads 政策法规股（信访室）
			// as one unit; the import reads brackets as a sub-unit.
			for k, u := range gi.Units {
				if k < len(it.Units) && (u.Name == it.Units[k].Name || u.Name == it.Units[k].ShortName) && u.ID == it.Units[k].ID {
					continue
				}
				if u.Parent != nil {
					says("item "+it.ID+" names unit "+u.Name, "新单位 "+u.ID+"：", u.Name, u.Parent.Name)
				} else {
					says("item "+it.ID+" names unit "+u.Name, "新单位 "+u.ID+"：", u.Name)
				}
			}
		}
	}
	for i, m := range content.Matters {
		got := site.Matters[i]
		if got.ID != m.ID || got.Title != m.Title || !reflect.DeepEqual(got.Basis, m.Basis) || len(got.Roles) != len(m.Roles) {
			t.Errorf("matter %s differs:\n %q\n %q", m.ID, got.Basis, m.Basis)
			continue
		}
		for j, r := range m.Roles {
			if *got.Roles[j] != (Role{Department: r.Department, Lead: r.Lead, Duty: r.Duty, Pos: got.Roles[j].Pos}) {
				t.Errorf("matter %s role %d differs", m.ID, j)
			}
		}
	}
	says("lead roles are guessed", "第一个相关部门视为本局")
	for i, s := range content.Services {
		got := site.Services[i]
		if got.ID != s.ID || got.Name != s.Name || got.Content != s.Content || !reflect.DeepEqual(got.Phones, s.Phones) {
			t.Errorf("service %s differs", s.ID)
		}
		for k, u := range got.Units {
			if k < len(s.Units) && u.ID == s.Units[k].ID {
				continue
			}
			says("service "+s.ID+" names unit "+u.Name, u.ID, u.Name)
		}
	}
	for _, u := range site.Units {
		if u.Phone != "" {
			says("unit "+u.Name+" has a phone", u.ID, u.Phone)
		}
		for _, a := range u.Aliases {
			says("unit "+u.Name+" has alias "+a, u.Name, a)
		}
	}
	says("two units may be one", "可能是同一单位", "计划生育技术服务站", "技术服务站")
	for i, s := range content.Systems {
		got := site.Systems[i]
		if got.ID != s.ID || got.Title != s.Title || seedtext.Squash(markdownText(got.Text)) != seedtext.Squash(markdownText(s.Text)) {
			t.Errorf("system %s differs", s.ID)
		}
	}
	for _, key := range partOrder {
		if p, q := site.Parts[key], content.Parts[key]; p.Index != q.Index || !p.Published.Equal(q.Published) {
			says("the part "+p.Title+" has another index and date", p.Title, "发布日期定为导入当天")
		}
	}
	if len(content.Changes) > 0 && len(site.Changes) == 0 {
		says("no changes.toml", "changes.toml")
	}
	// Every cell the report lists as left out is one of the PDF's "--".
	for _, m := range regexp.MustCompile(`(?m)^    [A-Z]+[0-9]+：“([^”]*)”（(.*)）$`).FindAllStringSubmatch(report, -1) {
		if m[1] != "--" {
			t.Errorf("the import left out %q (%s)", m[1], m[2])
		}
	}
}
