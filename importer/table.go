package importer

import (
	"strconv"
	"strings"
)

// Doc is what a reader found in a file: its blocks in order. A Word file
// gives paragraphs and tables; an Excel file gives one table per sheet.
type Doc struct {
	Kind   string   // "Word" or "Excel"
	Blocks []Block  // in document order
	Hidden []Hidden // text the file holds but does not show
}

// Hidden is text a file holds under a merged range, which Excel does not
// show; the report lists it.
type Hidden struct {
	Where string
	Text  string
}

// Block is a paragraph or a table of a document.
type Block struct {
	Para  *Para
	Table *Table
}

// Para is one paragraph outside the tables.
type Para struct {
	N     int    // its number among the document's paragraphs, from 1
	Text  string // its text; line breaks inside it are "\n"
	List  bool   // a list paragraph (bulleted or numbered in Word)
	Style string // the paragraph style's id, such as "Heading2"
}

// Table is a plain grid: every row has the same number of cells, and a
// merged cell has been expanded to every row it covers.
type Table struct {
	Name string // "表 1" or "工作表“部门职责”"
	Rows [][]*Cell
}

// Cell is one grid position of a table.
type Cell struct {
	Row, Col int    // from 0
	Text     string // the text shown there; for a merged cell, its origin's
	// Origin is the cell whose text a merged cell shows (Word vMerge,
	// Excel merged range), nil for a cell of its own. Horizontal spans
	// keep the text in their first column only: the other columns of the
	// span show "" and name it as their origin.
	Origin *Cell
	Nested bool // the cell held a table of its own, whose text is in Text
}

// Ref names the cell as a spreadsheet would, "C12": column letter, row
// number from 1.
func (c *Cell) Ref() string { return colName(c.Col) + strconv.Itoa(c.Row+1) }

// Own reports whether the cell has text of its own, rather than a copy of
// a merged cell's.
func (c *Cell) Own() bool { return c.Origin == nil }

// colName is the spreadsheet name of column i from 0: A, B, …, Z, AA.
func colName(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// gridCell is a cell as a reader finds it, before merges are expanded.
type gridCell struct {
	text   string
	span   int  // columns covered, 1 or more
	merge  bool // continues the merged cell above (Word vMerge without restart)
	nested bool
}

// newTable lays rows of reader cells out on a grid and expands merges.
func newTable(name string, rows [][]gridCell) *Table {
	t := &Table{Name: name}
	width := 0
	for _, r := range rows {
		w := 0
		for _, c := range r {
			w += max(c.span, 1)
		}
		width = max(width, w)
	}
	for ri, r := range rows {
		row := make([]*Cell, width)
		col := 0
		for _, gc := range r {
			span := max(gc.span, 1)
			c := &Cell{Row: ri, Col: col, Text: gc.text, Nested: gc.nested}
			if gc.merge && ri > 0 {
				above := t.Rows[ri-1][col]
				if above.Origin != nil {
					above = above.Origin
				}
				c.Text, c.Origin = above.Text, above
			}
			row[col] = c
			for k := 1; k < span && col+k < width; k++ {
				row[col+k] = &Cell{Row: ri, Col: col + k, Origin: c}
			}
			col += span
		}
		for ; col < width; col++ {
			row[col] = &Cell{Row: ri, Col: col}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// clean trims the spaces and line breaks a table cell has around its text;
// inside, the text is kept exactly.
func clean(s string) string { return strings.TrimSpace(s) }
