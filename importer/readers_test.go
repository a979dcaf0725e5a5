package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// docx makes a Word file whose body is the given XML.
func docx(t testing.TB, body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func tc(props, text string) string {
	return `<w:tc><w:tcPr>` + props + `</w:tcPr><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:tc>`
}

// grid shows a table's cells as text, a merged copy marked with ^ (from
// above) or < (from the left).
func grid(tb *Table) string {
	var rows []string
	for _, r := range tb.Rows {
		var cells []string
		for _, c := range r {
			switch {
			case c.Origin != nil && c.Origin.Row < c.Row:
				cells = append(cells, "^"+c.Text)
			case c.Origin != nil:
				cells = append(cells, "<")
			default:
				cells = append(cells, c.Text)
			}
		}
		rows = append(rows, strings.Join(cells, "|"))
	}
	return strings.Join(rows, "\n")
}

func TestReadDocxMerges(t *testing.T) {
	body := `<w:p><w:r><w:t>标题</w:t></w:r><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:r><w:tab/><w:t>尾</w:t></w:r></w:p>` +
		`<w:tbl><w:tr>` + tc("", "序号") + tc("", "主要职责") + tc("", "具体工作事项") + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge w:val="restart"/>`, "1") + tc(`<w:vMerge w:val="restart"/>`, "职责一") + tc("", "事项甲") + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge/>`, "") + tc(`<w:vMerge/>`, "") + tc("", "事项乙") + `</w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + tc("", "后移") + tc("", "一格") + `</w:tr>` +
		`<w:tr>` + tc(`<w:gridSpan w:val="2"/>`, "横跨") + `<w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p><w:tbl><w:tr>` + tc("", "内") + `</w:tr></w:tbl></w:tc></w:tr>` +
		`</w:tbl><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>列表项</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>`
	doc, err := ReadDocx(docx(t, body), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 3 {
		t.Fatalf("%d blocks, want paragraph, table, paragraph", len(doc.Blocks))
	}
	if p := doc.Blocks[0].Para; p == nil || p.Text != "标题\t尾" {
		t.Errorf("first paragraph = %+v, want 标题⇥尾 without the deleted text", p)
	}
	want := "序号|主要职责|具体工作事项\n1|职责一|事项甲\n^1|^职责一|事项乙\n|后移|一格\n横跨|<|外\n内"
	if got := grid(doc.Blocks[1].Table); got != want {
		t.Errorf("table:\n%s\nwant\n%s", got, want)
	}
	if !doc.Blocks[1].Table.Rows[4][2].Nested {
		t.Error("the cell holding a table is not marked nested")
	}
	if p := doc.Blocks[2].Para; p == nil || !p.List || p.Text != "列表项\n第二行" {
		t.Errorf("list paragraph = %+v", p)
	}
}

func TestReadXlsxMerges(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"序号", "主要职责", "具体工作事项"})
	f.SetSheetRow("Sheet1", "A2", &[]any{1, "职责一", "事项甲"})
	f.SetSheetRow("Sheet1", "C3", &[]any{"事项乙"})
	f.SetCellStr("Sheet1", "A4", "横跨")
	f.MergeCell("Sheet1", "A2", "A3")
	f.MergeCell("Sheet1", "B2", "B3")
	f.MergeCell("Sheet1", "A4", "B4")
	var buf bytes.Buffer
	f.Write(&buf)
	doc, err := ReadXlsx(buf.Bytes(), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	want := "序号|主要职责|具体工作事项\n1|职责一|事项甲\n^1|^职责一|事项乙\n横跨|<|"
	if got := grid(doc.Blocks[0].Table); got != want {
		t.Errorf("sheet:\n%s\nwant\n%s", got, want)
	}
}

// bomb is a zip whose one entry unpacks to n zero bytes; with lie, its
// header claims 10 bytes.
func bomb(t testing.TB, name string, n int, lie bool) []byte {
	var raw bytes.Buffer
	fw, _ := flate.NewWriter(&raw, flate.BestSpeed)
	fw.Write(make([]byte, n))
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	size := uint64(n)
	if lie {
		size = 10
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CompressedSize64: uint64(raw.Len()), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw.Bytes())
	zw.Close()
	return buf.Bytes()
}

func TestLimits(t *testing.T) {
	lim := DefaultLimits
	lim.EntryUnpack, lim.Unpacked = 1<<20, 2<<20
	many := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i := 0; i < lim.Entries+1; i++ {
			zw.Create(strings.Repeat("x", 1+i%7) + string(rune('a'+i%26)))
		}
		zw.Close()
		return buf.Bytes()
	}
	tests := []struct {
		name string
		data []byte
		read func([]byte, Limits) (*Doc, error)
		want string
	}{
		{"declared bomb, docx", bomb(t, "word/document.xml", 4<<20, false), ReadDocx, "超过上限"},
		{"lying bomb, docx", bomb(t, "word/document.xml", 4<<20, true), ReadDocx, ""},
		{"declared bomb, xlsx", bomb(t, "xl/worksheets/sheet1.xml", 4<<20, false), ReadXlsx, "超过上限"},
		{"too many entries", many(), ReadDocx, "超过上限"},
		{"not a zip", []byte("PK not really"), ReadDocx, "已损坏"},
		{"no document", bomb(t, "other.xml", 10, false), ReadDocx, "没有 word/document.xml"},
		{"lying bomb, xlsx", bomb(t, "xl/worksheets/sheet1.xml", 4<<20, true), ReadXlsx, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.read(tt.data, lim)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
	big := DefaultLimits
	big.FileSize = 100
	if _, err := ReadDocx(bomb(t, "word/document.xml", 1000, false), big); err == nil || !strings.Contains(err.Error(), "字节") {
		t.Errorf("a file over the size limit: %v", err)
	}
}
