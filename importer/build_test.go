package importer_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"qingdan/importer"
	"qingdan/internal/seeddoc"
	"qingdan/internal/seedtext"
)

var kinds = []string{"股室", "站", "中心", "室", "协会", "处", "所"}

func opts(existing *importer.List) importer.Options {
	return importer.Options{Existing: existing, Kinds: kinds, Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), Limits: importer.DefaultLimits}
}

func importSeed(t *testing.T, name string, existing *importer.List) (*importer.List, *importer.Report) {
	t.Helper()
	data := seeddoc.Docx(seedtext.Source)
	if strings.HasSuffix(name, ".xlsx") {
		data = seeddoc.Xlsx(seedtext.Source)
	}
	list, rep, err := importer.Import(name, data, opts(existing))
	if err != nil {
		t.Fatal(err)
	}
	return list, rep
}

// TestSeedAccounted imports the source document's Word and Excel files and
// checks that every cell is accounted for: written, blank, or listed in
// the report with its text.
func TestSeedAccounted(t *testing.T) {
	for _, name := range []string{"seed.docx", "seed.xlsx"} {
		t.Run(name, func(t *testing.T) {
			list, rep := importSeed(t, name, nil)
			c := rep.Counts()
			if c.Used+c.Blank+c.Left != c.Cells || c.Cells < 300 {
				t.Errorf("counts %+v do not add up", c)
			}
			text := rep.String()
			// Six "--" cells of the PDF's empty last row, each listed.
			if c.Left != 6 || strings.Count(text, "：“--”（占位符）") != 6 {
				t.Errorf("left out %d cells, want the 6 placeholders listed:\n%s", c.Left, text)
			}
			items := 0
			for _, d := range list.Duties {
				items += len(d.Items)
			}
			if len(list.Duties) != 11 || items != 48 || len(list.Matters) != 3 || len(list.Services) != 13 {
				t.Errorf("%d duties, %d items, %d matters, %d services", len(list.Duties), items, len(list.Matters), len(list.Services))
			}
			for _, want := range []string{
				"跨页断开的行：接在事项 01-08 后面（“实施。”）",
				"跨页断开的行：接在 卫生局 的职责分工后面（“报人口计生委”）",
				"另有写法“流动人口管理服务服务中心”",
				"用了半角括号",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("the report does not say %q", want)
				}
			}
			if name == "seed.xlsx" && (len(list.Systems) != 0 || !strings.Contains(text, "文件里没有事中事后监督管理制度")) {
				t.Errorf("an Excel list without systems: %d systems, and the report must say so", len(list.Systems))
			}
			if name == "seed.docx" && len(list.Systems) != 5 {
				t.Errorf("%d systems, want 5", len(list.Systems))
			}
		})
	}
}

// TestReimportKeepsIDs imports into content that has other ids: entries
// whose text matches keep them, a new one gets a number above all.
func TestReimportKeepsIDs(t *testing.T) {
	first, _ := importSeed(t, "seed.docx", nil)
	ex := *first
	ex.Duties = append([]importer.Duty(nil), first.Duties...)
	d := ex.Duties[0]
	d.ID = "07"
	d.Items = append([]importer.Item(nil), d.Items...)
	d.Items[0].ID = "07-09"
	d.Items = d.Items[1:2] // the others "deleted"
	ex.Duties = []importer.Duty{d, {ID: "30", Text: "已删去的职责"}}
	ex.Units = append([]importer.Unit(nil), first.Units...)
	ex.Units[0].ID = "rmg"
	list, _ := importSeed(t, "seed.docx", &ex)
	if got := list.Duties[0].ID; got != "07" {
		t.Errorf("duty 1 has id %s, want the existing 07", got)
	}
	if got := list.Duties[0].Items[1].ID; got != d.Items[0].ID {
		t.Errorf("item 1 of duty 1 has id %s, want the existing %s", got, d.Items[0].ID)
	}
	if got := list.Duties[1].ID; got != "31" {
		t.Errorf("the second duty, new, has id %s, want 31 (above every id in use)", got)
	}
	if list.Units[0].ID != "rmg" || list.Units[0].Name != "人秘股" {
		t.Errorf("unit 人秘股 has id %s, want the existing rmg", list.Units[0].ID)
	}
}

func TestWriteTarget(t *testing.T) {
	list, rep := importSeed(t, "seed.docx", nil)
	dir := t.TempDir()
	other := filepath.Join(dir, "notes")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "a.txt"), []byte("mine"), 0o644)
	if _, err := importer.Write(other, list, nil, rep); err == nil || !strings.Contains(err.Error(), "不是清单内容文件夹") {
		t.Errorf("writing into a folder of other files: %v, want a refusal", err)
	}
	if b, _ := os.ReadFile(filepath.Join(other, "a.txt")); string(b) != "mine" {
		t.Error("the refused folder was changed")
	}
	content := filepath.Join(dir, "content")
	written, err := importer.Write(content, list, nil, rep)
	if err != nil || len(written) != 10 {
		t.Fatalf("wrote %v, %v", written, err)
	}
	report, _ := os.ReadFile(filepath.Join(content, importer.ReportName))
	if !strings.Contains(string(report), "duties.toml：新写入") {
		t.Errorf("the report does not list the files written:\n%s", report)
	}
	// The same import again changes nothing: every file is left as it was.
	info, _ := os.Stat(filepath.Join(content, "duties.toml"))
	written, err = importer.Write(content, list, list, rep)
	if err != nil || len(written) != 0 {
		t.Errorf("the same import again wrote %v, %v", written, err)
	}
	if after, _ := os.Stat(filepath.Join(content, "duties.toml")); !after.ModTime().Equal(info.ModTime()) {
		t.Error("an unchanged file was rewritten")
	}
	entries, _ := os.ReadDir(content)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

// TestOwnSheetSameNames: in qingdan's own Excel file, two services (or
// matters) of the same name are two entries: their ids tell them apart.
func TestOwnSheetSameNames(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "公共服务事项")
	f.SetSheetRow("公共服务事项", "A1", &[]any{"服务编号", "服务事项", "主要内容", "承办单位编号", "承办单位", "承办股室原文", "联系电话"})
	f.SetSheetRow("公共服务事项", "A2", &[]any{"01", "咨询", "甲", "", "", "", "7631779"})
	f.SetSheetRow("公共服务事项", "A3", &[]any{"02", "咨询", "乙", "", "", "", "7631779"})
	var buf bytes.Buffer
	f.Write(&buf)
	list, rep, err := importer.Import("x.xlsx", buf.Bytes(), opts(nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Services) != 2 || list.Services[1].ID != "02" || list.Services[1].Content != "乙" {
		t.Errorf("services %+v\n%s", list.Services, rep)
	}
}
