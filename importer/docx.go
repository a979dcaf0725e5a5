package importer

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ReadDocx reads the paragraphs and tables of a Word file (.docx, Office
// Open XML). It reads word/document.xml with encoding/xml: no Go library
// for .docx that we could ship (a maintained one, under a licence we can
// ship) is served, and the part of the format a responsibility list uses,
// paragraphs, runs, tables and their merges, is small and stable.
//
// Text is taken from w:t runs (w:tab is a tab, w:br and w:cr a line
// break); deleted text of tracked changes (w:delText) and field codes
// (w:instrText) are not text. A table cell with w:gridSpan covers that many
// grid columns; w:vMerge without val="restart" continues the merged cell
// above. A table inside a cell gives its text to the cell.
func ReadDocx(data []byte, lim Limits) (*Doc, error) {
	zr, err := openZip(data, lim)
	if err != nil {
		return nil, err
	}
	xmlData, err := readEntry(zr, "word/document.xml", lim)
	if err != nil {
		return nil, err
	}
	return parseDocument(xmlData, lim)
}

// docxParser walks the tokens of word/document.xml.
type docxParser struct {
	lim    Limits
	doc    Doc
	paras  int
	cells  int
	tables int

	depth  int // table nesting: 0 outside any table
	rows   [][]gridCell
	row    []gridCell
	cell   *gridCell
	inRun  bool
	inText bool

	para     strings.Builder
	inPara   bool
	paraList bool
	style    string
	skip     int // inside w:delText or w:instrText
}

func parseDocument(data []byte, lim Limits) (*Doc, error) {
	p := &docxParser{lim: lim, doc: Doc{Kind: "Word"}}
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errBadXML.Error("word/document.xml", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := p.start(t); err != nil {
				return nil, err
			}
		case xml.EndElement:
			if err := p.end(t.Name.Local); err != nil {
				return nil, err
			}
		case xml.CharData:
			if p.skip == 0 && p.inText {
				if err := p.add(string(t)); err != nil {
					return nil, err
				}
			}
		}
	}
	return &p.doc, nil
}

func attr(e xml.StartElement, name string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

func (p *docxParser) start(e xml.StartElement) error {
	switch e.Name.Local {
	case "tbl":
		p.depth++
		if p.depth == 1 {
			p.rows = nil
		}
	case "tr":
		if p.depth == 1 {
			p.row = nil
		}
	case "tc":
		if p.depth == 1 {
			p.cell = &gridCell{span: 1}
		}
	case "gridBefore":
		// Grid columns a row leaves empty before its first cell.
		if p.depth == 1 && p.cell == nil {
			v, _ := attr(e, "val")
			if n, err := strconv.Atoi(v); err == nil && n > 0 && n <= 64 {
				for range n {
					p.row = append(p.row, gridCell{span: 1})
				}
			}
		}
	case "gridSpan":
		if p.depth == 1 && p.cell != nil {
			v, _ := attr(e, "val")
			if n, err := strconv.Atoi(v); err == nil && n > 1 && n <= 64 {
				p.cell.span = n
			}
		}
	case "vMerge":
		if p.depth == 1 && p.cell != nil {
			v, _ := attr(e, "val")
			p.cell.merge = v != "restart"
		}
	case "p":
		p.inPara, p.paraList, p.style = true, false, ""
		p.para.Reset()
	case "numPr":
		p.paraList = true
	case "pStyle":
		p.style, _ = attr(e, "val")
	case "r":
		p.inRun = true
	case "t":
		p.inText = true
	case "tab":
		if p.inRun && p.skip == 0 {
			return p.add("\t")
		}
	case "br", "cr":
		if p.inRun && p.skip == 0 {
			return p.add("\n")
		}
	case "delText", "instrText":
		p.skip++
	}
	if p.depth > 1 && p.cell != nil {
		p.cell.nested = true
	}
	return nil
}

func (p *docxParser) end(name string) error {
	switch name {
	case "tbl":
		p.depth--
		if p.depth == 0 {
			p.tables++
			p.doc.Blocks = append(p.doc.Blocks, Block{Table: newTable(fmt.Sprintf("表 %d", p.tables), p.rows)})
			p.rows = nil
		}
	case "tr":
		if p.depth == 1 {
			p.rows = append(p.rows, p.row)
			p.row = nil
		}
	case "tc":
		if p.depth == 1 && p.cell != nil {
			p.cells += p.cell.span
			if p.cells > p.lim.Cells {
				return errTooManyCells.Error(p.lim.Cells)
			}
			p.cell.text = strings.TrimSuffix(p.cell.text, "\n")
			p.row = append(p.row, *p.cell)
			p.cell = nil
		}
	case "p":
		text := p.para.String()
		p.inPara = false
		if p.depth > 0 {
			if p.cell != nil {
				p.cell.text += text + "\n"
				if len(p.cell.text) > p.lim.TextPerCell {
					return errCellTooBig.Error(p.lim.TextPerCell)
				}
			}
			return nil
		}
		p.paras++
		if p.paras > p.lim.Paragraphs {
			return errTooManyParas.Error(p.lim.Paragraphs)
		}
		p.doc.Blocks = append(p.doc.Blocks, Block{Para: &Para{N: p.paras, Text: text, List: p.paraList, Style: p.style}})
	case "r":
		p.inRun = false
	case "t":
		p.inText = false
	case "delText", "instrText":
		p.skip--
	}
	return nil
}

// add appends run text to the paragraph being read.
func (p *docxParser) add(s string) error {
	if !p.inPara {
		return nil
	}
	if p.para.Len()+len(s) > p.lim.TextPerCell {
		return errCellTooBig.Error(p.lim.TextPerCell)
	}
	p.para.WriteString(s)
	return nil
}
