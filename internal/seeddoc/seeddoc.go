// Package seeddoc writes the source document (package seedtext) as the Word
// and Excel files a bureau keeps, for the import's tests: the three tables
// with their merged cells (序号 and 主要职责 merged down over a duty's work
// items, a matter's 序号, 管理事项 and 相关依据 over its departments) and
// the rows a page break split, as the PDF shows them; in the Word file the
// supervision systems' text follows as paragraphs, list items as list
// paragraphs.
//
// It is a test helper: nothing in the product imports it.
package seeddoc

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"qingdan/internal/seedtext"
)

// cell is one cell of a table as written: its text, and whether it
// continues the merged cell above (Word vMerge continue; in Excel, part of
// the range above).
type cell struct {
	text  string
	merge bool
	own   bool // a cell of its own even where the column merges (a row a page split)
}

type table struct {
	header []string
	rows   [][]cell
}

// lines returns the lines of the source from after the line head to the
// line before next.
func lines(src, head, next string) []string {
	all := strings.Split(src, "\n")
	var out []string
	in := false
	for _, l := range all {
		switch {
		case l == head:
			in = true
		case in && next != "" && l == next:
			return out
		case in:
			out = append(out, l)
		}
	}
	return out
}

// duties lays out the 部门职责 table. A row the PDF split at a page break
// (the item cell finishes the one above) gets cells of its own in the
// merged columns, as a PDF turned into Word has them; so do the rows of
// the same duty after it.
func duties(src string, pageRestart bool) table {
	list, err := seedtext.Parse(src)
	if err != nil {
		panic(err)
	}
	var items []string
	for _, d := range list.Duties {
		for _, it := range d.Items {
			items = append(items, it[0])
		}
	}
	t := table{header: []string{"序号", "主要职责", "具体工作事项", "责任股室", "备注"}}
	k, half := 0, ""
	broken := false // the merged columns were broken by a split row in this duty
	pageBreak := false
	for _, l := range lines(src, "序号\t主要职责\t具体工作事项\t责任股室\t备注", "二、与相关部门的职责边界") {
		if strings.TrimSpace(l) == "" {
			pageBreak = true
			continue
		}
		c := strings.Split(l, "\t")
		row := []cell{{text: c[0]}, {text: c[1]}, {text: c[2]}, {text: c[3]}, {text: c[4]}}
		split := false
		switch {
		case half != "" && items[k] == half+c[2]:
			split, half = true, ""
			k++
		case items[k] == c[2]:
			k++
		default:
			half = c[2]
		}
		switch {
		case c[0] != "":
			broken = false
		case split:
			broken = true
			row[0].own, row[1].own = true, true
		case broken || (pageRestart && pageBreak):
			broken = true
			row[0].own, row[1].own = true, true
		default:
			row[0].merge, row[1].merge = true, true
		}
		pageBreak = false
		t.rows = append(t.rows, row)
	}
	return t
}

// boundaries lays out the 职责边界 table: 序号, 管理事项 and 案例 merge down
// over a matter's departments; 相关依据 is a merged cell that starts on the
// row where the PDF prints it (the text it printed above the row joined
// to it), and a row that only finishes it has its own cell.
func boundaries(src string) table {
	t := table{header: []string{"序号", "管理事项", "相关部门", "职责分工", "相关依据", "案例"}}
	pending := ""
	for _, l := range lines(src, "序号\t管理事项\t相关部门\t职责分工\t相关依据\t案例", "三、公共服务事项") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) == 1 {
			pending += l
			continue
		}
		row := make([]cell, 6)
		for i := range row {
			row[i].text = c[i]
		}
		if strings.Trim(l, "-\t ") == "" {
			t.rows = append(t.rows, row) // the PDF's "--" row
			continue
		}
		first := c[0] != ""
		if !first {
			row[0].merge, row[1].merge, row[5].merge = true, true, true
		}
		if c[4] != "" {
			row[4].text = pending + c[4]
			pending = ""
			row[4].own = !first && c[2] == "" && c[3] == ""
		} else if !first {
			row[4].merge = true
		}
		t.rows = append(t.rows, row)
	}
	return t
}

func services(src string) table {
	t := table{header: []string{"序号", "服务事项", "主要内容", "承办股室（单位）", "联系电话"}}
	for _, l := range lines(src, "序号\t服务事项\t主要内容\t承办股室（单位）\t联系电话", "四、事中事后监督管理制度") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		var row []cell
		for _, s := range strings.Split(l, "\t") {
			row = append(row, cell{text: s})
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// Docx returns the source document as a Word file.
func Docx(src string) []byte {
	var body strings.Builder
	para := func(text string, list bool) {
		body.WriteString("<w:p>")
		if list {
			body.WriteString(`<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`)
		}
		// Runs cut where Word would, in the middle of the text, and a
		// tracked deletion that is not text.
		r := []rune(text)
		mid := len(r) / 2
		fmt.Fprintf(&body, `<w:r><w:t xml:space="preserve">%s</w:t></w:r><w:del w:id="0" w:author="x"><w:r><w:delText>删</w:delText></w:r></w:del><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, esc(string(r[:mid])), esc(string(r[mid:])))
		body.WriteString("</w:p>")
	}
	tbl := func(t table) {
		body.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>`)
		for range t.header {
			body.WriteString(`<w:gridCol w:w="1800"/>`)
		}
		body.WriteString(`</w:tblGrid>`)
		rows := append([][]cell{nil}, t.rows...)
		for ri, row := range rows {
			if ri == 0 {
				for _, h := range t.header {
					row = append(row, cell{text: h})
				}
				body.WriteString(`<w:tr><w:trPr><w:tblHeader/></w:trPr>`)
			} else {
				body.WriteString("<w:tr>")
			}
			for ci, c := range row {
				body.WriteString("<w:tc><w:tcPr>")
				// A column that merges in this table starts its merge on
				// every cell of its own (vMerge restart).
				switch {
				case c.merge && !c.own:
					body.WriteString(`<w:vMerge/>`)
				case ri > 0 && mergesBelow(rows, ri, ci):
					body.WriteString(`<w:vMerge w:val="restart"/>`)
				}
				body.WriteString("</w:tcPr>")
				// A cell's text may have line breaks of its own.
				if c.merge && !c.own {
					body.WriteString("<w:p/>")
				} else {
					for _, p := range strings.Split(c.text, "\n") {
						fmt.Fprintf(&body, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, esc(p))
					}
				}
				body.WriteString("</w:tc>")
			}
			body.WriteString("</w:tr>")
		}
		body.WriteString("</w:tbl>")
	}
	para("县人口计生局责任清单", false)
	para("一、部门职责", false)
	tbl(duties(src, true))
	para("二、与相关部门的职责边界", false)
	tbl(boundaries(src))
	para("三、公共服务事项", false)
	tbl(services(src))
	para("四、事中事后监督管理制度", false)
	for _, l := range lines(src, "四、事中事后监督管理制度", "") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(l, "- "); ok {
			para(rest, true)
		} else {
			para(l, false)
		}
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
	numbering := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	return zipFiles(map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
		"word/document.xml":  doc,
		"word/numbering.xml": numbering,
	})
}

// mergesBelow reports whether the cell at (ri, ci) starts a merge: the
// row below continues it.
func mergesBelow(rows [][]cell, ri, ci int) bool {
	return ri+1 < len(rows) && rows[ri+1][ci].merge && !rows[ri+1][ci].own
}

func esc(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func zipFiles(files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/numbering.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			panic(err)
		}
		w.Write([]byte(files[name]))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Xlsx returns the source document's three tables as an Excel file, one
// sheet each, merged ranges where the Word file merges cells. It has no
// supervision systems: an Excel list has none.
func Xlsx(src string) []byte {
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range []struct {
		name string
		t    table
	}{{"部门职责", duties(src, false)}, {"职责边界", boundaries(src)}, {"公共服务事项", services(src)}} {
		if i == 0 {
			f.SetSheetName("Sheet1", s.name)
		} else {
			f.NewSheet(s.name)
		}
		for ci, h := range s.t.header {
			name, _ := excelize.CoordinatesToCellName(ci+1, 1)
			f.SetCellStr(s.name, name, h)
		}
		for ri, row := range s.t.rows {
			for ci, c := range row {
				name, _ := excelize.CoordinatesToCellName(ci+1, ri+2)
				if !c.merge || c.own {
					f.SetCellStr(s.name, name, c.text)
				}
			}
		}
		// A merge runs from a cell of its own down over the cells that
		// continue it.
		for ci := range s.t.header {
			for ri := 0; ri < len(s.t.rows); ri++ {
				end := ri
				for end+1 < len(s.t.rows) && s.t.rows[end+1][ci].merge && !s.t.rows[end+1][ci].own {
					end++
				}
				if end > ri {
					a, _ := excelize.CoordinatesToCellName(ci+1, ri+2)
					b, _ := excelize.CoordinatesToCellName(ci+1, end+2)
					if err := f.MergeCell(s.name, a, b); err != nil {
						panic(err)
					}
				}
				ri = end
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
