package generator

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestOpenDataXlsx(t *testing.T) {
	site, _ := loadContent(t)
	data, err := openDataXlsx(site)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := openDataXlsx(site)
	if !bytes.Equal(data, again) {
		t.Error("two renders of the same content give different bytes")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var names []string
	for _, sh := range xlsxSheets {
		names = append(names, sh.Name)
	}
	if got := f.GetSheetList(); !slices.Equal(got, names) {
		t.Fatalf("sheets %q, want %q", got, names)
	}
	props, _ := f.GetDocProps()
	if props.Created != "2026-11-28T00:00:00Z" || props.Modified != props.Created {
		t.Errorf("document created %q, want the content's last update, not the clock", props.Created)
	}
	for _, sh := range xlsxSheets {
		rows, err := f.GetRows(sh.Name)
		if err != nil || len(rows) < 2 || !slices.Equal(rows[0], sh.Columns) {
			t.Errorf("%s: header %q, want %q", sh.Name, rows[0], sh.Columns)
			continue
		}
		panes, _ := f.GetPanes(sh.Name)
		if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: the header row is not frozen: %+v", sh.Name, panes)
		}
		for c, title := range sh.Columns {
			col, _ := excelize.ColumnNumberToName(c + 1)
			w, _ := f.GetColWidth(sh.Name, col)
			if w < textWidth(title) || w > xlsxMaxWidth {
				t.Errorf("%s column %s (%s) is %.0f wide", sh.Name, col, title, w)
			}
		}
	}
	// Phone numbers and ids are text, not numbers Excel would reformat.
	for _, cell := range []struct{ sheet, at, want string }{
		{"公共服务事项", "G2", "7631096"}, {"公共服务事项", "A2", "01"}, {"股室单位", "F6", "7631779"},
	} {
		v, _ := f.GetCellValue(cell.sheet, cell.at)
		typ, _ := f.GetCellType(cell.sheet, cell.at)
		if v != cell.want || (typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) {
			t.Errorf("%s %s = %q (type %v), want the text %q", cell.sheet, cell.at, v, typ, cell.want)
		}
	}
	merged, _ := f.GetMergeCells("部门职责")
	if len(merged) == 0 {
		t.Error("the duties sheet merges no duty over its items")
	}
}

func TestChunks(t *testing.T) {
	if got := chunks("一二三四五", 2); !slices.Equal(got, []string{"一二", "三四", "五"}) {
		t.Errorf("chunks = %q", got)
	}
	if got := chunks("", 2); !slices.Equal(got, []string{""}) {
		t.Errorf("chunks of empty = %q", got)
	}
}
