package reports

import "strings"

// Document is a report laid out as plain data, in the form of a 公文
// (GB/T 9704-2012): the 版头 (the issuing organ and the 发文字号), then a
// list of blocks. pdf.go turns it into a PDF and html.go into a page; tests
// compare it as JSON and compare the PDF's text with Text.
type Document struct {
	Title   string  `json:"title"`            // 案卷评查报告, the PDF's title
	Org     string  `json:"org"`              // 发文机关: the 版头's 发文机关标志 and the PDF's author
	Number  string  `json:"number"`           // 发文字号 under the 发文机关标志; empty for an unnumbered report
	Signer  string  `json:"signer,omitempty"` // 签发人 of a 上行文, on the 发文字号's line, right
	Created string  `json:"created"`          // the PDF's creation date, 2026年7月1日, fixed so bytes repeat
	Draft   bool    `json:"draft,omitempty"`  // 草稿: a watermark on every page
	Blocks  []Block `json:"blocks"`
}

// Block kinds.
const (
	BlockTitle     = "title"     // a centred title
	BlockHeading   = "heading"   // 一、… (level 1) or （一）… (level 2), indented two characters; 附件 (level 0) flush left
	BlockText      = "text"      // a paragraph, first line indented two characters
	BlockPlain     = "plain"     // a paragraph without indent
	BlockTable     = "table"     // a table whose header repeats on every page
	BlockChart     = "chart"     // a horizontal bar chart
	BlockSignature = "signature" // 落款: 发文机关署名 and 成文日期 (Lines), set as GB/T 9704 7.3.5.2 says
	BlockBreak     = "break"     // a new page, landscape when Landscape is set
	BlockImprint   = "imprint"   // 版记: 抄送机关 (Text, if any), 印发机关 and 印发日期 (Lines) between rules at the foot of the last page
)

// Block is one element of a document.
type Block struct {
	Kind  string   `json:"kind"`
	Level int      `json:"level,omitempty"`
	Text  string   `json:"text,omitempty"`
	Lines []string `json:"lines,omitempty"`
	Table *Table   `json:"table,omitempty"`
	Chart *Chart   `json:"chart,omitempty"`

	Landscape bool `json:"landscape,omitempty"` // of a break: the pages after it are landscape
}

// Table is a table of text cells.
type Table struct {
	Columns []Column   `json:"columns"`
	Rows    [][]string `json:"rows"`
}

// Column is a table column: its title, its share of the text width and
// the alignment of its cells (L, C or R).
type Column struct {
	Title string  `json:"title"`
	Width float64 `json:"width"`
	Align string  `json:"align"`
}

// Chart is a horizontal bar chart.
type Chart struct {
	Title string `json:"title"`
	Bars  []Bar  `json:"bars"`
}

// Bar is one bar of a chart: its label, its length and the text beside it.
type Bar struct {
	Label string `json:"label"`
	Value int    `json:"value"`
	Note  string `json:"note"`
}

// Text is every character the document shows once, in order: the 版头,
// then each block. Page numbers, the draft watermark and repeated table
// headers are added by the page layout.
func (d *Document) Text() string {
	var b strings.Builder
	add := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
			b.WriteByte('\n')
		}
	}
	add(d.Org, d.Number)
	if d.Signer != "" {
		add("签发人：" + d.Signer)
	}
	for _, bl := range d.Blocks {
		add(bl.Text)
		add(bl.Lines...)
		if t := bl.Table; t != nil {
			for _, c := range t.Columns {
				add(c.Title)
			}
			for _, row := range t.Rows {
				add(row...)
			}
		}
		if c := bl.Chart; c != nil {
			add(c.Title)
			for _, bar := range c.Bars {
				add(bar.Label, bar.Note)
			}
		}
	}
	return b.String()
}
