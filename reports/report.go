package reports

import "strings"

// Document is a report laid out as plain data: a cover, a running header
// and a list of blocks. pdf.go turns it into a PDF and nothing else does;
// tests compare it as JSON and compare the PDF's text with Text.
type Document struct {
	Title   string  `json:"title"`   // 案卷评查报告
	Header  string  `json:"header"`  // running header of every page after the cover
	Created string  `json:"created"` // the PDF's creation date, 2026-07-01, fixed so bytes repeat
	Cover   *Cover  `json:"cover,omitempty"`
	Blocks  []Block `json:"blocks"`
}

// Cover is the first page of a report.
type Cover struct {
	Title string   `json:"title"`
	Lines []string `json:"lines"` // under the title: the period
	Org   string   `json:"org"`
	Date  string   `json:"date"`
}

// Block kinds.
const (
	BlockTitle     = "title"     // a centred title
	BlockHeading   = "heading"   // 一、… (level 1) or （一）… (level 2)
	BlockText      = "text"      // a paragraph, first line indented two characters
	BlockPlain     = "plain"     // a paragraph without indent
	BlockTable     = "table"     // a table whose header repeats on every page
	BlockChart     = "chart"     // a horizontal bar chart
	BlockSignature = "signature" // lines set to the right, kept on one page
	BlockBreak     = "break"     // a new page, landscape when Landscape is set
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

// Text is every character the document shows once, in order: the cover,
// then each block. Running headers, page numbers and repeated table
// headers are added by the page layout.
func (d *Document) Text() string {
	var b strings.Builder
	add := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
			b.WriteByte('\n')
		}
	}
	if c := d.Cover; c != nil {
		add(c.Title)
		add(c.Lines...)
		add(c.Org, c.Date)
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
