package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axePath is axe-core as ./test.sh installs it (npm ci --prefix tools).
var axePath = filepath.Join(repoRoot, "tools", "node_modules", "axe-core", "axe.min.js")

// axeTags are the WCAG 2.1 level A and AA rules.
const axeTags = `["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]`

// loadAxe reads axe-core's source, to be evaluated in each page.
func loadAxe(t testing.TB) string {
	t.Helper()
	needTool(t, axePath, "axe-core")
	src, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// axeViolation is the part of an axe-core result we report.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// runAxe runs axe-core on the page in the tab and returns one line per
// violation and node; a failure to run axe is itself returned as a line.
func runAxe(ctx context.Context, axe string) []string {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	script := `(async () => {
		if (!window.axe) { ` + axe + `
		}
		const r = await axe.run(document, {runOnly: {type: "tag", values: ` + axeTags + `}, resultTypes: ["violations"]});
		return r.violations;
	})()`
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](script, chromedp.EvalAwaitPromise))
	if err != nil {
		return []string{"running axe-core: " + err.Error()}
	}
	var out []string
	for _, v := range vs {
		for _, n := range v.Nodes {
			out = append(out, fmt.Sprintf("  %s (%s): %s\n    at %v: %s\n    %s", v.ID, v.Impact, v.Help, n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n    ")))
		}
	}
	return out
}

// TestAxeSearchResults runs axe-core on the search page with results
// shown, after typing a query the way a visitor does.
func TestAxeSearchResults(t *testing.T) {
	dir := buildSite(t, newSite(t))
	base := serve(t, dir)
	ctx := withTimeout(t, startBrowser(t), 2*time.Minute)
	axe := loadAxe(t)
	w := newWatch(t, ctx)
	for _, width := range widths {
		if err := loadPage(ctx, base+"search/", width); err != nil {
			t.Fatal(err)
		}
		err := chromedp.Do(ctx,
			chromedp.SendKeys(chromedp.ID("search-q"), "独生子女"),
			chromedp.WaitVisible(chromedp.CSS(".search-hit a")),
		)
		if err != nil {
			t.Fatalf("searching at %dpx: %v", width, err)
		}
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".search-hit").length`))
		if err != nil {
			t.Fatalf("searching at %dpx: %v", width, err)
		}
		if n == 0 {
			t.Fatalf("no search results for 独生子女 at %dpx", width)
		}
		if v := runAxe(ctx, axe); len(v) > 0 {
			t.Errorf("search page with %d results at %dpx: axe-core WCAG 2.1 A/AA violations:\n%s", n, width, strings.Join(v, "\n"))
		}
		screenshot(t, ctx, fmt.Sprintf("search-results-%d", width))
		problems, dialogs := w.take()
		for _, p := range append(problems, dialogs...) {
			t.Errorf("search at %dpx: %s", width, p)
		}
	}
}

// focused describes the focused element: tag, id, class and text.
const focused = `(() => {
	const e = document.activeElement;
	if (!e) return "";
	return e.tagName.toLowerCase() + "#" + e.id + "." + e.className + " " + (e.textContent || "").trim().slice(0, 20);
})()`

// press sends keys to the page, the way a keyboard does.
func press(ctx context.Context, keys string) error {
	return chromedp.Do(ctx, chromedp.KeyEvent(keys))
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](ctx context.Context, expr string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr))
}

// tabTo presses Tab until the focused element matches the CSS selector,
// at most limit times, and reports whether it got there.
func tabTo(ctx context.Context, selector string, limit int) (bool, error) {
	for i := 0; i < limit; i++ {
		if err := press(ctx, kb.Tab); err != nil {
			return false, err
		}
		ok, err := eval[bool](ctx, `!!document.activeElement && document.activeElement.matches(`+jsString(selector)+`)`)
		if err != nil {
			return false, err
		}
		if ok {
			return true, nil
		}
	}
	return false, nil
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestKeyboard uses the site with the keyboard alone: the skip link comes
// first and moves focus to the main content; the unit filter of 部门职责
// and the search box can be reached and used with Tab, arrows and Enter.
func TestKeyboard(t *testing.T) {
	dir := buildSite(t, newSite(t))
	base := serve(t, dir)
	ctx := withTimeout(t, startBrowser(t), 2*time.Minute)
	w := newWatch(t, ctx)

	t.Run("skip link", func(t *testing.T) {
		if err := loadPage(ctx, base+"duties/", 1280); err != nil {
			t.Fatal(err)
		}
		if err := press(ctx, kb.Tab); err != nil {
			t.Fatal(err)
		}
		first, err := eval[string](ctx, focused)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(first, "a#.skip ") {
			t.Fatalf("first Tab focuses %q, want the skip link (a.skip)", first)
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter), chromedp.Sleep(100*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		after, err := eval[string](ctx, focused)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(after, "main#main.") {
			t.Errorf("Enter on the skip link focuses %q, want main#main", after)
		}
	})

	t.Run("unit filter", func(t *testing.T) {
		if err := loadPage(ctx, base+"duties/", 1280); err != nil {
			t.Fatal(err)
		}
		ok, err := tabTo(ctx, "#unit-select", 60)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			t.Fatal("Tab never reaches the unit filter #unit-select on 部门职责")
		}
		all, err := eval[int](ctx, `document.querySelectorAll(".duty .item").length`)
		if err != nil {
			t.Fatal(err)
		}
		// A focused closed <select> changes its value with the arrow
		// keys, as a keyboard user picks a unit.
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.Sleep(100*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		shown, err := eval[int](ctx, `document.querySelectorAll(".duty .item:not([hidden])").length`)
		if err != nil {
			t.Fatal(err)
		}
		status, err := eval[string](ctx, `document.getElementById("unit-filter-status").textContent`)
		if err != nil {
			t.Fatal(err)
		}
		if all == 0 || shown == 0 || shown >= all {
			t.Errorf("after choosing a unit with the keyboard %d of %d items are shown; want some but not all", shown, all)
		}
		if !strings.Contains(status, fmt.Sprint(shown)) {
			t.Errorf("filter status %q does not announce the %d shown items", status, shown)
		}
	})

	t.Run("search", func(t *testing.T) {
		if err := loadPage(ctx, base, 1280); err != nil {
			t.Fatal(err)
		}
		ok, err := tabTo(ctx, "input[type=search]", 40)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			t.Fatal("Tab never reaches a search box on the home page")
		}
		err = chromedp.Do(ctx,
			chromedp.KeyEvent("婚育证明"),
			chromedp.KeyEvent(kb.Enter),
			chromedp.WaitVisible(chromedp.CSS(".search-hit a")),
		)
		if err != nil {
			t.Fatalf("typing a search and pressing Enter: %v", err)
		}
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(loc, "/search/") {
			t.Errorf("after Enter the page is %s, want the search page", loc)
		}
		// From the search box, Tab reaches the first result and Enter
		// opens it.
		ok, err = tabTo(ctx, ".search-hit a", 20)
		if err != nil || !ok {
			t.Fatalf("Tab never reaches a search result (err %v)", err)
		}
		hit, err := eval[string](ctx, `document.activeElement.href`)
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter), chromedp.Sleep(300*time.Millisecond), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatal(err)
		}
		if loc, err = chromedp.Run(ctx, chromedp.Location()); err != nil {
			t.Fatal(err)
		}
		if loc != hit {
			t.Errorf("Enter on a search result went to %s, want %s", loc, hit)
		}
	})
	problems, dialogs := w.take()
	for _, p := range append(problems, dialogs...) {
		t.Errorf("keyboard: %s", p)
	}
}
