package reports

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// testFont loads the default font chain; without a font the PDF tests
// skip, except on CI, which installs them.
func testFont(t testing.TB) *Fonts {
	t.Helper()
	f, err := LoadFonts(FontSettings{})
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI must install %s: %v", fontPackage, err)
		}
		t.Skipf("no font (install %s): %v", fontPackage, err)
	}
	return f
}

// needTool skips without a command-line tool, except on CI.
func needTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI must install %s (poppler-utils)", name)
		}
		t.Skipf("%s not installed (apt-get install poppler-utils)", name)
	}
}

// pdfText runs pdftotext on a PDF and returns its pages.
func pdfText(t *testing.T, pdf []byte) []string {
	t.Helper()
	needTool(t, "pdftotext")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func runeCounts(s string) map[rune]int {
	m := map[rune]int{}
	for _, r := range noSpace(s) {
		m[r]++
	}
	return m
}

// checkPDFText checks that the PDF shows every character of the document
// (at least as often as the document has it), no character the document,
// its page numbers, draft mark and table headers do not have, the 版头 on
// the first page and "— N —" on every page.
func checkPDFText(t *testing.T, doc *Document, pdf []byte) {
	t.Helper()
	pages := pdfText(t, pdf)
	got := runeCounts(strings.Join(pages, ""))
	want := runeCounts(doc.Text())
	for r, n := range want {
		if got[r] < n {
			t.Errorf("PDF shows %q %d times, the document has it %d times", r, got[r], n)
		}
	}
	allowed := runeCounts(doc.Text() + pageChars)
	for r := range got {
		if allowed[r] == 0 {
			t.Errorf("PDF shows %q, which the document does not have", r)
		}
	}
	if len(pages) == 0 || !strings.Contains(noSpace(pages[0]), noSpace(doc.Org+doc.Number)) {
		t.Errorf("the first page does not start with the 版头 %q %q", doc.Org, doc.Number)
	}
	for i := range pages {
		if num := noSpace(fmt.Sprintf(pageNumFormat, i+1)); !strings.Contains(noSpace(pages[i]), num) {
			t.Errorf("page %d does not say %q", i+1, num)
		}
	}
}

// TestPDFText renders both reports of both example periods and checks the
// PDF's text against the document, character by character.
func TestPDFText(t *testing.T) {
	font := testFont(t)
	all := exampleCases(t)
	for _, p := range examplePeriods {
		e := Evaluate(all, testSettings, p)
		f := BuildFiling(all, testSettings, p)
		for _, doc := range []*Document{EvaluationDocument(e, Issue{}), FilingDocument(f, Issue{})} {
			t.Run(p.String()+"/"+doc.Title, func(t *testing.T) {
				var a, b bytes.Buffer
				if err := RenderPDF(doc, font, &a); err != nil {
					t.Fatal(err)
				}
				if err := RenderPDF(doc, font, &b); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(a.Bytes(), b.Bytes()) {
					t.Error("two renderings of the same document differ")
				}
				if dir := os.Getenv("REPORTS_PDF_DIR"); dir != "" {
					os.WriteFile(filepath.Join(dir, p.String()+"-"+doc.Title+".pdf"), a.Bytes(), 0o644)
				}
				checkPDFText(t, doc, a.Bytes())
			})
		}
	}
}

// TestPDFSignerAndCopies checks the 签发人 of the filing, a 上行文, and
// the 抄送机关 of both reports: on the page, once each, never the 主送机关.
func TestPDFSignerAndCopies(t *testing.T) {
	font := testFont(t)
	all := exampleCases(t)
	s := testSettings
	s.Signer = "王·阿依古丽"
	s.CopyTo = []string{"威县卫生局", s.LegalOffice, "威县卫生局", " "}
	p := examplePeriods[0]
	tests := []struct {
		doc        *Document
		signer     string
		copyTo     string
		notOnFirst string
	}{
		{FilingDocument(BuildFiling(all, s, p), Issue{Number: "威人口〔2026〕3号"}), "签发人：王·阿依古丽", "抄送：威县卫生局。", ""},
		{EvaluationDocument(Evaluate(all, s, p), Issue{Number: "威人口〔2026〕2号"}), "", "抄送：威县人民政府法制办公室，威县卫生局。", "签发人"},
	}
	for _, tt := range tests {
		t.Run(tt.doc.Title, func(t *testing.T) {
			var b bytes.Buffer
			if err := RenderPDF(tt.doc, font, &b); err != nil {
				t.Fatal(err)
			}
			checkPDFText(t, tt.doc, b.Bytes())
			pages := pdfText(t, b.Bytes())
			first, last := noSpace(pages[0]), noSpace(pages[len(pages)-1])
			if tt.signer != "" && !strings.Contains(first, tt.signer) {
				t.Errorf("the first page does not show %q:\n%s", tt.signer, pages[0])
			}
			if tt.notOnFirst != "" && strings.Contains(first, tt.notOnFirst) {
				t.Errorf("the first page shows %q, which a 下行文 has not", tt.notOnFirst)
			}
			if !strings.Contains(last, tt.copyTo) {
				t.Errorf("the last page does not show %q:\n%s", tt.copyTo, pages[len(pages)-1])
			}
			if n := strings.Count(strings.Join(pages, ""), "抄送"); n != 1 {
				t.Errorf("抄送 shown %d times, want once", n)
			}
		})
	}
}

// TestPDFLongCell checks a table cell taller than a page is split across
// pages without losing a character, its header repeated.
func TestPDFLongCell(t *testing.T) {
	font := testFont(t)
	long := strings.Repeat("威县洺州镇梨园屯镇章台镇侯贯镇七级镇，方家营乡常庄镇第什营乡（贺营镇）“固献乡”。", 120)
	doc := &Document{Title: "测试", Org: "威县人口和计划生育局", Created: "2026年7月1日", Blocks: []Block{
		{Kind: BlockTable, Table: &Table{Columns: []Column{{"序号", 1, "C"}, {"内容", 8, "L"}}, Rows: [][]string{{"1", long}, {"2", "短"}}}},
	}}
	var buf bytes.Buffer
	if err := RenderPDF(doc, font, &buf); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, buf.Bytes())
	if len(pages) < 3 {
		t.Fatalf("%d pages, want the long cell to run over at least 3", len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(p, "内容") {
			t.Errorf("page %d does not repeat the table header", i+1)
		}
	}
	checkPDFText(t, doc, buf.Bytes())
}

// TestPDFRareCharacters draws characters the first font lacks: CJK
// Extension B (beyond the 16-bit codes the PDF library maps), Uyghur and an
// emoji come from the fallback fonts, a character no font has is drawn as
// 〓, and the PDF's text keeps every one of them, as it keeps the middle
// dot of 阿依古丽·买买提.
func TestPDFRareCharacters(t *testing.T) {
	fonts := testFont(t)
	need := map[string]string{"Extension B": "𠀀𬌗", "Uyghur": "ئۇيغۇر", "emoji": "😀"}
	for what, chars := range need {
		if m := fonts.Missing(chars); len(m) > 0 {
			if os.Getenv("CI") != "" {
				t.Fatalf("CI must install the fallback fonts for %s (test.sh: fonts-hanazono fonts-dejavu-core fonts-symbola): %q missing", what, string(m))
			}
			t.Skipf("no installed font has %s %q", what, string(m))
		}
	}
	if m := fonts.Chain[0].Missing("𠀀𬌗ئ😀"); len(m) != 4 {
		t.Fatalf("the first font %s has %q: the test no longer tests fallbacks", fonts.Chain[0].Path, "𠀀𬌗ئ😀")
	}
	none := "\U000F0001" // a private-use character of plane 15, in no font
	lines := []string{"阿依古丽·买买提", "张𠀀某、李𬌗", "ئۇيغۇر", "笑😀脸", "无字" + none + "可印"}
	doc := &Document{Title: "测试", Org: "测试", Created: "2026年7月1日"}
	for _, l := range lines {
		doc.Blocks = append(doc.Blocks, Block{Kind: BlockText, Text: l}, Block{Kind: BlockTable, Table: &Table{Columns: []Column{{"当事人", 1, "L"}}, Rows: [][]string{{l}}}})
	}
	if m := fonts.Missing(doc.Text()); string(m) != none {
		t.Fatalf("missing %q, want only %q", string(m), none)
	}
	var buf bytes.Buffer
	if err := RenderPDF(doc, fonts, &buf); err != nil {
		t.Fatal(err)
	}
	text := baseLetters(noSpace(strings.Join(pdfText(t, buf.Bytes()), "")))
	for _, l := range lines {
		if n := strings.Count(text, l); n != 2 {
			t.Errorf("the PDF's text has %q %d times, want 2 (a paragraph and a cell):\n%s", l, n, text)
		}
	}
}

// baseLetters undoes Arabic shaping in text from pdftotext: presentation
// forms become their letters, and the embedding marks around a right-to-left
// run go.
func baseLetters(s string) string {
	base := map[rune]rune{}
	for letter, forms := range arabicForms {
		for _, f := range forms {
			if f != 0 {
				base[f] = letter
			}
		}
	}
	return strings.Map(func(r rune) rune {
		if r == 0x202B || r == 0x202C {
			return -1
		}
		if b, ok := base[r]; ok {
			return b
		}
		return r
	}, s)
}
