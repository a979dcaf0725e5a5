package e2e

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// newCountySite copies the county example (examples/county) and the real
// content it names (../../content) into a fresh folder, keeping their
// layout, and returns the example's folder.
func newCountySite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, filepath.Join(repoRoot, "content"), filepath.Join(dir, "content"))
	copyTree(t, filepath.Join(repoRoot, "examples", "county"), filepath.Join(dir, "examples", "county"))
	os.RemoveAll(filepath.Join(dir, "examples", "county", "public"))
	return filepath.Join(dir, "examples", "county")
}

// departmentsOfExample are the departments of examples/county/site.toml
// by the names the real bureau's boundaries give them.
var departmentsOfExample = map[string]string{
	"人口和计划生育局": "rkjs", "人口计生局": "rkjs", "公安局": "gaj", "卫生局": "wsj", "民政局": "mzj",
}

// roleRow is a row of a matter's role table: the department's name,
// linked or not.
var roleRow = regexp.MustCompile(`<th scope="row">(?:<a href="([^"]*)">)?([^<]+)`)

// TestCountyExample builds the county example: every page carries the
// 示例 mark; on every matter page, the row of a department the county has
// links to that department's own entry, the rows of departments it lacks
// do not link; every internal link and fragment of every page resolves;
// and html-validate passes on every page.
func TestCountyExample(t *testing.T) {
	site := newCountySite(t)
	r := run(t, site, "check")
	if r.code != 0 || strings.Contains(r.stderr, "职责边界事项") {
		t.Fatalf("check of the county example: exit %d, or boundaries that disagree:\n%s", r.code, r.stderr)
	}
	dir := buildSite(t, site)
	pages := sitePages(t, dir)
	if len(pages) < 100 {
		t.Errorf("only %d pages in the county example", len(pages))
	}
	var files []string
	linked, unlinked := 0, 0
	for _, p := range pages {
		files = append(files, filepath.Join(dir, p.file))
		data, err := os.ReadFile(filepath.Join(dir, p.file))
		if err != nil {
			t.Fatal(err)
		}
		page := string(data)
		if !strings.Contains(page, "<strong>示例</strong>") {
			t.Errorf("/%s does not say it is an example", p.file)
		}
		if !regexp.MustCompile(`^[a-z]+/boundaries/[0-9]+/index.html$`).MatchString(p.file) {
			continue
		}
		own := strings.SplitN(p.file, "/", 2)[0]
		for _, m := range roleRow.FindAllStringSubmatch(page, -1) {
			href, name := m[1], m[2]
			id, exists := departmentsOfExample[name]
			switch {
			case exists && id != own:
				want := siteRoot + id + "/boundaries/"
				if !strings.HasPrefix(href, want) {
					t.Errorf("/%s: the row of %s links %q, not %s…", p.file, name, href, want)
					continue
				}
				if _, err := os.Stat(filepath.Join(dir, localFile(href))); err != nil {
					t.Errorf("/%s: the row of %s links %s, which is not in the output", p.file, name, href)
				}
				linked++
			case href != "":
				t.Errorf("/%s: the row of %s links %q, but the county has no such department (or it is the page's own)", p.file, name, href)
			default:
				unlinked++
			}
		}
	}
	if linked < 10 || unlinked < 5 {
		t.Errorf("%d linked and %d unlinked department rows; the example's boundaries were not resolved", linked, unlinked)
	}
	links := newCounter(t, "county-links", "county example: internal links and fragments checked")
	links.add(checkLinks(t, dir))
	validateHTML(t, dir, files)
	c := newCounter(t, "county-html", "county example: pages validated with html-validate")
	c.add(len(files))
}

// TestCountyDisagreement plants a difference between the real bureau's
// boundaries and the police's example list: check reports it as a
// warning, with both files' positions and both texts, and still passes.
func TestCountyDisagreement(t *testing.T) {
	site := newCountySite(t)
	file := filepath.Join(site, "departments", "gaj", "boundaries.toml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	old := "负责收养登记后办理落户手续。"
	planted := strings.Replace(string(data), old, "负责收养登记后办理户口迁移。", 1)
	if planted == string(data) {
		t.Fatalf("%s no longer has %q", file, old)
	}
	if err := os.WriteFile(file, []byte(planted), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, site, "check")
	if r.code != 0 {
		t.Fatalf("check: exit %d\n%s", r.code, r.stderr)
	}
	var found bool
	for _, line := range strings.Split(r.stderr, "\n") {
		if strings.HasPrefix(line, "../../content/boundaries.toml:") && strings.Contains(line, old+"”") &&
			strings.Contains(line, "（departments/gaj/boundaries.toml:") && strings.Contains(line, "办理户口迁移。”") {
			found = true
		}
	}
	if !found {
		t.Errorf("the planted disagreement is not reported with both positions:\n%s", r.stderr)
	}
}

// TestCountyAxe loads one page of each kind of the county example in
// chromium and runs axe-core (WCAG 2.1 A/AA) on it.
func TestCountyAxe(t *testing.T) {
	dir := buildSite(t, newCountySite(t))
	base := serve(t, dir)
	browser := startBrowser(t)
	axe := loadAxe(t)
	axed := newCounter(t, "county-axe", "county example: pages checked with axe-core (WCAG 2.1 A/AA)")
	ctx := newTab(t, browser)
	w := newWatch(t, ctx)
	seen := map[string]bool{}
	for _, p := range sitePages(t, dir) {
		kind := p.kind
		if segs := strings.Split(strings.Trim(p.path, "/"), "/"); len(segs) > 1 && departmentIDs[segs[0]] {
			kind = "department-" + pageKind(strings.Join(segs[1:], "/")+"/")
		}
		if seen[kind] {
			continue
		}
		seen[kind] = true
		if err := loadPage(ctx, base+p.path, widths[len(widths)-1]); err != nil {
			t.Errorf("/%s: %v", p.path, err)
			continue
		}
		if v := runAxe(ctx, axe); len(v) > 0 {
			t.Errorf("/%s: axe-core WCAG 2.1 A/AA violations:\n%s", p.path, strings.Join(v, "\n"))
		}
		problems, dialogs := w.take()
		for _, pr := range append(problems, dialogs...) {
			t.Errorf("/%s: %s", p.path, pr)
		}
		axed.add(1)
	}
	if len(seen) < 15 {
		t.Errorf("only %d kinds of page checked", len(seen))
	}
}

// departmentIDs are the folders of the county example's departments.
var departmentIDs = map[string]bool{"rkjs": true, "gaj": true, "wsj": true, "mzj": true}

// TestCountySearch searches the county example in chromium: the county's
// search page finds every department's records and filters by
// department; a department's search page searches the same index within
// its department only, its unit filter narrows it to one of its units,
// and every link of a hit (the record, its units) is a file of the site.
func TestCountySearch(t *testing.T) {
	dir := buildSite(t, newCountySite(t))
	if _, err := os.Stat(filepath.Join(dir, "gaj", "search", "index.json")); err == nil {
		t.Error("a department has a search index of its own beside the county's")
	}
	base := serve(t, dir)
	ctx := withTimeout(t, startBrowser(t), 2*time.Minute)
	w := newWatch(t, ctx)
	type hit struct{ Href, Meta string }
	type result struct {
		Status string
		Hits   []hit
		Links  []string // the hits' unit links
	}
	search := func(query string) result {
		t.Helper()
		if err := loadPage(ctx, base+query, widths[1]); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`document.querySelector(".search-hit") || document.getElementById("search-status").textContent.includes("没有找到")`)); err != nil {
			t.Fatalf("%s: no search result: %v", query, err)
		}
		r, err := chromedp.Run(ctx, chromedp.Evaluate[result](`({
			Status: document.getElementById("search-status").textContent,
			Hits: [...document.querySelectorAll(".search-hit")].map(li => ({Href: li.querySelector("a").getAttribute("href"), Meta: li.querySelector(".meta").textContent})),
			Links: [...document.querySelectorAll(".search-hit .meta a")].map(a => a.getAttribute("href")),
		})`))
		if err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		for _, href := range append(r.Links, func() (hs []string) {
			for _, h := range r.Hits {
				hs = append(hs, h.Href)
			}
			return
		}()...) {
			file, _, _ := strings.Cut(href, "#")
			if _, err := os.Stat(filepath.Join(dir, localFile(file))); err != nil || localFile(file) == "" {
				t.Errorf("%s: a hit links %s, which is not in the output", query, href)
			}
		}
		problems, dialogs := w.take()
		for _, p := range append(problems, dialogs...) {
			t.Errorf("%s: %s", query, p)
		}
		return r
	}
	under := func(r result) map[string]int {
		n := map[string]int{}
		for _, h := range r.Hits {
			n[strings.SplitN(strings.TrimPrefix(h.Href, siteRoot), "/", 2)[0]]++
		}
		return n
	}
	all := search("search/?q=" + url.QueryEscape("流动人口"))
	if n := under(all); n["rkjs"] == 0 || n["gaj"] == 0 {
		t.Errorf("the county's search for 流动人口 finds %v, not records of both rkjs and gaj: %q", n, all.Status)
	}
	if n := under(search("search/?q=" + url.QueryEscape("流动人口") + "&unit=gaj")); len(n) != 1 || n["gaj"] == 0 {
		t.Errorf("the county's search filtered by gaj finds %v", n)
	}
	own := search("gaj/search/?q=" + url.QueryEscape("流动人口"))
	if n := under(own); len(n) != 1 || n["gaj"] == 0 {
		t.Fatalf("gaj's search page finds %v, not gaj's records alone: %q", n, own.Status)
	}
	if strings.Contains(own.Status, "公安局") || len(own.Hits) >= len(all.Hits) {
		t.Errorf("gaj's search page: status %q names its department, or finds %d hits of the county's %d", own.Status, len(own.Hits), len(all.Hits))
	}
	// Its unit filter: the unit of its first hit that names one.
	var unit string
	for _, l := range own.Links {
		if strings.HasPrefix(l, siteRoot+"gaj/units/") {
			unit = strings.Trim(strings.TrimPrefix(l, siteRoot+"gaj/units/"), "/")
			break
		}
	}
	if unit == "" {
		t.Fatalf("no hit of gaj's search names a unit of gaj: %v", own.Links)
	}
	narrow := search("gaj/search/?q=" + url.QueryEscape("流动人口") + "&unit=" + unit)
	if n := under(narrow); len(n) != 1 || n["gaj"] == 0 || len(narrow.Hits) > len(own.Hits) {
		t.Errorf("gaj's search filtered by its unit %s finds %v (%d hits, unfiltered %d)", unit, n, len(narrow.Hits), len(own.Hits))
	}
	// An address naming a unit the department does not have still
	// searches that department alone.
	if n := under(search("gaj/search/?q=" + url.QueryEscape("流动人口") + "&unit=nosuch")); len(n) != 1 || n["gaj"] == 0 {
		t.Errorf("gaj's search page with an unknown unit finds %v, not gaj's records alone", n)
	}
	for _, h := range narrow.Hits {
		if !strings.Contains(h.Meta, "责任单位：") {
			t.Errorf("a hit filtered by unit %s names no unit: %q", unit, h.Meta)
		}
	}
}

// TestCountyRebuild: a rebuild of the county example after an edit of
// one department's list carries the other departments' folders over and
// makes the same site, byte for byte, as a build of the same content into
// an empty folder; a file deleted from a department's folder of the site
// by hand is back after the next build.
func TestCountyRebuild(t *testing.T) {
	site := newCountySite(t)
	out := buildSite(t, site)
	inputs, err := os.ReadFile(filepath.Join(out, ".qingdan-inputs"))
	if err != nil || strings.Count(string(inputs), "\n") != 1+len(departmentIDs) {
		t.Fatalf("the county's site has no sum of each department's inputs: %v\n%s", err, inputs)
	}
	file := filepath.Join(site, "departments", "gaj", "duties.toml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := regexp.MustCompile(`(?m)^text = "([^"]*)"`).ReplaceAllString(string(data), `text = "${1}（重建测试）"`)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	// The same content, built from nothing elsewhere.
	other := t.TempDir()
	copyTree(t, filepath.Dir(filepath.Dir(site)), other)
	fresh := buildSite(t, filepath.Join(other, "examples", "county"))

	if r := run(t, site, "build", "-out", out); r.code != 0 {
		t.Fatalf("rebuild: exit %d\n%s", r.code, r.stderr)
	}
	if got, want := contentHashes(t, out), contentHashes(t, fresh); got != want {
		t.Errorf("the rebuild after an edit is not the site a build from nothing makes:\n%s", diffLines(want, got))
	}
	if page, _ := os.ReadFile(filepath.Join(out, "gaj", "duties", "01", "index.html")); !strings.Contains(string(page), "（重建测试）") {
		t.Error("the edited department's page does not show the edit")
	}

	gone := filepath.Join(out, "wsj", "services", "index.html")
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	if r := run(t, site, "build", "-out", out); r.code != 0 {
		t.Fatalf("build after a file was deleted: exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(gone); err != nil {
		t.Errorf("a file deleted from a kept department's folder is not back: %v", err)
	}
	// The record of published ids the rebuild wrote into gaj's folder is
	// an input of gaj's: only the sums differ.
	withoutSums := func(dir string) string {
		return regexp.MustCompile(`(?m)^\.qingdan-inputs .*\n?`).ReplaceAllString(contentHashes(t, dir), "")
	}
	if got, want := withoutSums(out), withoutSums(fresh); got != want {
		t.Errorf("the build after a deletion is not the site:\n%s", diffLines(want, got))
	}
}
