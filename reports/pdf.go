package reports

import (
	"fmt"
	"io"
	"math"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"qingdan/period"
)

// Page geometry in millimetres (A4 portrait) and type sizes in points.
const (
	marginX        = 20.0
	marginTop      = 25.0
	marginBottom   = 22.0
	bodySize       = 10.5 // 五号
	tableSize      = 9
	smallSize      = 9
	leading        = 1.55 // line height as a multiple of the type size
	ptToMM         = 25.4 / 72
	cellPadX       = 1.5
	cellPadY       = 1.2
	pageNumberText = "第 %d 页 共 %s 页"
	pageCountAlias = "{nb}"
)

// pageChars are the characters the page layout adds to a document's text.
const pageChars = "第页共0123456789"

// RenderPDF draws the document on A4 pages in the fonts and writes the
// PDF. It is the only code that calls the PDF library. The bytes depend on
// the document and the fonts alone: dates are the document's, not the
// clock's. Each character is drawn from the first font that has it (the
// role's face, then the chain); one that no font has is drawn as 〓, and
// the PDF's text keeps the character itself.
func RenderPDF(doc *Document, fonts *Fonts, w io.Writer) error {
	created, err := time.ParseInLocation("2006年1月2日", doc.Created, period.Zone)
	if err != nil {
		return fmt.Errorf("document %s: creation date %q is not a date such as 2026年7月1日", doc.Title, doc.Created)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	pdf.SetTitle(doc.Title, true)
	pdf.SetAuthor(doc.Header, true)
	pdf.SetProducer("qingdan", false)
	pdf.AliasNbPages(pageCountAlias)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginX, marginTop, marginX)
	r := newRenderer(pdf, doc, fonts)
	pdf.SetHeaderFunc(r.header)
	pdf.SetFooterFunc(r.footer)
	pdf.AddPage()
	if doc.Cover != nil {
		r.cover(doc.Cover)
		r.newPage()
	}
	for _, b := range doc.Blocks {
		r.block(b)
	}
	if r.faces.err != nil {
		return fmt.Errorf("laying out %s: %w", doc.Title, r.faces.err)
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("laying out %s: %w", doc.Title, err)
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("writing %s: %w", doc.Title, err)
	}
	return nil
}

// renderer lays out a document page by page.
type renderer struct {
	pdf         *fpdf.Fpdf
	doc         *Document
	size        float64              // current type size
	role        string               // current font role
	orientation string               // of new pages: "P" or "L"
	y           float64              // where the next thing goes
	faces                            // the fonts and which character each draws
	registered  map[string]bool      // font families added to the PDF
	units       map[roleRune]float64 // width of each character at 1 pt
}

func newRenderer(pdf *fpdf.Fpdf, doc *Document, fonts *Fonts) *renderer {
	return &renderer{pdf: pdf, doc: doc, orientation: "P", role: roleBody,
		faces:      newFaces(fonts, doc.Text()+doc.Header+pageChars),
		registered: map[string]bool{}, units: map[roleRune]float64{}}
}

// roleRune keys the width of a character in a role.
type roleRune struct {
	role string
	c    rune
}

// family is the PDF font of a run, added to the PDF on first use (so that
// a fallback font is embedded only when the document needs it).
func (r *renderer) family(run textRun) string {
	name := r.faces.name(run)
	if !r.registered[name] {
		r.registered[name] = true
		r.pdf.AddUTF8FontFromBytes(name, "", r.faces.data(run))
	}
	return name
}

// unitWidth is the width of a character at 1 pt in a role.
func (r *renderer) unitWidth(role string, c rune) float64 {
	key := roleRune{role, c}
	if u, ok := r.units[key]; ok {
		return u
	}
	u := 0.0
	if runs := r.runs(role, string(c)); len(runs) == 1 {
		r.pdf.SetFont(r.family(runs[0]), "", 10)
		u = r.pdf.GetStringWidth(runs[0].text) / 10
	}
	r.units[key] = u
	return u
}

// pageW and pageH are the size of the current page, which is A4 portrait
// or landscape.
func (r *renderer) pageW() float64 { w, _ := r.pdf.GetPageSize(); return w }
func (r *renderer) pageH() float64 { _, h := r.pdf.GetPageSize(); return h }

// textW is the width between the margins.
func (r *renderer) textW() float64 { return r.pageW() - 2*marginX }

func (r *renderer) setSize(size float64) {
	r.size = size
}

// measure is the width of a character at the current size and role.
func (r *renderer) measure(c rune) float64 {
	return r.unitWidth(r.role, c) * r.size
}

func (r *renderer) width(s string) float64 {
	w := 0.0
	for _, c := range s {
		w += r.measure(c)
	}
	return w
}

func (r *renderer) lineHeight() float64 { return r.size * ptToMM * leading }

func (r *renderer) bottom() float64 { return r.pageH() - marginBottom }

// fits reports whether h more millimetres fit on the page.
func (r *renderer) fits(h float64) bool { return r.y+h <= r.bottom()+1e-9 }

// newPage starts a page as the one before: portrait or landscape.
func (r *renderer) newPage() {
	r.pdf.AddPageFormat(r.orientation, r.pdf.GetPageSizeStr("A4"))
	r.y = marginTop
}

// ensure starts a new page unless h fits on this one.
func (r *renderer) ensure(h float64) {
	if !r.fits(h) {
		r.newPage()
	}
}

// onCover reports whether the current page is the cover, which has no
// running header and no page number.
func (r *renderer) onCover() bool { return r.doc.Cover != nil && r.pdf.PageNo() == 1 }

func (r *renderer) header() {
	r.y = marginTop
	if r.onCover() {
		return
	}
	size := r.size
	r.setSize(smallSize)
	r.pdf.SetTextColor(90, 90, 90)
	r.text(marginX, 11, r.textW(), r.doc.Header, "C")
	r.pdf.SetDrawColor(120, 120, 120)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Line(marginX, 17, r.pageW()-marginX, 17)
	r.pdf.SetTextColor(0, 0, 0)
	r.pdf.SetDrawColor(0, 0, 0)
	if size > 0 {
		r.setSize(size)
	}
}

func (r *renderer) footer() {
	if r.onCover() {
		return
	}
	size := r.size
	r.setSize(smallSize)
	r.text(marginX, r.pageH()-14, r.textW(), fmt.Sprintf(pageNumberText, r.pdf.PageNo(), pageCountAlias), "C")
	r.setSize(size)
}

// text draws one line of text in a box of width w at (x, y), run by run
// of characters drawn from one font.
func (r *renderer) text(x, y, w float64, s, align string) {
	runs := r.runs(r.role, s)
	total := 0.0
	for i := range runs {
		r.pdf.SetFont(r.family(runs[i]), "", r.size)
		runs[i].width = r.pdf.GetStringWidth(runs[i].text)
		total += runs[i].width
	}
	switch align {
	case "C":
		x += (w - total) / 2
	case "R":
		x += w - total
	}
	for _, run := range runs {
		r.pdf.SetFont(r.family(run), "", r.size)
		if run.actual != "" {
			r.pdf.RawWriteStr("/Span <</ActualText <" + utf16Hex(run.actual) + ">>> BDC")
		}
		r.pdf.SetXY(x, y)
		r.pdf.CellFormat(run.width, r.lineHeight(), run.text, "", 0, "L", false, 0, "")
		if run.actual != "" {
			r.pdf.RawWriteStr("EMC")
		}
		x += run.width
	}
}

// lines draws wrapped text; the first line is indented.
func (r *renderer) lines(s string, indent float64, align string) {
	lh := r.lineHeight()
	for i, l := range Wrap(s, r.textW(), indent, r.measure) {
		r.ensure(lh)
		x := marginX
		if i == 0 {
			x += indent
		}
		r.text(x, r.y, r.pageW()-marginX-x, l, align)
		r.y += lh
	}
}

func (r *renderer) cover(c *Cover) {
	r.setSize(24)
	r.y = 70
	r.pdf.SetTextRenderingMode(2) // fill and stroke: a bold look from one face
	r.pdf.SetLineWidth(0.3)
	r.lines(c.Title, 0, "C")
	r.pdf.SetTextRenderingMode(0)
	r.y += 12
	r.setSize(16)
	for _, l := range c.Lines {
		r.lines(l, 0, "C")
		r.y += 2
	}
	r.y = 200
	r.setSize(16)
	r.lines(c.Org, 0, "C")
	r.y += 3
	r.lines(c.Date, 0, "C")
}

func (r *renderer) block(b Block) {
	switch b.Kind {
	case BlockTitle:
		r.setSize(16)
		r.ensure(3 * r.lineHeight())
		r.y += 2
		r.bold(func() { r.lines(b.Text, 0, "C") })
		r.y += 4
	case BlockHeading:
		size := 14.0
		if b.Level > 1 {
			size = 12
		}
		r.setSize(size)
		// keep the heading with at least three lines of what follows
		r.ensure(r.lineHeight() + 3*bodySize*ptToMM*leading + 4)
		r.y += 2
		r.bold(func() { r.lines(b.Text, 0, "L") })
		r.y += 1
	case BlockText, BlockPlain:
		r.setSize(bodySize)
		indent := 0.0
		if b.Kind == BlockText {
			indent = 2 * r.measure('　')
		}
		r.lines(b.Text, indent, "L")
		r.y += 1.5
	case BlockTable:
		r.table(b.Table)
		r.y += 4
	case BlockChart:
		r.chart(b.Chart)
	case BlockSignature:
		r.setSize(bodySize + 1)
		lh := r.lineHeight()
		r.ensure(lh * float64(len(b.Lines)+2))
		r.y += 2 * lh
		for _, l := range b.Lines {
			w := min(r.width(l)+2, r.textW()-10)
			for _, part := range Wrap(l, w, 0, r.measure) {
				r.text(r.pageW()-marginX-w-10, r.y, w, part, "L")
				r.y += lh
			}
		}
	case BlockBreak:
		r.orientation = "P"
		if b.Landscape {
			r.orientation = "L"
		}
		r.newPage()
	}
}

// bold draws with a thin outline around each glyph, as the font has one
// weight.
func (r *renderer) bold(draw func()) {
	r.pdf.SetTextRenderingMode(2)
	r.pdf.SetLineWidth(0.15)
	draw()
	r.pdf.SetTextRenderingMode(0)
	r.pdf.SetLineWidth(0.2)
}

// chart draws a horizontal bar chart.
func (r *renderer) chart(c *Chart) {
	r.setSize(bodySize)
	lh := r.lineHeight()
	barH := 6.0
	r.ensure(lh + float64(len(c.Bars))*(barH+3) + 4)
	r.y += 2
	r.bold(func() { r.text(marginX, r.y, r.textW(), c.Title, "C") })
	r.y += lh + 1
	most := 1
	for _, b := range c.Bars {
		most = max(most, b.Value)
	}
	labelW, noteW := 25.0, 40.0
	barMax := r.textW() - labelW - noteW - 4
	colors := [][3]int{{46, 125, 50}, {33, 102, 172}, {198, 40, 40}}
	r.pdf.SetLineWidth(0.2)
	for i, b := range c.Bars {
		r.text(marginX, r.y+(barH-lh)/2, labelW-2, b.Label, "R")
		w := barMax * float64(b.Value) / float64(most)
		col := colors[i%len(colors)]
		r.pdf.SetFillColor(col[0], col[1], col[2])
		if w > 0 {
			r.pdf.Rect(marginX+labelW, r.y, w, barH, "F")
		}
		r.text(marginX+labelW+w+2, r.y+(barH-lh)/2, noteW, b.Note, "L")
		r.y += barH + 3
	}
	r.pdf.Line(marginX+labelW, r.y-float64(len(c.Bars))*(barH+3)-1, marginX+labelW, r.y-2)
	r.y += 3
}

// table draws a table; its header row starts it and every page it runs
// onto, and a row taller than a page is split between pages.
func (r *renderer) table(t *Table) {
	r.setSize(tableSize)
	lh := r.lineHeight()
	total := 0.0
	for _, c := range t.Columns {
		total += c.Width
	}
	widths := make([]float64, len(t.Columns))
	titles := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = r.textW() * c.Width / total
		titles[i] = c.Title
	}
	head := r.cellLines(titles, widths)
	headH := rowHeight(head, lh)
	drawHead := func() {
		r.pdf.SetFillColor(232, 236, 242)
		r.row(head, widths, t.Columns, lh, true)
	}
	// a table starts where its header and first row fit
	first := headH
	if len(t.Rows) > 0 {
		first += min(rowHeight(r.cellLines(t.Rows[0], widths), lh), r.bottom()-marginTop-headH)
	}
	r.ensure(first)
	drawHead()
	for _, cells := range t.Rows {
		lines := r.cellLines(cells, widths)
		for {
			h := rowHeight(lines, lh)
			if r.fits(h) {
				r.row(lines, widths, t.Columns, lh, false)
				break
			}
			room := int(math.Floor((r.bottom() - r.y - 2*cellPadY) / lh))
			if h <= r.bottom()-marginTop-headH || room < 1 {
				r.newPage()
				drawHead()
				continue
			}
			// taller than a page: draw what fits, carry the rest over
			part, rest := splitLines(lines, room)
			r.row(part, widths, t.Columns, lh, false)
			lines = rest
			r.newPage()
			drawHead()
		}
	}
}

// cellLines wraps each cell to its column.
func (r *renderer) cellLines(cells []string, widths []float64) [][]string {
	out := make([][]string, len(widths))
	for i := range widths {
		s := ""
		if i < len(cells) {
			s = cells[i]
		}
		out[i] = Wrap(s, widths[i]-2*cellPadX, 0, r.measure)
	}
	return out
}

func rowHeight(lines [][]string, lh float64) float64 {
	n := 1
	for _, l := range lines {
		n = max(n, len(l))
	}
	return float64(n)*lh + 2*cellPadY
}

// splitLines cuts every cell after n lines.
func splitLines(lines [][]string, n int) (part, rest [][]string) {
	for _, l := range lines {
		k := min(n, len(l))
		part = append(part, l[:k])
		rest = append(rest, l[k:])
	}
	return part, rest
}

// row draws one row of wrapped cells with their borders.
func (r *renderer) row(lines [][]string, widths []float64, cols []Column, lh float64, header bool) {
	h := rowHeight(lines, lh)
	style := "D"
	if header {
		style = "FD"
	}
	r.pdf.SetLineWidth(0.2)
	x := marginX
	for i, w := range widths {
		r.pdf.Rect(x, r.y, w, h, style)
		align := cols[i].Align
		if header {
			align = "C"
		}
		for j, l := range lines[i] {
			r.text(x+cellPadX, r.y+cellPadY+float64(j)*lh, w-2*cellPadX, l, align)
		}
		x += w
	}
	r.y += h
}
