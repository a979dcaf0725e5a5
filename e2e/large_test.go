package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// largeItems is a list longer than the generator's largeList (1,000 work
// items), above which the duties page and the search page's index list
// links instead of every item.
const largeItems = 1500

// largeSite writes synthetic content of largeItems work items (qingdan
// bench-content) served under the real site's root, builds it and returns
// the output folder.
func largeSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if r := run(t, repoRoot, "bench-content", "-items", strconv.Itoa(largeItems), "-out", dir); r.code != 0 {
		t.Fatalf("qingdan bench-content: exit %d\n%s", r.code, r.stderr)
	}
	cfg := filepath.Join(dir, "site.toml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	baseLine := regexp.MustCompile(`(?m)^base_url = ".*"$`)
	if !baseLine.Match(data) {
		t.Fatalf("no base_url line in the generated site.toml:\n%s", data)
	}
	data = baseLine.ReplaceAll(data, []byte(`base_url = "`+baseURL+`"`))
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return buildSite(t, dir)
}

// TestLargeList checks a province-sized list: the duties page and the
// search page stay small enough for a phone and link every duty and every
// list instead of repeating the items, every link of the site resolves,
// and those pages are valid HTML without WCAG 2.1 A/AA violations.
func TestLargeList(t *testing.T) {
	dir := largeSite(t)
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	duties, search := read("duties/index.html"), read("search/index.html")
	// A full list of 1,500 items would be about 800 KB on the duties page.
	for name, page := range map[string]string{"duties": duties, "search": search} {
		if len(page) > 200_000 {
			t.Errorf("/%s/ is %d bytes for %d items; want the compact page", name, len(page), largeItems)
		}
	}
	if strings.Contains(duties, `class="item"`) || strings.Contains(search, `class="item"`) {
		t.Errorf("the duties or search page lists work items one by one")
	}
	entries, err := os.ReadDir(filepath.Join(dir, "duties"))
	if err != nil {
		t.Fatal(err)
	}
	linked := 0
	for _, e := range entries {
		if e.IsDir() {
			linked++
			if !strings.Contains(duties, `href="`+siteRoot+"duties/"+e.Name()+`/"`) {
				t.Errorf("the duties page does not link duty %s", e.Name())
			}
		}
	}
	if linked < largeItems/8 {
		t.Errorf("only %d duty pages for %d items", linked, largeItems)
	}
	for _, part := range []string{"duties/", "units/", "services/", "boundaries/", "supervision/"} {
		if !strings.Contains(search, `href="`+siteRoot+part+`"`) {
			t.Errorf("the search page's index does not link /%s", part)
		}
	}

	gate := newCounter(t, "large", "checks of a 1,500-item list: links, html-validate and axe pages")
	gate.add(checkLinks(t, dir))

	pages := []string{"index.html", "duties/index.html", "search/index.html", "units/index.html"}
	var files []string
	for _, p := range pages {
		files = append(files, filepath.Join(dir, p))
	}
	validateHTML(t, dir, files)
	gate.add(len(files))

	base := serve(t, dir)
	browser := startBrowser(t)
	axe := loadAxe(t)
	for _, width := range widths {
		ctx := newTab(t, browser)
		w := newWatch(t, ctx)
		for _, p := range []string{"duties/", "search/"} {
			if err := loadPage(ctx, base+p, width); err != nil {
				t.Errorf("/%s at %dpx: %v", p, width, err)
				continue
			}
			if v := runAxe(ctx, axe); len(v) > 0 {
				t.Errorf("/%s at %dpx: axe-core WCAG 2.1 A/AA violations:\n%s", p, width, strings.Join(v, "\n"))
			}
			problems, dialogs := w.take()
			for _, pr := range append(problems, dialogs...) {
				t.Errorf("/%s at %dpx: %s", p, width, pr)
			}
			gate.add(1)
		}
	}
}
