package reports

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
)

// RenderHTML writes the document as one self-contained HTML page laid out
// for printing on A4 by a browser, as a comparison with RenderPDF (see the
// Reports section of BENCHMARKS.md); reports are filed as RenderPDF draws
// them. The page has the same 公文 geometry as the PDF: its margins, 版头,
// type sizes and 落款, and "— N —" in the page's bottom margin, outside
// edge, set with CSS @page margin boxes, which Chromium prints from
// version 131 on (older versions print no number). A draft is marked 草稿
// on every page. Tables repeat their header row on every page they run
// onto; the chart is inline SVG. Text is escaped by html/template and kept
// as it is, line breaks included; the fonts are the system's: a 仿宋 face
// for the body, a 小标宋 face for titles and a 黑体 for headings where
// installed, WenQuanYi Micro Hei otherwise.
func RenderHTML(doc *Document, w io.Writer) error {
	if err := htmlReport.Execute(w, newHTMLPage(doc)); err != nil {
		return fmt.Errorf("writing %s as HTML: %w", doc.Title, err)
	}
	return nil
}

// htmlPage is what the template shows: the document split into sections at
// its page breaks, with the page geometry of pdf.go.
type htmlPage struct {
	*Document
	Sections []htmlSection

	MarginTop, MarginLeft, MarginRight, MarginBottom      float64 // mm
	BodySize, TitleSize, HeadSize, TableSize, PageNumSize float64 // pt
	Leading, TableLeading                                 float64 // line height
	CellPadX, CellPadY, MarkFromTop, PageNumGap           float64 // mm
	Red                                                   string
	DraftMark                                             string

	// the page number, around counter(page)
	NumberBefore, NumberAfter string
}

// htmlSection is the blocks between two page breaks.
type htmlSection struct {
	Break     bool // starts a new page
	Landscape bool
	Blocks    []htmlBlock
}

// htmlBlock is a block with its table or chart ready to show.
type htmlBlock struct {
	Block
	Grid *htmlTable
	SVG  *htmlChart
}

// htmlTable is a table with column widths in percent and an alignment
// class on every cell.
type htmlTable struct {
	Columns []htmlColumn
	Rows    [][]htmlCell
}

type htmlColumn struct {
	Title string
	Width float64 // percent of the table's width
}

type htmlCell struct {
	Text  string
	Align string // class: l, c or r
}

// htmlChart is a bar chart drawn in millimetres, as pdf.go draws it.
type htmlChart struct {
	Title         string
	Width, Height float64
	FontSize      float64
	LabelX        float64 // where the labels end
	Axis          float64 // where the bars start
	BarH          float64
	Bars          []htmlBar
}

type htmlBar struct {
	Label, Note        string
	Y, TextY, W, NoteX float64
	Color              string
}

// Chart geometry, in mm, and the bars' colours: 优秀, 合格, 不合格.
const (
	chartLabelW = 25.0
	chartNoteW  = 40.0
	chartBarH   = 6.0
	chartGap    = 3.0
)

var chartColors = []string{"#2e7d32", "#2166ac", "#c62828"}

func newHTMLPage(doc *Document) htmlPage {
	before, after, _ := strings.Cut(pageNumFormat, "%d")
	p := htmlPage{
		Document:  doc,
		MarginTop: marginTop, MarginLeft: marginLeft, MarginRight: 210 - marginLeft - textWidth, MarginBottom: 297 - marginTop - textHeight,
		BodySize: bodySize, TitleSize: titleSize, HeadSize: headSize, TableSize: tableSize, PageNumSize: pageNumSize,
		Leading: round2(bodyLeading), TableLeading: tableLeading,
		CellPadX: cellPadX, CellPadY: cellPadY, MarkFromTop: markFromTop, PageNumGap: pageNumGap,
		Red:          fmt.Sprintf("#%02x%02x%02x", red[0], red[1], red[2]),
		DraftMark:    draftWatermark,
		NumberBefore: before, NumberAfter: after,
	}
	sec := htmlSection{}
	for _, b := range doc.Blocks {
		if b.Kind == BlockBreak {
			p.Sections = append(p.Sections, sec)
			sec = htmlSection{Break: true, Landscape: b.Landscape}
			continue
		}
		hb := htmlBlock{Block: b}
		if b.Table != nil {
			hb.Grid = newHTMLTable(b.Table)
		}
		if b.Chart != nil {
			hb.SVG = newHTMLChart(b.Chart)
		}
		sec.Blocks = append(sec.Blocks, hb)
	}
	p.Sections = append(p.Sections, sec)
	return p
}

var alignClass = map[string]string{"L": "l", "C": "c", "R": "r"}

func newHTMLTable(t *Table) *htmlTable {
	total := 0.0
	for _, c := range t.Columns {
		total += c.Width
	}
	ht := &htmlTable{}
	for _, c := range t.Columns {
		ht.Columns = append(ht.Columns, htmlColumn{Title: c.Title, Width: round2(100 * c.Width / total)})
	}
	for _, row := range t.Rows {
		cells := make([]htmlCell, len(t.Columns))
		for i, c := range t.Columns {
			cells[i].Align = alignClass[c.Align]
			if i < len(row) {
				cells[i].Text = row[i]
			}
		}
		ht.Rows = append(ht.Rows, cells)
	}
	return ht
}

// newHTMLChart lays the bars out as pdf.go does: labels right-aligned
// before the bars, each bar as long as its share of the longest, its note
// after it.
func newHTMLChart(c *Chart) *htmlChart {
	width := textWidth
	most := 1
	for _, b := range c.Bars {
		most = max(most, b.Value)
	}
	barMax := width - chartLabelW - chartNoteW - 4
	size := (tableSize + 1.5) * ptToMM
	hc := &htmlChart{Title: c.Title, Width: width, FontSize: round2(size), LabelX: chartLabelW - 2, Axis: chartLabelW, BarH: chartBarH}
	for i, b := range c.Bars {
		y := float64(i) * (chartBarH + chartGap)
		w := round2(barMax * float64(b.Value) / float64(most))
		hc.Bars = append(hc.Bars, htmlBar{
			Label: b.Label, Note: b.Note,
			Y: y, TextY: round2(y + chartBarH/2 + size*0.35), W: w, NoteX: round2(chartLabelW + w + 2),
			Color: chartColors[i%len(chartColors)],
		})
	}
	hc.Height = float64(len(c.Bars))*(chartBarH+chartGap) - chartGap
	return hc
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// htmlReport is the page. Text goes straight into its element, with no
// white space around it, as every text element keeps white space and line
// breaks (white-space: pre-wrap).
var htmlReport = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>
@page {
	size: A4;
	margin: {{.MarginTop}}mm {{.MarginRight}}mm {{.MarginBottom}}mm {{.MarginLeft}}mm;
}
@page :right {
	@bottom-right {
		content: "{{.NumberBefore}}" counter(page) "{{.NumberAfter}}";
		font: {{.PageNumSize}}pt var(--song);
		margin: {{.PageNumGap}}mm 1em 0 0;
		vertical-align: top;
	}
}
@page :left {
	@bottom-left {
		content: "{{.NumberBefore}}" counter(page) "{{.NumberAfter}}";
		font: {{.PageNumSize}}pt var(--song);
		margin: {{.PageNumGap}}mm 0 0 1em;
		vertical-align: top;
	}
}
@page landscape { size: A4 landscape; margin: {{.MarginLeft}}mm {{.MarginBottom}}mm {{.MarginRight}}mm {{.MarginTop}}mm; }
:root {
	--fangsong: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "WenQuanYi Micro Hei", serif;
	--xbs: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "FZXBSJW--GB1-0", "SimSun", "WenQuanYi Micro Hei", serif;
	--hei: "SimHei", "黑体", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif;
	--song: "SimSun", "宋体", "WenQuanYi Micro Hei", serif;
}
html { font: {{.BodySize}}pt/{{.Leading}} var(--fangsong); color: #000; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
body { margin: 0; }
h1, h2, h3, p, th, td, figcaption { white-space: pre-wrap; line-break: strict; overflow-wrap: anywhere; margin: 0; }
h1, h2, h3 { break-after: avoid; font-weight: normal; }
.mark { font: {{.TitleSize}}pt/1.2 var(--xbs); color: {{.Red}}; text-align: center; margin-top: {{.MarkFromTop}}mm; font-size: 30pt; }
.number { text-align: center; margin-top: 2lh; }
.separator { border: 0; border-top: 0.5mm solid {{.Red}}; margin: 4mm 0 2lh; }
h1 { font: {{.TitleSize}}pt/1.5 var(--xbs); text-align: center; margin: 0 0 1lh; }
h2 { font: {{.HeadSize}}pt/{{.Leading}} var(--hei); text-indent: 2em; }
h3 { font-size: {{.HeadSize}}pt; text-indent: 2em; }
h2.flush { text-indent: 0; }
p.text { text-indent: 2em; }
.page { break-before: page; }
.landscape { page: landscape; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: {{.TableSize}}pt; line-height: {{.TableLeading}}; margin-bottom: 0.5lh; }
th, td { border: 0.2mm solid #000; padding: {{.CellPadY}}mm {{.CellPadX}}mm; vertical-align: top; }
th { background: #e8ecf2; font-weight: normal; text-align: center; }
tr { break-inside: avoid; } /* as the PDF: a row moves to the next page whole, unless taller than a page */
.l { text-align: left; } .c { text-align: center; } .r { text-align: right; }
figure { margin: 2mm 0 3mm; break-inside: avoid; }
figcaption { text-align: center; font-weight: bold; margin-bottom: 1mm; }
svg { display: block; width: 100%; height: auto; font-family: var(--fangsong); }
.signature { margin: 1lh 2em 0 auto; width: max-content; break-inside: avoid; }
.signature p { margin: 0; }
.signature p + p { padding-left: 2em; }
.imprint { border-top: 0.35mm solid #000; border-bottom: 0.35mm solid #000; padding: 0 1em; margin-top: 2lh; font-size: {{.PageNumSize}}pt; break-inside: avoid; }
.imprint .copy { margin: 0; padding-left: 3em; text-indent: -3em; border-bottom: 0.25mm solid #000; }
.imprint .issued { display: flex; justify-content: space-between; margin: 0; }
.number.signed { display: flex; justify-content: space-between; padding: 0 1em; }
.draft { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font: 110pt var(--xbs); color: #d7d7d7; transform: rotate(-35deg); z-index: -1; }
</style>
</head>
<body>
{{- if .Draft}}
<div class="draft" aria-hidden="true">{{.DraftMark}}</div>
{{- end}}
<header>
<p class="mark">{{.Org}}</p>
{{if .Signer}}<p class="number signed"><span>{{.Number}}</span><span>签发人：{{.Signer}}</span></p>{{else}}<p class="number">{{.Number}}</p>{{end}}
<hr class="separator">
</header>
{{- range .Sections}}
<section class="{{if .Break}}page{{end}}{{if .Landscape}} landscape{{end}}">
{{- range .Blocks}}
{{- if eq .Kind "title"}}
<h1>{{.Text}}</h1>
{{- else if eq .Kind "heading"}}
{{- if eq .Level 0}}
<h2 class="flush">{{.Text}}</h2>
{{- else if eq .Level 1}}
<h2>{{.Text}}</h2>
{{- else}}
<h3>{{.Text}}</h3>
{{- end}}
{{- else if eq .Kind "text"}}
<p class="text">{{.Text}}</p>
{{- else if eq .Kind "plain"}}
<p>{{.Text}}</p>
{{- else if eq .Kind "imprint"}}
<footer class="imprint">{{with .Text}}<p class="copy">{{.}}</p>{{end}}<p class="issued">{{range .Lines}}<span>{{.}}</span>{{end}}</p></footer>
{{- else if eq .Kind "signature"}}
<div class="signature">
{{- range .Lines}}
<p>{{.}}</p>
{{- end}}
</div>
{{- else if .Grid}}
<table>
<colgroup>
{{- range .Grid.Columns}}<col style="width: {{.Width}}%">{{end -}}
</colgroup>
<thead>
<tr>{{range .Grid.Columns}}<th>{{.Title}}</th>{{end}}</tr>
</thead>
<tbody>
{{- range .Grid.Rows}}
<tr>{{range .}}<td class="{{.Align}}">{{.Text}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- else if .SVG}}
{{- with .SVG}}{{$c := .}}
<figure>
<figcaption>{{.Title}}</figcaption>
<svg viewBox="0 0 {{.Width}} {{.Height}}" font-size="{{.FontSize}}">
{{- range .Bars}}
<text x="{{$c.LabelX}}" y="{{.TextY}}" text-anchor="end">{{.Label}}</text>
<rect x="{{$c.Axis}}" y="{{.Y}}" width="{{.W}}" height="{{$c.BarH}}" fill="{{.Color}}"/>
<text x="{{.NoteX}}" y="{{.TextY}}">{{.Note}}</text>
{{- end}}
<line x1="{{.Axis}}" y1="-1" x2="{{.Axis}}" y2="{{.Height}}" stroke="#000" stroke-width="0.2"/>
</svg>
</figure>
{{- end}}
{{- end}}
{{- end}}
</section>
{{- end}}
</body>
</html>
`))
