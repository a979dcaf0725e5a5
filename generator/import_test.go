package generator

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"qingdan/config"
	"qingdan/importer"
	"qingdan/internal/seeddoc"
	"qingdan/internal/seedtext"
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
			im.site, im.ps = Load(os.DirFS(out), cfg)
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

// TestImportAnotherBureau imports an Excel list of another department,
// with other headers, other kinds of unit (处, 所, and 队 that no list had
// before), no supervision systems and a sheet that is no part of a list:
// the content checks, every cell is accounted for.
func TestImportAnotherBureau(t *testing.T) {
	f := excelize.NewFile()
	sheets := map[string][][]any{
		"职责": {
			{"编号", "部门职责", "工作事项", "责任科室", "说明"},
			{1, "负责婚姻登记管理。", "办理婚姻登记。", "婚姻登记处", ""},
			{nil, nil, "指导婚姻家庭辅导工作。", "婚姻登记处（婚姻家庭辅导室）", ""},
			{2, "负责殡葬管理。", "监督殡葬服务单位。", "殡葬管理所", ""},
			{nil, nil, "查处违规建坟。", "综合执法大队", "与乡镇配合"},
		},
		"服务": {
			{"序号", "服务名称", "服务内容", "承办单位", "咨询电话"},
			{1, "婚姻登记", "结婚、离婚登记。", "婚姻登记处", 7635001},
		},
		"联系人": {{"姓名", "职务"}, {"张三", "科员"}},
	}
	first := true
	for _, name := range []string{"职责", "服务", "联系人"} {
		if first {
			f.SetSheetName("Sheet1", name)
			first = false
		} else {
			f.NewSheet(name)
		}
		for i, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			f.SetSheetRow(name, cell, &row)
		}
	}
	f.MergeCell("职责", "A2", "A3")
	f.MergeCell("职责", "B2", "B3")
	f.MergeCell("职责", "A4", "A5")
	f.MergeCell("职责", "B4", "B5")
	var buf bytes.Buffer
	f.Write(&buf)
	opt := importer.Options{Kinds: DefaultUnitKinds, Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), Limits: importer.DefaultLimits}
	list, rep, err := importer.Import("民政局.xlsx", buf.Bytes(), opt)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := importer.Write(dir, list, nil, rep); err != nil {
		t.Fatal(err)
	}
	cfg, _ := config.Load("../site.toml")
	site, ps := Load(os.DirFS(dir), cfg)
	if site == nil {
		t.Fatalf("the imported content has errors:\n%s", ps)
	}
	if !slices.Equal(site.Kinds[len(DefaultUnitKinds):], []string{"队"}) {
		t.Errorf("kinds %q, want the defaults and 队", site.Kinds)
	}
	var kinds []string
	for _, u := range site.Units {
		kinds = append(kinds, u.Name+":"+u.Kind)
	}
	if want := "婚姻登记处:处 婚姻家庭辅导室:室 殡葬管理所:所 综合执法大队:队"; strings.Join(kinds, " ") != want {
		t.Errorf("units %q, want %q", kinds, want)
	}
	if n := len(site.Duties); n != 2 || len(site.Duties[0].Items) != 2 || len(site.Duties[1].Items) != 2 || len(site.Services) != 1 {
		t.Fatalf("%d duties, %d services", n, len(site.Services))
	}
	if got := site.Duties[1].Items[1].UnitsNote; got != "" {
		t.Errorf("units note %q", got)
	}
	if site.Services[0].Phones[0] != "7635001" || site.Services[0].Units[0].Phone != "7635001" {
		t.Errorf("the phone typed as a number: %q", site.Services[0].Phones)
	}
	c := rep.Counts()
	text := rep.String()
	if c.Used+c.Blank+c.Left != c.Cells || c.Left != 4 || !strings.Contains(text, "“张三”") || !strings.Contains(text, "整个表格未写入") {
		t.Errorf("counts %+v; the 联系人 sheet must be reported, not guessed:\n%s", c, text)
	}
	if !strings.Contains(text, "文件里没有事中事后监督管理制度") || len(site.Systems) != 0 {
		t.Errorf("no systems, and the report must say so:\n%s", text)
	}
	if site.Duties[1].Note != "与乡镇配合" {
		t.Errorf("the 说明 cell is not the duty's note: %q", site.Duties[1].Note)
	}
}
