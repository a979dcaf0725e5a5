package e2e

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's chromium, which ./test.sh installs.
const chromiumPath = "/usr/bin/chromium"

// siteRoot is the path the real site is served under (base_url in
// site.toml); the test server serves the output there too.
const siteRoot = "/zfxxgk/qingdan/"

// widths are the viewport widths every page is checked at: a small phone
// and a desktop.
var widths = []int{360, 1280}

// startBrowser starts a headless chromium with a fresh profile and returns
// the context of its first tab; the browser stops when the test ends.
func startBrowser(t testing.TB) context.Context {
	t.Helper()
	needTool(t, chromiumPath, "chromium")
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		t.Fatalf("starting chromium: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	return ctx
}

// withTimeout bounds every browser action run with the returned context,
// so that a wait for an element that never comes fails instead of hanging.
// The browser must already be running (see chromedp.Run).
func withTimeout(t testing.TB, ctx context.Context, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(ctx, d)
	t.Cleanup(cancel)
	return ctx
}

// serve serves the built site in dir under siteRoot on 127.0.0.1 and
// returns the site's address, ending in siteRoot.
func serve(t testing.TB, dir string) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle(siteRoot, http.StripPrefix(strings.TrimSuffix(siteRoot, "/"), http.FileServer(http.Dir(dir))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + siteRoot
}

// watch collects, for the tab it listens to, everything that means a page
// is broken: console errors, uncaught exceptions, failed requests, HTTP
// errors, and any JavaScript dialog (which it dismisses).
type watch struct {
	ctx      context.Context
	mu       sync.Mutex
	problems []string
	dialogs  []string
}

// newWatch starts watching the tab of ctx.
func newWatch(t testing.TB, ctx context.Context) *watch {
	t.Helper()
	w := &watch{ctx: ctx}
	if err := chromedp.Listen(ctx, w.event); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *watch) add(format string, args ...any) {
	w.mu.Lock()
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
	w.mu.Unlock()
}

func (w *watch) event(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			w.add("console %s: %s", ev.Type, strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		w.add("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			w.add("browser log error: %s (%s)", ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			w.add("request failed: %s (%s)", ev.ErrorText, ev.RequestID)
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			w.add("HTTP %d for %s", ev.Response.Status, ev.Response.URL)
		}
	case *page.EventJavascriptDialogOpening:
		w.mu.Lock()
		w.dialogs = append(w.dialogs, fmt.Sprintf("%s(%q)", ev.Type, ev.Message))
		w.mu.Unlock()
		// The dialog blocks the page, and Listen must not run a command
		// itself: dismiss it from another goroutine.
		go chromedp.Call(w.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
	}
}

// take returns and clears what was collected since the last call.
func (w *watch) take() (problems, dialogs []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	problems, dialogs = w.problems, w.dialogs
	w.problems, w.dialogs = nil, nil
	return problems, dialogs
}

// sitePage is one HTML page of the output.
type sitePage struct {
	file string // path in the output folder, e.g. "duties/01/index.html"
	path string // path under the site root, e.g. "duties/01/"
	kind string // page type, e.g. "duty"; one screenshot is taken per type
}

// sitePages lists every HTML page of the built site in dir.
func sitePages(t testing.TB, dir string) []sitePage {
	t.Helper()
	var pages []sitePage
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		path := strings.TrimSuffix(rel, "index.html")
		pages = append(pages, sitePage{file: rel, path: path, kind: pageKind(path)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].file < pages[j].file })
	return pages
}

// pageKind names a page's type from its path: "home", "duties" (the list),
// "duties-one" (one duty), "404.html".
func pageKind(path string) string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	switch {
	case path == "":
		return "home"
	case len(segs) == 1:
		return segs[0]
	}
	return segs[0] + "-one"
}

// loadPage opens url in the tab at the given width and waits until it has
// loaded and its scripts have run.
func loadPage(ctx context.Context, url string, width int) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	return chromedp.Do(ctx,
		chromedp.EmulateViewport(int64(width), 800),
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.CSS("body")),
	)
}

// screenshot writes a full-page PNG of the tab to artifacts/screenshots/.
func screenshot(t testing.TB, ctx context.Context, name string) {
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	dir := filepath.Join(repoRoot, "artifacts", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Error(err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644); err != nil {
		t.Error(err)
	}
}

// newTab opens another tab in the browser of ctx; it closes when the test
// ends.
func newTab(t testing.TB, ctx context.Context) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(ctx)
	t.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return tab
}

// TestBrowserPages loads every page of the real site in chromium at each
// width, one tab per width: no console error, no failed request, no
// dialog, and no axe-core WCAG 2.1 A/AA violation (on every page at the
// desktop width, on one page of each type at the phone width: the rules
// that depend on the width are layout ones). It writes one screenshot per
// page type and width to artifacts/screenshots/.
func TestBrowserPages(t *testing.T) {
	dir := buildSite(t, newSite(t))
	base := serve(t, dir)
	browser := startBrowser(t)
	axe := loadAxe(t)
	pages := sitePages(t, dir)
	if len(pages) < 50 {
		t.Errorf("only %d pages in the built site; expected the whole real site", len(pages))
	}
	checked := newCounter(t, "browser", "page loads checked in chromium (360 px and 1280 px)")
	axed := newCounter(t, "axe", "pages checked with axe-core (WCAG 2.1 A/AA)")
	var wg sync.WaitGroup
	for _, width := range widths {
		ctx := newTab(t, browser)
		w := newWatch(t, ctx)
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen := map[string]bool{}
			for _, p := range pages {
				if err := loadPage(ctx, base+p.path, width); err != nil {
					t.Errorf("/%s at %dpx: %v", p.path, width, err)
					continue
				}
				first := !seen[p.kind]
				seen[p.kind] = true
				if first || width == widths[len(widths)-1] {
					if v := runAxe(ctx, axe); len(v) > 0 {
						t.Errorf("/%s at %dpx: axe-core WCAG 2.1 A/AA violations:\n%s", p.path, width, strings.Join(v, "\n"))
					}
					axed.add(1)
				}
				problems, dialogs := w.take()
				for _, pr := range problems {
					t.Errorf("/%s at %dpx: %s", p.path, width, pr)
				}
				for _, d := range dialogs {
					t.Errorf("/%s at %dpx: unexpected dialog %s", p.path, width, d)
				}
				if first {
					screenshot(t, ctx, fmt.Sprintf("%s-%d", p.kind, width))
				}
				checked.add(1)
			}
		}()
	}
	wg.Wait()
}
