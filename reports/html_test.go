package reports

import (
	"bytes"
	"context"
	"html"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"qingdan/period"
)

func renderHTML(t *testing.T, doc *Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderHTML(doc, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// exampleDocuments are both reports of 2026H1 from the example case files.
func exampleDocuments(t *testing.T) map[string]*Document {
	all := exampleCases(t)
	p := period.Period{Year: 2026, Half: 1}
	return map[string]*Document{
		"evaluation-2026H1": EvaluationDocument(Evaluate(all, testSettings, p), Issue{}),
		"filing-2026H1":     FilingDocument(BuildFiling(all, testSettings, p), Issue{}),
	}
}

// longCellDocument has a table cell taller than a page.
func longCellDocument() *Document {
	long := strings.Repeat("七级镇、常庄镇、固献乡的案卷（第一卷至第三卷）均已“立卷归档”；", 200)
	return &Document{Title: "测试", Org: "威县人口和计划生育局", Created: "2026年7月1日", Blocks: []Block{
		{Kind: BlockHeading, Level: 1, Text: "一、长表格"},
		{Kind: BlockTable, Table: &Table{Columns: []Column{{"序号", 1, "C"}, {"内容", 8, "L"}}, Rows: [][]string{{"1", long}, {"2", "洺州镇"}}}},
	}}
}

func TestHTMLGolden(t *testing.T) {
	for name, doc := range exampleDocuments(t) {
		goldenBytes(t, name+".html", renderHTML(t, doc))
	}
}

var (
	htmlBody = regexp.MustCompile(`(?s)<body>.*</body>`)
	htmlTag  = regexp.MustCompile(`<[^>]*>`)
)

// visibleText is the text of a page's body, tags taken out and character
// references decoded.
func visibleText(page []byte) string {
	body := htmlBody.Find(page)
	return html.UnescapeString(htmlTag.ReplaceAllString(string(body), ""))
}

// TestHTMLHasEveryText checks that every line of the document's text is in
// the page's body, in order, so that text which looks like markup stays
// text, and that none makes a script element.
func TestHTMLHasEveryText(t *testing.T) {
	docs := exampleDocuments(t)
	docs["long"] = longCellDocument()
	docs["markup"] = &Document{
		Title:  "</title><script>alert(1)</script>",
		Org:    `"; } </style><script>alert(2)</script>`,
		Number: `<b>文号</b> a & b 'x'`,
		Draft:  true,
		Blocks: []Block{
			{Kind: BlockTitle, Text: "第一行\n第二行"},
			{Kind: BlockText, Text: "<img src=x onerror=alert(3)>　两个  空格"},
			{Kind: BlockTable, Table: &Table{Columns: []Column{{"<th>", 1, "X"}}, Rows: [][]string{{"</table>"}, {}}}},
			{Kind: BlockChart, Chart: &Chart{Title: "</svg>", Bars: []Bar{{"<text>", 3, "&lt;"}, {"零", 0, ""}}}},
			{Kind: BlockBreak, Landscape: true},
			{Kind: BlockSignature, Lines: []string{"</div>", "2026年7月1日"}},
		},
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			page := renderHTML(t, doc)
			text := visibleText(page)
			at := 0
			for _, line := range strings.Split(doc.Text(), "\n") {
				if line == "" {
					continue
				}
				i := strings.Index(text[at:], line)
				if i < 0 {
					t.Fatalf("the page does not show %q (after byte %d of its text)", line, at)
				}
				at += i + len(line)
			}
			if n := strings.Count(strings.ToLower(string(page)), "<script"); n > 0 {
				t.Errorf("the page has %d script elements", n)
			}
		})
	}
}

// TestHTMLSections checks the page breaks and the 公文 page: a landscape
// break starting a landscape page, page numbers on the outer edges, the
// 版头, and the draft mark only on a draft.
func TestHTMLSections(t *testing.T) {
	page := string(renderHTML(t, exampleDocuments(t)["filing-2026H1"]))
	for _, want := range []string{`@page landscape { size: A4 landscape;`, `<section class="page landscape">`, `@page :right {`, `@bottom-right {`, `@bottom-left {`, `counter(page)`, `<p class="mark">`, `margin: 37mm 26mm 35mm 28mm;`} {
		if !strings.Contains(page, want) {
			t.Errorf("filing page lacks %q", want)
		}
	}
	if strings.Contains(page, `class="draft"`) {
		t.Error("a filed report is marked as a draft")
	}
	doc := exampleDocuments(t)["evaluation-2026H1"]
	doc.Draft = true
	page = string(renderHTML(t, doc))
	if !strings.Contains(page, `<div class="draft" aria-hidden="true">草稿</div>`) || strings.Contains(page, "landscape\">") {
		t.Error("draft evaluation page wants the 草稿 mark and no landscape section")
	}
}

// chromium returns the path of Debian's chromium. Without it the test is
// skipped, except on CI, where it must run.
func chromium(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is not installed (CI must install it: apt-get install chromium)")
		}
		t.Skip("chromium is not installed; apt-get install chromium to print the HTML report")
	}
	return p
}

// printHTML prints a page to PDF with headless Chromium, without the
// browser's own header and footer.
func printHTML(t *testing.T, page []byte) []byte {
	t.Helper()
	browser := chromium(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "report.html"), filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(in, page, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer", "--print-to-pdf="+out,
		(&url.URL{Scheme: "file", Path: in}).String())
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, msg)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("chromium wrote no PDF: %v", err)
	}
	return pdf
}

var pageSize = regexp.MustCompile(`(?m)^Page +(\d+) size: +([0-9.]+) x ([0-9.]+) pts`)

// landscapePages lists the pages of a PDF wider than they are high.
func landscapePages(t *testing.T, pdf []byte) []string {
	t.Helper()
	needTool(t, "pdfinfo")
	path := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", "-f", "1", "-l", "9999", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	var wide []string
	for _, m := range pageSize.FindAllStringSubmatch(string(out), -1) {
		w, _ := strconv.ParseFloat(m[2], 64)
		h, _ := strconv.ParseFloat(m[3], 64)
		if w > h {
			wide = append(wide, m[1])
		}
	}
	return wide
}

// TestHTMLPrintedByChromium prints the HTML reports with Chromium and
// checks the PDF as the fpdf one is checked: every character of the
// document comes back, nothing else, and every page has its number.
func TestHTMLPrintedByChromium(t *testing.T) {
	docs := exampleDocuments(t)
	for _, tc := range []struct {
		name      string
		doc       *Document
		minPages  int
		landscape bool
		repeat    string // on every page
	}{
		{"evaluation-2026H1", docs["evaluation-2026H1"], 5, false, ""},
		{"filing-2026H1", docs["filing-2026H1"], 2, true, "执行情况"},
		{"long-cell", longCellDocument(), 3, false, "内容"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pdf := printHTML(t, renderHTML(t, tc.doc))
			checkPDFText(t, tc.doc, pdf)
			pages := pdfText(t, pdf)
			if len(pages) < tc.minPages {
				t.Errorf("%d pages, want at least %d", len(pages), tc.minPages)
			}
			if wide := landscapePages(t, pdf); (len(wide) > 0) != tc.landscape {
				t.Errorf("landscape pages %v, want landscape: %v", wide, tc.landscape)
			}
			if tc.repeat == "" {
				return
			}
			first := -1
			for i, p := range pages {
				if strings.Contains(p, tc.repeat) && first < 0 {
					first = i
				}
				if first >= 0 && !strings.Contains(p, tc.repeat) {
					t.Errorf("page %d does not repeat the table header %q", i+1, tc.repeat)
				}
			}
			if first < 0 {
				t.Errorf("no page shows %q", tc.repeat)
			}
		})
	}
}
