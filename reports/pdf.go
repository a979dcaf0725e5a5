package reports

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"qingdan/period"
)

// Page geometry in millimetres and type sizes in points, as GB/T 9704-2012
// sets them for A4: 天头 37 mm, 订口 28 mm, a 版心 of 156 × 225 mm; the body
// in 3号 (16 pt) 仿宋, 22 lines a page of 28 characters; the title in 2号
// (22 pt) 小标宋; page numbers in 4号 (14 pt) half-width digits between
// dashes, 7 mm under the 版心, a character in from its outer edge. Pages
// turned to landscape (the catalogue) keep the 版心 turned with them.
const (
	marginTop      = 37.0
	marginLeft     = 28.0
	textWidth      = 156.0
	textHeight     = 225.0
	bodySize       = 15.75 // 3号, narrowed a hair so that 28 characters fill the 156 mm line
	titleSize      = 22    // 2号
	headSize       = 16    // 3号, 一、 and （一） headings
	pageNumSize    = 14    // 4号
	tableSize      = 9     // 小五
	bodyLeading    = textHeight / 22 / (bodySize * ptToMM)
	tableLeading   = 1.45
	ptToMM         = 25.4 / 72
	cellPadX       = 1.5
	cellPadY       = 1.2
	pageNumGap     = 7.0  // from the 版心's lower edge to the page number
	redSeparator   = 4.0  // from the 发文字号 to the red line
	markFromTop    = 35.0 // from the 版心's top to the 发文机关标志
	pageNumFormat  = "— %d —"
	draftWatermark = "草稿"
)

// pageChars are the characters the page layout adds to a document's text.
const pageChars = "—0123456789" + draftWatermark

// red is the colour of the 发文机关标志 and the red separator line.
var red = [3]int{230, 0, 18}

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
	title := doc.Title
	if doc.Draft {
		title += "（" + draftWatermark + "）"
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	pdf.SetTitle(title, true)
	pdf.SetAuthor(doc.Org, true)
	pdf.SetProducer("qingdan", false)
	pdf.SetAutoPageBreak(false, 0)
	r := newRenderer(pdf, doc, fonts)
	pdf.SetHeaderFunc(r.header)
	pdf.SetFooterFunc(r.footer)
	pdf.AddPage()
	r.head()
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
	leading     float64              // current line height as a multiple of the size
	role        string               // current font role
	orientation string               // of new pages: "P" or "L"
	y           float64              // where the next thing goes
	faces                            // the fonts and which character each draws
	registered  map[string]bool      // font families added to the PDF
	units       map[roleRune]float64 // width of each character at 1 pt
}

func newRenderer(pdf *fpdf.Fpdf, doc *Document, fonts *Fonts) *renderer {
	return &renderer{pdf: pdf, doc: doc, orientation: "P", role: roleBody, size: bodySize, leading: bodyLeading,
		faces:      newFaces(fonts, doc.Text()+pageChars),
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

// landscape reports whether the current page is turned.
func (r *renderer) landscape() bool { w, h := r.pdf.GetPageSize(); return w > h }

// The 版心 of the current page: its left and top edges, width and height.
// A landscape page is a portrait sheet turned (GB/T 9704 10.1): on an odd
// page the table's head is at the 订口 (the sheet's left edge), on an even
// one at the 切口, so its margins are the sheet's, turned one way or the
// other.
func (r *renderer) left() float64 {
	switch {
	case !r.landscape():
		return marginLeft
	case r.pdf.PageNo()%2 == 1:
		return 297 - marginTop - textHeight // the sheet's foot
	}
	return marginTop // the sheet's head
}
func (r *renderer) top() float64 {
	switch {
	case !r.landscape():
		return marginTop
	case r.pdf.PageNo()%2 == 1:
		return marginLeft // the 订口
	}
	return 210 - marginLeft - textWidth // the 切口
}
func (r *renderer) textW() float64 {
	if r.landscape() {
		return textHeight
	}
	return textWidth
}
func (r *renderer) bottom() float64 {
	if r.landscape() {
		return r.top() + textWidth
	}
	return marginTop + textHeight
}
func (r *renderer) right() float64 { return r.left() + r.textW() }

// style sets the type size, line height and font role of what follows.
func (r *renderer) style(role string, size, leading float64) {
	r.role, r.size, r.leading = role, size, leading
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

func (r *renderer) lineHeight() float64 { return r.size * ptToMM * r.leading }

// fits reports whether h more millimetres fit on the page.
func (r *renderer) fits(h float64) bool { return r.y+h <= r.bottom()+1e-9 }

// newPage starts a page as the one before: portrait or landscape.
func (r *renderer) newPage() {
	r.pdf.AddPageFormat(r.orientation, r.pdf.GetPageSizeStr("A4"))
	r.y = r.top()
}

// ensure starts a new page unless h fits on this one.
func (r *renderer) ensure(h float64) {
	if !r.fits(h) {
		r.newPage()
	}
}

// header marks a draft on every page: 草稿, large, pale and slanted across
// the page, under the text.
func (r *renderer) header() {
	r.y = r.top()
	if !r.doc.Draft {
		return
	}
	saved := *r
	r.style(roleTitle, 110, 1)
	w, h := r.pdf.GetPageSize()
	r.pdf.SetTextColor(215, 215, 215)
	r.pdf.TransformBegin()
	r.pdf.TransformRotate(35, w/2, h/2)
	r.text(0, h/2-r.lineHeight()/2, w, draftWatermark, "C")
	r.pdf.TransformEnd()
	r.pdf.SetTextColor(0, 0, 0)
	r.style(saved.role, saved.size, saved.leading)
}

// footer draws the page number: — 1 —, 7 mm under the 版心, a character
// in from the right edge on odd pages and from the left on even ones. On a
// landscape page it stays where the turned sheet has it, turned with it.
func (r *renderer) footer() {
	saved := *r
	r.style(roleChain, pageNumSize, 1)
	n := r.pdf.PageNo()
	s := fmt.Sprintf(pageNumFormat, n)
	em := pageNumSize * ptToMM
	w := r.width(s)
	// where the number is on the portrait sheet: its box's top left corner
	x, y := marginLeft+textWidth-em-w, marginTop+textHeight+pageNumGap-0.15*em
	if n%2 == 0 {
		x = marginLeft + em
	}
	if !r.landscape() {
		r.text(x, y, w, s, "L")
	} else {
		// the sheet turned clockwise (odd pages) or counter-clockwise
		px, py, angle := 297-y, x, -90.0
		if n%2 == 0 {
			px, py, angle = y, 210-x, 90
		}
		r.pdf.TransformBegin()
		r.pdf.TransformRotate(angle, px, py)
		r.text(px, py, w, s, "L")
		r.pdf.TransformEnd()
	}
	r.style(saved.role, saved.size, saved.leading)
}

// head draws the 版头 on the first page: the 发文机关标志 in red, the
// 发文字号 two lines under it, and the red separator line 4 mm under that.
// A 上行文 has its 签发人 on the 发文字号's line, one character in from the
// right, and the 发文字号 one character in from the left (GB/T 9704 7.2.4).
func (r *renderer) head() {
	r.style(roleTitle, 42, 1.2)
	if w := r.width(r.doc.Org); w > r.textW() {
		r.size *= r.textW() / w
	}
	r.y = r.top() + markFromTop
	r.pdf.SetTextColor(red[0], red[1], red[2])
	r.boldIfFallback(func() { r.text(r.left(), r.y, r.textW(), r.doc.Org, "C") })
	r.pdf.SetTextColor(0, 0, 0)
	r.y += r.lineHeight()
	r.style(roleBody, bodySize, bodyLeading)
	r.y += 2 * r.lineHeight()
	em := bodySize * ptToMM
	switch {
	case r.doc.Signer != "":
		r.text(r.left()+em, r.y, r.textW()-2*em, r.doc.Number, "L")
		r.text(r.left()+em, r.y, r.textW()-2*em, "签发人："+r.doc.Signer, "R")
	case r.doc.Number != "":
		r.text(r.left(), r.y, r.textW(), r.doc.Number, "C")
	}
	r.y += r.lineHeight() + redSeparator
	r.pdf.SetDrawColor(red[0], red[1], red[2])
	r.pdf.SetLineWidth(0.5)
	r.pdf.Line(r.left(), r.y, r.right(), r.y)
	r.pdf.SetDrawColor(0, 0, 0)
	r.y += 2 * r.lineHeight()
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
	r.pdf.SetCellMargin(0)
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

// lines draws wrapped text across the 版心; the first line is indented.
func (r *renderer) lines(s string, indent float64, align string) {
	lh := r.lineHeight()
	for i, l := range Wrap(s, r.textW(), indent, r.measure) {
		r.ensure(lh)
		x := r.left()
		if i == 0 {
			x += indent
		}
		r.text(x, r.y, r.right()-x, l, align)
		r.y += lh
	}
}

func (r *renderer) block(b Block) {
	em := bodySize * ptToMM
	switch b.Kind {
	case BlockTitle:
		r.style(roleTitle, titleSize, 1.5)
		r.ensure(2 * r.lineHeight())
		r.boldIfFallback(func() { r.lines(b.Text, 0, "C") })
		r.style(roleBody, bodySize, bodyLeading)
		r.y += r.lineHeight() // 标题下空一行
	case BlockHeading:
		role, indent := roleBody, 2*em
		if b.Level <= 1 {
			role = roleChain // 一、 in 黑体: the chain's first font is a sans
		}
		if b.Level == 0 {
			indent = 0 // 附件, 顶格
		}
		r.style(role, headSize, bodyLeading*bodySize/headSize)
		// keep the heading with at least two lines of what follows
		r.ensure(3 * r.lineHeight())
		r.bold(func() { r.lines(b.Text, indent, "L") })
		r.style(roleBody, bodySize, bodyLeading)
	case BlockText, BlockPlain:
		r.style(roleBody, bodySize, bodyLeading)
		indent := 0.0
		if b.Kind == BlockText {
			indent = 2 * em
		}
		r.lines(b.Text, indent, "L")
	case BlockTable:
		r.table(b.Table)
		r.y += r.lineHeight() / 2
	case BlockChart:
		r.chart(b.Chart)
	case BlockSignature:
		r.signature(b.Lines)
	case BlockImprint:
		r.imprint(b)
	case BlockBreak:
		r.orientation = "P"
		if b.Landscape {
			r.orientation = "L"
		}
		r.newPage()
	}
}

// signature draws the 落款 of a document not sealed (GB/T 9704 7.3.5.2):
// one line under the body, the 发文机关署名 two characters in from the
// right; under it the 成文日期, its first character two to the right of
// the 署名's; a date longer than that is set two in from the right and
// the 署名 moved left with it. Any further line is a 附注.
func (r *renderer) signature(lines []string) {
	r.style(roleBody, bodySize, bodyLeading)
	lh, em := r.lineHeight(), bodySize*ptToMM
	r.ensure(3 * lh)
	r.y += lh
	org, date := lines[0], lines[1]
	orgX := r.right() - 2*em - r.width(org)
	dateX := orgX + 2*em
	if dateX+r.width(date) > r.right()-2*em {
		dateX = r.right() - 2*em - r.width(date)
		orgX = dateX - 2*em
	}
	orgX = max(orgX, r.left())
	r.text(orgX, r.y, r.right()-orgX, org, "L")
	r.y += lh
	r.text(dateX, r.y, r.right()-dateX, date, "L")
	r.y += lh
}

// imprint draws the 版记 at the foot of the page (of a new page when the
// page has no room left), in 4号, as wide as the 版心 (GB/T 9704 7.4):
// the 抄送机关 one character in from each side, a line that wraps aligned
// with the first name after the colon; the 印发机关 one character in from
// the left and the 印发日期 one in from the right; a rule of 0.35 mm above
// and below, and one of 0.25 mm between the two.
func (r *renderer) imprint(b Block) {
	r.style(roleBody, pageNumSize, bodyLeading*bodySize/pageNumSize)
	lh, em := r.lineHeight(), pageNumSize*ptToMM
	var copyLines []string
	label := "抄送："
	if b.Text != "" {
		copyLines = Wrap(strings.TrimPrefix(b.Text, label), r.textW()-2*em-r.width(label), 0, r.measure)
	}
	height := lh + 1
	if len(copyLines) > 0 {
		height += float64(len(copyLines))*lh + 1
	}
	r.ensure(height + 1)
	y := r.bottom() - height
	r.pdf.SetLineWidth(0.35)
	r.pdf.Line(r.left(), y, r.right(), y)
	if len(copyLines) > 0 {
		for i, l := range copyLines {
			if i == 0 {
				r.text(r.left()+em, y+0.5, r.width(label), label, "L")
			}
			r.text(r.left()+em+r.width(label), y+0.5, r.textW()-2*em-r.width(label), l, "L")
			y += lh
		}
		y++
		r.pdf.SetLineWidth(0.25)
		r.pdf.Line(r.left(), y, r.right(), y)
	}
	r.text(r.left()+em, y+0.5, r.textW()-2*em, b.Lines[0], "L")
	r.text(r.left()+em, y+0.5, r.textW()-2*em, b.Lines[1], "R")
	r.pdf.SetLineWidth(0.35)
	r.pdf.Line(r.left(), y+lh+1, r.right(), y+lh+1)
	r.pdf.SetLineWidth(0.2)
	r.y = r.bottom()
	r.style(roleBody, bodySize, bodyLeading)
}

// boldIfFallback draws a title in the 小标宋 face as it is, or with a
// bold look when it falls back to the chain's plain face.
func (r *renderer) boldIfFallback(draw func()) {
	if r.faces.fonts.Title != nil {
		draw()
		return
	}
	r.bold(draw)
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
	r.style(roleBody, tableSize+1.5, tableLeading)
	lh := r.lineHeight()
	barH := 6.0
	r.ensure(lh + float64(len(c.Bars))*(barH+3) + 4)
	r.y += 2
	r.bold(func() { r.text(r.left(), r.y, r.textW(), c.Title, "C") })
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
		r.text(r.left(), r.y+(barH-lh)/2, labelW-2, b.Label, "R")
		w := barMax * float64(b.Value) / float64(most)
		col := colors[i%len(colors)]
		r.pdf.SetFillColor(col[0], col[1], col[2])
		if w > 0 {
			r.pdf.Rect(r.left()+labelW, r.y, w, barH, "F")
		}
		r.text(r.left()+labelW+w+2, r.y+(barH-lh)/2, noteW, b.Note, "L")
		r.y += barH + 3
	}
	r.pdf.Line(r.left()+labelW, r.y-float64(len(c.Bars))*(barH+3)-1, r.left()+labelW, r.y-2)
	r.y += 3
}

// table draws a table; its header row starts it and every page it runs
// onto, and a row taller than a page is split between pages.
func (r *renderer) table(t *Table) {
	r.style(roleBody, tableSize, tableLeading)
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
		first += min(rowHeight(r.cellLines(t.Rows[0], widths), lh), 3*lh+2*cellPadY) // a taller row is split
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
			if h <= r.bottom()-r.top()-headH || room < 1 {
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
	x := r.left()
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
