package importer

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// ReadXlsx reads every sheet of an Excel file (.xlsx) as a table, with its
// merged ranges expanded: a range's text is shown in every row it covers,
// in its first column. Cell values are read as Excel shows them, so a
// phone number typed as a number reads "7631779".
func ReadXlsx(data []byte, lim Limits) (doc *Doc, err error) {
	if _, err := openZip(data, lim); err != nil {
		return nil, err
	}
	// excelize is a well-kept library, but this is the user's file: a
	// panic inside it becomes an error, never a crash.
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, errBadXlsx.Error(fmt.Sprint(r))
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    lim.Unpacked,
		UnzipXMLSizeLimit: lim.EntryUnpack,
	})
	if err != nil {
		return nil, errBadXlsx.Error(err)
	}
	defer f.Close()
	doc = &Doc{Kind: "Excel"}
	cells := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return nil, errBadXlsx.Error(err)
		}
		merges, err := f.GetMergeCells(sheet)
		if err != nil {
			return nil, errBadXlsx.Error(err)
		}
		width := 0
		for _, r := range rows {
			width = max(width, len(r))
		}
		// A merged range may reach past the last row or column with text.
		type span struct{ c1, r1, c2, r2 int }
		var spans []span
		for _, m := range merges {
			c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 != nil || err2 != nil || c2 < c1 || r2 < r1 {
				continue
			}
			spans = append(spans, span{c1 - 1, r1 - 1, c2 - 1, r2 - 1})
			width = max(width, c2)
			for len(rows) < r2 {
				rows = append(rows, nil)
			}
		}
		cells += width * len(rows)
		if cells > lim.Cells {
			return nil, errTooManyCells.Error(lim.Cells)
		}
		grid := make([][]gridCell, len(rows))
		for ri, r := range rows {
			grid[ri] = make([]gridCell, width)
			for ci := range grid[ri] {
				grid[ri][ci].span = 1
				if ci < len(r) {
					if len(r[ci]) > lim.TextPerCell {
						return nil, errCellTooBig.Error(lim.TextPerCell)
					}
					grid[ri][ci].text = r[ci]
				}
			}
		}
		// Lay each range out as Word does: the first row's first cell spans
		// the columns; the rows below continue it.
		covered := map[[2]int]bool{}
		for _, s := range spans {
			for ri := s.r1; ri <= s.r2; ri++ {
				grid[ri][s.c1].span = s.c2 - s.c1 + 1
				grid[ri][s.c1].merge = ri > s.r1
				for ci := s.c1 + 1; ci <= s.c2; ci++ {
					covered[[2]int{ri, ci}] = true
				}
				for ci := s.c1; ci <= s.c2; ci++ {
					// Excel keeps only the first cell's text; a file
					// written by another program may hide more.
					if (ri > s.r1 || ci > s.c1) && grid[ri][ci].text != "" {
						name, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
						doc.Hidden = append(doc.Hidden, Hidden{Where: fmt.Sprintf("工作表“%s” %s", sheet, name), Text: grid[ri][ci].text})
						grid[ri][ci].text = ""
					}
				}
			}
		}
		out := make([][]gridCell, len(grid))
		for ri, r := range grid {
			for ci, c := range r {
				if !covered[[2]int{ri, ci}] {
					out[ri] = append(out[ri], c)
				}
			}
		}
		doc.Blocks = append(doc.Blocks, Block{Table: newTable(fmt.Sprintf("工作表“%s”", sheet), out)})
	}
	return doc, nil
}
