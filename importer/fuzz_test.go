package importer

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// checkDoc checks what a reader returned for any input: a plain grid, and
// a build that accounts for every cell.
func checkDoc(t *testing.T, doc *Doc) {
	for _, b := range doc.Blocks {
		if b.Table == nil {
			continue
		}
		for _, row := range b.Table.Rows {
			if len(row) != len(b.Table.Rows[0]) {
				t.Fatalf("%s: rows of %d and %d cells", b.Table.Name, len(row), len(b.Table.Rows[0]))
			}
			for _, c := range row {
				if c == nil || (c.Origin != nil && c.Origin.Origin != nil) {
					t.Fatalf("%s: bad cell %+v", b.Table.Name, c)
				}
			}
		}
	}
	_, rep := Build(doc, "fuzz", Options{Kinds: []string{"股室", "站"}, Now: time.Unix(0, 0)})
	c := rep.Counts()
	if c.Used+c.Blank+c.Left != c.Cells {
		t.Fatalf("cells %d = used %d + blank %d + left %d does not add up", c.Cells, c.Used, c.Blank, c.Left)
	}
	_ = rep.String()
}

func FuzzParseDocument(f *testing.F) {
	f.Add([]byte(`<w:document><w:body><w:p><w:r><w:t>标题</w:t></w:r></w:p></w:body></w:document>`))
	f.Add([]byte(`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`))
	f.Add([]byte(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>主要职责</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>具体工作事项</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>职责</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tr></w:tbl>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := DefaultLimits
		lim.Cells, lim.Paragraphs = 5000, 5000
		doc, err := parseDocument(data, lim)
		if err != nil {
			return
		}
		checkDoc(t, doc)
	})
}

func FuzzReadDocx(f *testing.F) {
	f.Add(docx(f, `<w:p><w:r><w:t>一、部门职责</w:t></w:r></w:p><w:tbl><w:tr>`+tc("", "序号")+tc("", "主要职责")+tc("", "具体工作事项")+`</w:tr></w:tbl>`))
	f.Add(bomb(f, "word/document.xml", 1000, true))
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := DefaultLimits
		lim.Cells, lim.Paragraphs, lim.EntryUnpack = 5000, 5000, 1<<20
		doc, err := ReadDocx(data, lim)
		if err != nil {
			return
		}
		checkDoc(t, doc)
	})
}

func FuzzReadXlsx(f *testing.F) {
	x := excelize.NewFile()
	x.SetSheetRow("Sheet1", "A1", &[]any{"序号", "服务事项", "主要内容", "承办股室（单位）", "联系电话"})
	x.SetSheetRow("Sheet1", "A2", &[]any{1, "服务", "内容", "人秘股（研究室）", 7631779})
	x.MergeCell("Sheet1", "A2", "A3")
	var buf bytes.Buffer
	x.Write(&buf)
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := DefaultLimits
		lim.Cells, lim.EntryUnpack, lim.Unpacked = 5000, 1<<20, 4<<20
		doc, err := ReadXlsx(data, lim)
		if err != nil {
			return
		}
		checkDoc(t, doc)
	})
}
