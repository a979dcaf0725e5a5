package reports

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// testFont finds the font the reports use; without it the PDF tests skip,
// except on CI, which installs it.
func testFont(t testing.TB) *Font {
	t.Helper()
	f, err := FindFont("")
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
// its running header, page numbers and table headers do not have, and the
// running header and "第 N 页 共 M 页" on every page after the cover.
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
	allowed := runeCounts(doc.Text() + doc.Header + pageChars)
	for r := range got {
		if allowed[r] == 0 {
			t.Errorf("PDF shows %q, which the document does not have", r)
		}
	}
	first := 0
	if doc.Cover != nil {
		first = 1
		if !strings.Contains(noSpace(pages[0]), noSpace(doc.Cover.Title)) {
			t.Errorf("cover does not show the title %q", doc.Cover.Title)
		}
	}
	for i := first; i < len(pages); i++ {
		p := noSpace(pages[i])
		if !strings.Contains(p, noSpace(doc.Header)) {
			t.Errorf("page %d has no running header", i+1)
		}
		if num := noSpace(fmt.Sprintf(pageNumberText, i+1, strconv.Itoa(len(pages)))); !strings.Contains(p, num) {
			t.Errorf("page %d does not say %q", i+1, num)
		}
	}
}

