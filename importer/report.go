package importer

import (
	"fmt"
	"sort"
	"strings"
)

// Report is what an import did with every cell and paragraph of the file:
// written into the content (and as what), blank, or left out and why.
type Report struct {
	File string // the file's name
	Kind string // "Word" or "Excel"

	b           *builder
	tables      []*tableReport
	paras       []paraLine
	notes       []string
	files       []string
	hiddenText  []Hidden
	halfWidth   int // unit cells written with half-width brackets
	leadGuessed int // matters whose lead role was taken to be the first
}

type tableReport struct {
	b      *builder
	name   string
	t      *Table
	part   string
	header *header
	rows   map[int]later
	left   map[*Cell]string
}

type paraLine struct {
	p    *Para
	what later
}

func (r *Report) table(t *Table) *tableReport {
	tr := &tableReport{b: r.b, name: t.Name, t: t, rows: map[int]later{}, left: map[*Cell]string{}}
	r.tables = append(r.tables, tr)
	return tr
}

func (tr *tableReport) row(i int, what later) { tr.rows[i] = what }

// leave records why a cell is not in the content.
func (tr *tableReport) leave(c *Cell, why string) {
	if c == nil {
		return
	}
	if c.Origin != nil {
		c = c.Origin
	}
	if _, ok := tr.left[c]; !ok {
		tr.left[c] = why
	}
}

func (r *Report) para(p *Para, what string)     { r.paras = append(r.paras, paraLine{p, fixed(what)}) }
func (r *Report) paraLater(p *Para, what later) { r.paras = append(r.paras, paraLine{p, what}) }
func (r *Report) note(s string)                 { r.notes = append(r.notes, s) }
func (r *Report) file(name, what string)        { r.files = append(r.files, name+"："+what) }
func (r *Report) hidden(h Hidden)               { r.hiddenText = append(r.hiddenText, h) }

// Counts are the report's numbers.
type Counts struct {
	Tables     int
	Cells      int // cells the file holds (a merged cell once)
	Used       int // written into the content
	Blank      int // empty, nothing to write
	Left       int // with text, left out; each is listed with its reason
	Paragraphs int
	Hidden     int // text under merged ranges, listed
}

// Counts counts the cells and paragraphs.
func (r *Report) Counts() Counts {
	c := Counts{Tables: len(r.tables), Paragraphs: len(r.paras), Hidden: len(r.hiddenText)}
	for _, tr := range r.tables {
		for _, row := range tr.t.Rows {
			for _, cell := range row {
				if !cell.Own() {
					continue
				}
				c.Cells++
				switch _, used := r.b.used[cell]; {
				case used:
					c.Used++
				case text(cell) == "":
					c.Blank++
				default:
					c.Left++
				}
			}
		}
	}
	return c
}

// String is the report as import-report.txt holds it.
func (r *Report) String() string {
	var w strings.Builder
	c := r.Counts()
	kind := msgKindWord.S()
	if r.Kind == "Excel" {
		kind = msgKindExcel.S()
	}
	fmt.Fprintln(&w, msgReportTitle.S(r.File, kind))
	fmt.Fprintln(&w)
	fmt.Fprintln(&w, msgReportCounts.S(c.Tables, c.Cells, c.Used, c.Blank, c.Left, c.Paragraphs))
	var notes []string
	if r.halfWidth > 0 {
		notes = append(notes, msgNoteHalfWidth.S(r.halfWidth))
	}
	notes = append(notes, r.notes...)
	if r.leadGuessed > 0 {
		notes = append(notes, msgNoteLead.S(r.leadGuessed))
	}
	if len(notes) > 0 {
		fmt.Fprintln(&w, "\n"+msgReportNotes.S())
		for _, n := range notes {
			fmt.Fprintln(&w, "- "+n)
		}
	}
	for _, tr := range r.tables {
		fmt.Fprintln(&w)
		if tr.header == nil {
			fmt.Fprintln(&w, msgReportTableNone.S(tr.name, len(tr.t.Rows)))
		} else {
			var cols []string
			for _, i := range tr.header.cols {
				cols = append(cols, fmt.Sprintf("%s %s", colName(i), text(tr.t.Rows[tr.header.row][i])))
			}
			sort.Strings(cols)
			fmt.Fprintln(&w, msgReportTable.S(tr.name, partName(tr.part), len(tr.t.Rows), strings.Join(cols, "、")))
		}
		for i, row := range tr.t.Rows {
			line := msgRowNothing.S()
			if l, ok := tr.rows[i]; ok {
				line = l()
			}
			var blank []string
			for _, cell := range row {
				if cell.Own() && text(cell) == "" {
					if _, used := r.b.used[cell]; !used {
						blank = append(blank, colName(cell.Col))
					}
				}
			}
			if len(blank) > 0 {
				line += msgReportBlank.S(strings.Join(blank, "、"))
			}
			for _, cell := range row {
				if cell.Nested {
					line += msgReportNested.S(colName(cell.Col))
				}
			}
			fmt.Fprintf(&w, "  %s\n", msgReportRow.S(i+1, line))
		}
		var left []string
		for _, row := range tr.t.Rows {
			for _, cell := range row {
				if !cell.Own() || text(cell) == "" {
					continue
				}
				if _, used := r.b.used[cell]; used {
					continue
				}
				why, ok := tr.left[cell]
				if !ok {
					why = msgLeftUnhandled.S()
				}
				left = append(left, fmt.Sprintf("    %s：%s（%s）", cell.Ref(), quote(cell.Text), why))
			}
		}
		if len(left) > 0 {
			fmt.Fprintln(&w, "  "+msgReportLeft.S(len(left)))
			for _, l := range left {
				fmt.Fprintln(&w, l)
			}
		}
	}
	if len(r.paras) > 0 {
		fmt.Fprintln(&w, "\n"+msgReportParas.S(len(r.paras)))
		sort.SliceStable(r.paras, func(i, j int) bool { return r.paras[i].p.N < r.paras[j].p.N })
		for _, p := range r.paras {
			fmt.Fprintf(&w, "  %s\n", msgReportPara.S(p.p.N, quote(p.p.Text), p.what()))
		}
	}
	if len(r.hiddenText) > 0 {
		fmt.Fprintln(&w, "\n"+msgReportHidden.S(len(r.hiddenText)))
		for _, h := range r.hiddenText {
			fmt.Fprintf(&w, "  %s：%s\n", h.Where, quote(h.Text))
		}
	}
	if len(r.files) > 0 {
		fmt.Fprintln(&w, "\n"+msgReportFiles.S())
		for _, f := range r.files {
			fmt.Fprintln(&w, "  "+f)
		}
	}
	return w.String()
}

// quote shows a text in the report whole, line breaks as ⏎.
func quote(s string) string { return "“" + strings.ReplaceAll(s, "\n", "⏎") + "”" }

func partName(key string) string {
	switch key {
	case "units":
		return msgUnitsSheet.S()
	case "parts":
		return msgPartsSheet.S()
	}
	return partTitles[key]
}
