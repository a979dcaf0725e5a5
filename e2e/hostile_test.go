package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// hostileRounds is how many builds TestHostileContent makes; each puts
// different payloads into different fields (env QINGDAN_HOSTILE_ROUNDS).
func hostileRounds(t testing.TB) int {
	return envInt(t, "QINGDAN_HOSTILE_ROUNDS", 3)
}

// envInt reads a positive count from the environment, or returns def.
func envInt(t testing.TB, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive number", name, v)
	}
	return n
}

// trap runs before any script of every page: it replaces the functions a
// payload would call to show itself, so that a call is recorded even when
// the dialog would be suppressed.
const trap = `(() => {
	window.__qdCalls = [];
	for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
		window[name] = function () { window.__qdCalls.push(name + "(" + Array.from(arguments).join(",") + ")"); };
	}
})()`

// probe reads, after a page has loaded, every sign that a payload ran or
// injected markup, and the page's text as a reader sees it (text nodes
// outside script, style, noscript and template, and the title).
const probe = `(() => {
	const bad = [];
	for (const e of document.querySelectorAll('[id^="qd-xss"]')) bad.push("injected element " + e.outerHTML.slice(0, 120));
	for (const e of document.querySelectorAll('[href], [src], [action], [formaction], [data]')) {
		for (const a of ["href", "src", "action", "formaction", "data"]) {
			const v = (e.getAttribute(a) || "").replace(/[\s\x00-\x1f]/g, "").toLowerCase();
			if (/^(javascript|vbscript|data):/.test(v)) bad.push("dangerous " + a + " on <" + e.tagName.toLowerCase() + ">: " + v.slice(0, 80));
		}
	}
	for (const c of window.__qdCalls || []) bad.push("called " + c);
	const parts = [document.title];
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
		acceptNode: n => n.parentElement && n.parentElement.closest("script, style, noscript, template") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
	});
	while (walker.nextNode()) parts.push(walker.currentNode.nodeValue);
	return {bad: bad, href: location.href, text: parts.join("")};
})()`

// probeResult is what probe returns.
type probeResult struct {
	Bad  []string `json:"bad"`
	Href string   `json:"href"`
	Text string   `json:"text"`
}

// squeeze collapses every run of white space to one space, as HTML
// rendering does, and trims the ends.
func squeeze(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// TestHostileContent puts the payloads of testdata/payloads.txt into every
// text field of a copy of the real content (and the text of site.toml),
// in a few rounds, builds each with the real binary and loads every page
// and a few searches in chromium: no payload runs (no dialog, no call of
// alert and friends, no element it would inject, no dangerous URL, no
// navigation), every payload put in a plain-text field is shown literally,
// and the feed, sitemap, JSON and CSV files still parse.
func TestHostileContent(t *testing.T) {
	payloads := readPayloads(t)
	if len(payloads) < 60 {
		t.Fatalf("only %d payloads; the corpus must have at least 60", len(payloads))
	}
	browser := startBrowser(t)
	tried := newCounter(t, "payloads", "hostile payloads tried (each in several fields, all pages in chromium)")
	rounds := hostileRounds(t)
	shown := map[int]bool{}
	placed := map[int]bool{}
	for r := 0; r < rounds; r++ {
		dir := newSite(t)
		in := newInjector(payloads, r*(len(payloads)/rounds+7))
		in.injectSite(t, dir)
		out := filepath.Join(dir, "public")
		res := run(t, dir, "build", "-out", out)
		if res.code != 0 {
			// Refusing is allowed only with clear, positioned problems.
			if res.code != 1 || !problemLine.MatchString(res.stderr) {
				t.Fatalf("round %d: build exit %d without a path:line:col problem:\n%s", r, res.code, res.stderr)
			}
			t.Errorf("round %d: build refused the hostile content (a payload must be publishable as text):\n%s", r, truncate(res.stderr, 3000))
			continue
		}
		checkDataFiles(t, out)
		base := serve(t, out)
		texts := browseHostile(t, browser, base, out)
		all := squeeze(strings.Join(texts, "\n"))
		for n := range in.plain {
			placed[n] = true
			if strings.Contains(all, squeeze(payloads[n])) {
				shown[n] = true
			}
		}
		for n := range in.body {
			placed[n] = true
		}
	}
	for n, p := range payloads {
		if !placed[n] {
			t.Errorf("payload %d was never placed in a field; add rounds or fields", n+1)
		}
		if placed[n] && !shown[n] {
			t.Errorf("payload %d is not shown literally on any page: %q", n+1, truncate(p, 200))
		}
	}
	tried.add(len(placed))
}

// problemLine matches a "path:line:col: message" problem line.
var problemLine = regexp.MustCompile(`(?m)^[^\s:]+:\d+:\d+: `)

// truncate shortens s to at most n bytes for a message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + fmt.Sprintf("… (%d bytes)", len(s))
}

// searchQueries are typed into the search page of each hostile build:
// words that payloads carry, so their records are shown as results.
var searchQueries = []string{"script", "alert", "qd-xss", "javascript", "零宽字符", "清单", "{{"}

// browseHostile loads every page of the hostile build and the search page
// with a few queries, in two tabs, and checks that nothing a payload
// carries runs. It returns the text of every page.
func browseHostile(t *testing.T, browser context.Context, base, dir string) []string {
	var urls []string
	for _, p := range sitePages(t, dir) {
		urls = append(urls, base+p.path)
	}
	for _, q := range searchQueries {
		urls = append(urls, base+"search/?q="+url.QueryEscape(q))
	}
	var mu sync.Mutex
	var texts []string
	var wg sync.WaitGroup
	const tabs = 2
	for i := 0; i < tabs; i++ {
		ctx := newTab(t, browser)
		if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: trap}); err != nil {
			t.Fatal(err)
		}
		w := newWatch(t, ctx)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := i; j < len(urls); j += tabs {
				u := urls[j]
				if err := loadPage(ctx, u, 1280); err != nil {
					t.Errorf("%s: %v", u, err)
					continue
				}
				if strings.Contains(u, "/search/?q=") {
					// Wait for the search to finish (results or "none").
					wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
					if err := chromedp.Do(wctx, chromedp.WaitVisible(chromedp.CSS("#search-status:not(:empty)"))); err != nil {
						t.Errorf("%s: the search never finished: %v", u, err)
					}
					cancel()
				}
				res, err := chromedp.Run(ctx, chromedp.Evaluate[probeResult](probe))
				if err != nil {
					t.Errorf("%s: probing: %v", u, err)
					continue
				}
				for _, b := range res.Bad {
					t.Errorf("%s: %s", u, b)
				}
				if res.Href != u {
					t.Errorf("%s: the page navigated to %s", u, res.Href)
				}
				problems, dialogs := w.take()
				for _, d := range dialogs {
					t.Errorf("%s: a payload opened a dialog %s", u, d)
				}
				for _, p := range problems {
					t.Errorf("%s: %s", u, p)
				}
				mu.Lock()
				texts = append(texts, res.Text)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return texts
}

// checkDataFiles parses every XML, JSON and CSV file of the output: a
// payload must not break the feed, the sitemap or the open data; and no
// CSV cell may start a spreadsheet formula.
func checkDataFiles(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		switch filepath.Ext(p) {
		case ".xml":
			dec := xml.NewDecoder(bytes.NewReader(data))
			for {
				_, err := dec.Token()
				if err != nil {
					if !errors.Is(err, io.EOF) {
						t.Errorf("%s does not parse as XML: %v", rel, err)
					}
					break
				}
			}
		case ".json":
			if !json.Valid(data) {
				t.Errorf("%s is not valid JSON", rel)
			}
		case ".csv":
			rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
			if err != nil {
				t.Errorf("%s does not parse as CSV: %v", rel, err)
			}
			var formulas []string
			for i, row := range rows {
				for j, cell := range row {
					if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
						formulas = append(formulas, fmt.Sprintf("row %d column %d: %q", i+1, j+1, truncate(cell, 40)))
					}
				}
			}
			if len(formulas) > 0 {
				t.Errorf("%s: %d cells start with = + - or @, which a spreadsheet runs as a formula (CSV injection); prefix such a cell with ' or a tab:\n  %s", rel, len(formulas), strings.Join(formulas, "\n  "))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
