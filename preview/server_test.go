package preview

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"qingdan/build"
)

// root is the path the test site lives under (base_url in its site.toml).
const root = "/zfxxgk/qingdan/"

// syncBuffer is a log the server writes while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// copySite copies testdata/site to a new folder and returns it.
func copySite(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// edit replaces old by new in the file name under dir.
func edit(t *testing.T, dir, name, old, new string) {
	t.Helper()
	path := filepath.Join(dir, name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	if err := os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// get requests path from h and returns the response and its body.
func get(t *testing.T, h http.Handler, path string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Result(), rec.Body.String()
}

func TestServe(t *testing.T) {
	s := New(filepath.Join(copySite(t), "site.toml"), io.Discard, build.Site)
	s.Build()
	tests := []struct {
		path     string
		status   int
		ctype    string
		contains string // in the body, or the Location header of a redirect
	}{
		{"/", http.StatusFound, "", root},
		{"/zfxxgk/qingdan", http.StatusFound, "", root},
		{root, http.StatusOK, "text/html; charset=utf-8", "威县人口和计划生育局"},
		{root + "duties/01/", http.StatusOK, "text/html; charset=utf-8", "组织对人口和计划生育重大问题"},
		{root + "duties/01/index.html", http.StatusOK, "text/html; charset=utf-8", "组织对人口和计划生育重大问题"},
		{root + "duties/01", http.StatusMovedPermanently, "", root + "duties/01/"},
		{root + "static/site.css", http.StatusOK, "text/css; charset=utf-8", ""},
		{root + "static/site.js", http.StatusOK, "text/javascript; charset=utf-8", ""},
		{root + "static/favicon.svg", http.StatusOK, "image/svg+xml", "<svg"},
		{root + "data/qingdan.json", http.StatusOK, "application/json", "人秘股"},
		{root + "data/units.csv", http.StatusOK, "text/csv; charset=utf-8", "\ufeff"},
		{root + "feed.xml", http.StatusOK, "application/xml; charset=utf-8", "首次发布"},
		{root + "sitemap.xml", http.StatusOK, "application/xml; charset=utf-8", root + "duties/01/"},
		{root + "robots.txt", http.StatusOK, "text/plain; charset=utf-8", ""},
		{root + "no/such/page/", http.StatusNotFound, "text/html; charset=utf-8", `lang="zh-CN"`},
		{"/duties/01/", http.StatusNotFound, "text/html; charset=utf-8", `lang="zh-CN"`},
		{reloadPath, http.StatusOK, "text/javascript; charset=utf-8", eventsPath},
	}
	for _, tt := range tests {
		resp, body := get(t, s, tt.path)
		if resp.StatusCode != tt.status {
			t.Errorf("GET %s: status %d, want %d", tt.path, resp.StatusCode, tt.status)
			continue
		}
		if got := resp.Header.Get("Content-Type"); tt.ctype != "" && got != tt.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", tt.path, got, tt.ctype)
		}
		where := body
		if tt.status == http.StatusFound || tt.status == http.StatusMovedPermanently {
			where = resp.Header.Get("Location")
		}
		if !strings.Contains(where, tt.contains) {
			t.Errorf("GET %s: %.200q does not contain %q", tt.path, where, tt.contains)
		}
		html := strings.HasPrefix(tt.ctype, "text/html")
		if html != strings.Contains(body, reloadScript) {
			t.Errorf("GET %s: reload script present = %v, want %v", tt.path, !html, html)
		}
		if strings.Contains(body, "qingdan-problems") {
			t.Errorf("GET %s: problems box after a good build", tt.path)
		}
	}
}

func TestServeNotFoundUsesSitePage(t *testing.T) {
	dir := copySite(t)
	s := New(filepath.Join(dir, "site.toml"), io.Discard, build.Site)
	s.Build()
	_, page := get(t, s, root+"404.html")
	_, miss := get(t, s, root+"missing/")
	if miss != page {
		t.Errorf("a miss does not serve the site's 404.html:\n%.300s", miss)
	}
}

func TestInject(t *testing.T) {
	tests := []struct {
		page, failure, want string
	}{
		{"<body>x</body></html>", "", "<body>x" + reloadScript + "</body></html>"},
		{"<body>a</body>b</body>", "", "<body>a</body>b" + reloadScript + "</body>"},
		{"no body", "", "no body" + reloadScript},
		{"<body></body>", "a.toml:1:2: <bad> & \"x\"\n", "<body>" + problemsBox("a.toml:1:2: <bad> & \"x\"\n") + reloadScript + "</body>"},
	}
	for _, tt := range tests {
		if got := string(inject([]byte(tt.page), tt.failure)); got != tt.want {
			t.Errorf("inject(%q, %q) = %q, want %q", tt.page, tt.failure, got, tt.want)
		}
	}
	if box := problemsBox("<script>"); strings.Contains(box, "<script>") {
		t.Errorf("problems are not escaped: %s", box)
	}
}

func TestBuildProblemsKeepLastGoodSite(t *testing.T) {
	dir := copySite(t)
	var log syncBuffer
	s := New(filepath.Join(dir, "site.toml"), &log, build.Site)
	s.Build()
	reloads := s.events.add()

	edit(t, dir, "content/duties.toml", `units = ["zcfg"]`, `units = ["zcfgg"]`)
	s.Build()
	resp, body := get(t, s, root+"duties/01/")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "起草本县有关人口和计划生育方面的管理办法") {
		t.Fatalf("last good page not served: %d %.300s", resp.StatusCode, body)
	}
	if !strings.Contains(body, `id="qingdan-problems"`) || !strings.Contains(body, "content/duties.toml:") {
		t.Errorf("page does not show the problem:\n%s", body)
	}
	if !strings.Contains(log.String(), "content/duties.toml:") {
		t.Errorf("terminal does not show the problem:\n%s", log.String())
	}
	if _, css := get(t, s, root+"static/site.css"); strings.Contains(css, "qingdan-problems") {
		t.Error("problems box added to a style sheet")
	}
	select {
	case <-reloads:
	default:
		t.Error("a new problem did not reload the open pages")
	}

	edit(t, dir, "content/duties.toml", `units = ["zcfgg"]`, `units = ["zcfg"]`)
	s.Build()
	if _, body := get(t, s, root+"duties/01/"); strings.Contains(body, "qingdan-problems") {
		t.Error("problems box still shown after the fix")
	}
	if !strings.Contains(log.String(), "错误已改正") {
		t.Errorf("terminal does not say the problems are fixed:\n%s", log.String())
	}
	select {
	case <-reloads:
	default:
		t.Error("fixing the problem did not reload the open pages")
	}

	// Saving a file without changing what it says rebuilds the same
	// site: no page changes and nothing reloads.
	now := time.Now().Add(time.Second)
	os.Chtimes(filepath.Join(dir, "content/duties.toml"), now, now)
	s.Build()
	select {
	case <-reloads:
		t.Error("a rebuild that changed no file reloaded the open pages")
	default:
	}
}

func TestBuildNeverGood(t *testing.T) {
	dir := copySite(t)
	edit(t, dir, "site.toml", `base_url = "https://www.weixian.gov.cn/zfxxgk/qingdan/"`, `base_url = "www.weixian.gov.cn"`)
	s := New(filepath.Join(dir, "site.toml"), io.Discard, build.Site)
	s.Build()
	for _, path := range []string{"/", root, root + "duties/01/"} {
		resp, body := get(t, s, path)
		if resp.StatusCode != http.StatusInternalServerError || !strings.Contains(body, "网站生成失败") || !strings.Contains(body, "site.toml:4:") {
			t.Errorf("GET %s: %d, want the error page naming site.toml:4:\n%s", path, resp.StatusCode, body)
		}
	}
	edit(t, dir, "site.toml", `base_url = "www.weixian.gov.cn"`, `base_url = "https://www.weixian.gov.cn/zfxxgk/qingdan/"`)
	s.Build()
	if resp, body := get(t, s, root+"duties/01/"); resp.StatusCode != http.StatusOK || strings.Contains(body, "qingdan-problems") {
		t.Errorf("after the fix: %d\n%.300s", resp.StatusCode, body)
	}
}

// events connects to the server's event stream and returns its lines.
func events(t *testing.T, ctx context.Context, base string) <-chan string {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+eventsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("event stream Content-Type %q", ct)
	}
	lines := make(chan string, 100)
	go func() {
		defer resp.Body.Close()
		defer close(lines)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	// The first comment says the stream is registered.
	if line := <-lines; !strings.HasPrefix(line, ":") {
		t.Fatalf("event stream starts with %q", line)
	}
	return lines
}

// waitFor gets url until its body satisfies ok, failing after a deadline.
func waitFor(t *testing.T, url, what string, ok func(string) bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var body string
	for time.Now().Before(deadline) {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if body = string(b); ok(body) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("GET %s: no %s before the deadline; last body:\n%s", url, what, body)
}

// waitReload waits for a reload event on lines.
func waitReload(t *testing.T, lines <-chan string) {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatal("event stream ended")
			}
			if line == "data: reload" {
				return
			}
		case <-deadline:
			t.Fatal("no reload event before the deadline")
		}
	}
}

func TestRunWatchesAndReloads(t *testing.T) {
	dir := copySite(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	var log syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- New(filepath.Join(dir, "site.toml"), &log, build.Site).Run(ctx, ln) }()

	page := base + root + "duties/01/"
	waitFor(t, page, "first build", func(b string) bool { return strings.Contains(b, "组织对人口和计划生育重大问题") })
	if want := "预览地址：" + base + root + "\n"; !strings.Contains(log.String(), want) {
		t.Errorf("log does not say %q:\n%s", want, log.String())
	}
	lines := events(t, ctx, base)

	edit(t, dir, "content/duties.toml", "组织对人口和计划生育重大问题", "组织对人口发展重大问题（已修改）")
	waitFor(t, page, "edited text", func(b string) bool { return strings.Contains(b, "组织对人口发展重大问题（已修改）") })
	waitReload(t, lines)

	edit(t, dir, "content/duties.toml", `units = ["zcfg"]`, `units = ["nosuch"]`)
	waitFor(t, page, "problems box", func(b string) bool { return strings.Contains(b, `id="qingdan-problems"`) })
	waitReload(t, lines)
	resp, err := http.Get(page)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "组织对人口发展重大问题（已修改）") || !strings.Contains(string(body), "content/duties.toml:") {
		t.Errorf("with a broken edit, want the last good page and the problem:\n%s", body)
	}

	edit(t, dir, "content/duties.toml", `units = ["nosuch"]`, `units = ["zcfg"]`)
	waitFor(t, page, "problems cleared", func(b string) bool { return !strings.Contains(b, "qingdan-problems") })
	waitReload(t, lines)

	// Cancelling ends the open event stream and stops the server.
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if _, err := http.Get(page); err == nil {
		t.Error("server still answers after shutdown")
	}
}

// FuzzServePath: any request path gets an answer of a known kind, and a
// redirect stays on this server.
func FuzzServePath(f *testing.F) {
	s := New(filepath.Join(copySite(f), "site.toml"), io.Discard, build.Site)
	s.Build()
	for _, p := range []string{"/", root, root + "duties/01/", root + "../../etc/passwd", root + "%2e%2e/", "//x", root + "a//b", "/__qingdan/x"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		// The reload stream (reachable by more than one spelling of its
		// path) only ends with the request: every request gets a deadline.
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Path = p
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusNotFound, http.StatusNotModified:
		case http.StatusFound, http.StatusMovedPermanently:
			if loc := rec.Header().Get("Location"); !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") {
				t.Errorf("GET %q redirects off the server to %q", p, loc)
			}
		default:
			t.Errorf("GET %q: status %d", p, rec.Code)
		}
	})
}
