package search_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestBrowserSearch builds the real site, serves it on 127.0.0.1 and uses
// the search page in headless Chromium as a visitor would: it types a
// query, reads the results, uses the keyboard, a filter and the back
// button. Chromium is driven with the DevTools protocol over a pipe
// (--remote-debugging-pipe), so no driver library is needed.
func TestBrowserSearch(t *testing.T) {
	chromium := tool(t, "chromium", "chromium-browser", "google-chrome")
	files, root := buildRealSite(t)
	base, _ := serve(t, files, root)

	b := startBrowser(t, chromium)
	b.navigate(base + "search/")
	b.waitFor(`document.readyState === "complete" && !document.getElementById("search-filters").hidden`)

	// Typing shows results as you type, highlighted, with part and unit,
	// announces the count and puts the query in the address bar.
	b.call("Runtime.evaluate", map[string]any{"expression": `document.getElementById("search-q").focus()`})
	b.call("Input.insertText", map[string]any{"text": "流动人口"})
	b.waitFor(`document.querySelectorAll("#search-results .search-hit").length > 0`)
	var page struct {
		Status  string
		Hits    [][3]string // title, href, meta
		Marks   []string
		Search  string
		IndexUp bool
	}
	read := func() {
		b.eval(`({
			Status: document.getElementById("search-status").textContent,
			Hits: [...document.querySelectorAll("#search-results .search-hit")].map(li => [
				li.querySelector("a").textContent, li.querySelector("a").getAttribute("href"), li.querySelector(".meta").textContent]),
			Marks: [...document.querySelectorAll("#search-results mark")].map(m => m.textContent),
			Search: decodeURIComponent(location.search),
			IndexUp: !document.getElementById("full-index").hidden,
		})`, &page)
	}
	read()
	if !strings.Contains(page.Status, "找到") || !strings.Contains(page.Status, "流动人口") {
		t.Errorf("status = %q", page.Status)
	}
	if len(page.Hits) == 0 || page.Hits[0][0] != "流动人口婚育证明" || page.Hits[0][1] != root+"services/13/" {
		t.Fatalf("first hit = %v", page.Hits)
	}
	if !strings.Contains(page.Hits[0][2], "服务") || !strings.Contains(page.Hits[0][2], "流动人口管理服务中心") {
		t.Errorf("first hit's part and unit = %q", page.Hits[0][2])
	}
	if len(page.Marks) == 0 || page.Marks[0] != "流动人口" {
		t.Errorf("highlights = %v", page.Marks)
	}
	if page.Search != "?q=流动人口" {
		t.Errorf("address = %q, want ?q=流动人口", page.Search)
	}
	if page.IndexUp {
		t.Error("the full index is still shown under the results")
	}

	// Keyboard: the down arrow goes from the box to the first hit.
	b.key("ArrowDown", 40)
	var focused string
	b.eval(`document.activeElement.getAttribute("href")`, &focused)
	if focused != page.Hits[0][1] {
		t.Errorf("after ArrowDown the focus is on %q, want the first hit", focused)
	}

	// A filter narrows the hits and makes a history entry; back undoes it.
	b.eval(`(() => { const s = document.getElementById("search-part"); s.value = "duties"; s.dispatchEvent(new Event("change")); return true })()`, nil)
	b.waitFor(`[...document.querySelectorAll("#search-results .search-hit .tag")].every(t => t.textContent === "职责") && document.querySelectorAll("#search-results .search-hit").length > 0`)
	read()
	if page.Search != "?q=流动人口&part=duties" {
		t.Errorf("address with filter = %q", page.Search)
	}
	b.eval(`history.back(), true`, nil)
	b.waitFor(`location.search === "?q=" + encodeURIComponent("流动人口") && document.getElementById("search-part").value === "" && document.querySelector("#search-results .search-hit .tag").textContent === "服务"`)

	// A phone number finds the services of the unit that answers it.
	b.eval(`(() => { const q = document.getElementById("search-q"); q.value = ""; q.focus(); return true })()`, nil)
	b.call("Input.insertText", map[string]any{"text": "7631779"})
	b.waitFor(`document.getElementById("search-status").textContent.includes("7631779") && document.querySelectorAll("#search-results .search-hit").length === 5`)
	read()
	for _, h := range page.Hits {
		if !strings.Contains(h[2], "政策法规股") {
			t.Errorf("7631779 finds %v", h)
		}
	}

	// No results: say so and point to the units and the service catalogue.
	b.eval(`(() => { const q = document.getElementById("search-q"); q.value = ""; q.focus(); return true })()`, nil)
	b.call("Input.insertText", map[string]any{"text": "火车站"})
	b.waitFor(`!document.getElementById("search-none").hidden`)
	read()
	var links []string
	b.eval(`[...document.querySelectorAll("#search-none a")].map(a => a.getAttribute("href"))`, &links)
	if !strings.Contains(page.Status, "没有找到") || len(page.Hits) != 0 {
		t.Errorf("no results: status %q, hits %v", page.Status, page.Hits)
	}
	if !containsAll(links, root+"units/", root+"services/") {
		t.Errorf("no-results links = %v", links)
	}

	// Opening a shared address runs its search.
	b.navigate(base + "search/?q=" + url.QueryEscape("B超"))
	b.waitFor(`document.querySelectorAll("#search-results .search-hit").length > 0`)
	read()
	if page.Hits[0][1] != root+"boundaries/03/#roles" || b.value(`document.getElementById("search-q").value`) != "B超" {
		t.Errorf("?q=B超 shows %v", page.Hits)
	}
}

func containsAll(list []string, want ...string) bool {
	have := map[string]bool{}
	for _, s := range list {
		have[s] = true
	}
	for _, w := range want {
		if !have[w] {
			return false
		}
	}
	return true
}

// served lists the files a server sent, by name under the site root.
type served struct {
	mu    sync.Mutex
	names []string
}

// take returns the names served since the last call.
func (s *served) take() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	names := s.names
	s.names = nil
	return names
}

// serve serves a built site on 127.0.0.1 under root until the test ends
// and returns its address, ending in root, and the log of what it sent.
// Nothing may be cached, so every page load fetches all it needs.
func serve(t *testing.T, files map[string][]byte, root string) (string, *served) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	log := &served{}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, root)
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		data, found := files[name]
		if !ok || !found {
			http.NotFound(w, r)
			return
		}
		log.mu.Lock()
		log.names = append(log.names, name)
		log.mu.Unlock()
		w.Header().Set("Cache-Control", "no-store")
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
	})}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return "http://" + l.Addr().String() + root, log
}

// browser is headless Chromium with one page, spoken to over the DevTools
// protocol's pipe: JSON messages ended by a NUL byte, commands on the
// browser's fd 3, answers and events on its fd 4.
type browser struct {
	t       *testing.T
	w       io.Writer
	mu      sync.Mutex
	next    int
	waiting map[int]chan json.RawMessage
	session string
}

func startBrowser(t *testing.T, chromium string) *browser {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cmdR, cmdW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	profile, err := os.MkdirTemp("", "qingdan-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, chromium, "--headless=new", "--remote-debugging-pipe", "--no-sandbox",
		"--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
		"--user-data-dir="+profile, "about:blank")
	cmd.ExtraFiles = []*os.File{cmdR, outW}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", chromium, err)
	}
	cmdR.Close()
	outW.Close()
	b := &browser{t: t, w: cmdW, waiting: map[int]chan json.RawMessage{}}
	go b.read(outR)
	t.Cleanup(func() {
		// Ask Chromium to close, so that it stops writing its profile;
		// kill it if it has not within ten seconds.
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		data, _ := json.Marshal(map[string]any{"id": -1, "method": "Browser.close"})
		cmdW.Write(append(data, 0))
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cancel()
			<-done
		}
		cancel()
		cmdW.Close()
		os.RemoveAll(profile)
	})

	var target struct{ TargetID string }
	b.decode(b.call("Target.createTarget", map[string]any{"url": "about:blank"}), &target)
	var attached struct{ SessionID string }
	b.decode(b.call("Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}), &attached)
	b.session = attached.SessionID
	b.call("Page.enable", nil)
	return b
}

// read hands each answer to the call waiting for it; events are ignored.
func (b *browser) read(r io.Reader) {
	br := bufio.NewReader(r)
	for {
		msg, err := br.ReadBytes(0)
		if err != nil {
			return
		}
		var m struct {
			ID     int             `json:"id"`
			Result json.RawMessage `json:"result"`
			Error  json.RawMessage `json:"error"`
		}
		if json.Unmarshal(msg[:len(msg)-1], &m) != nil || m.ID == 0 {
			continue
		}
		b.mu.Lock()
		ch := b.waiting[m.ID]
		delete(b.waiting, m.ID)
		b.mu.Unlock()
		if m.Error != nil {
			ch <- append(json.RawMessage(`{"error":`), append(m.Error, '}')...)
			continue
		}
		ch <- m.Result
	}
}

// call sends one command and returns its result, failing the test on an
// error or when the browser does not answer within a minute.
func (b *browser) call(method string, params any) json.RawMessage {
	b.t.Helper()
	b.mu.Lock()
	b.next++
	id := b.next
	ch := make(chan json.RawMessage, 1)
	b.waiting[id] = ch
	msg := map[string]any{"id": id, "method": method, "params": params}
	if b.session != "" {
		msg["sessionId"] = b.session
	}
	data, _ := json.Marshal(msg)
	_, err := b.w.Write(append(data, 0))
	b.mu.Unlock()
	if err != nil {
		b.t.Fatalf("%s: %v", method, err)
	}
	select {
	case res := <-ch:
		if strings.HasPrefix(string(res), `{"error":`) {
			b.t.Fatalf("%s: %s", method, res)
		}
		return res
	case <-time.After(time.Minute):
		b.t.Fatalf("%s: no answer from the browser", method)
	}
	return nil
}

func (b *browser) decode(res json.RawMessage, v any) {
	b.t.Helper()
	if err := json.Unmarshal(res, v); err != nil {
		b.t.Fatalf("decode %s: %v", res, err)
	}
}

// eval evaluates a JavaScript expression in the page and decodes its
// value into v (when v is not nil).
func (b *browser) eval(expr string, v any) {
	b.t.Helper()
	var res struct {
		Result           struct{ Value json.RawMessage }
		ExceptionDetails *struct {
			Text      string
			Exception struct{ Description string }
		}
	}
	b.decode(b.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}), &res)
	if res.ExceptionDetails != nil {
		b.t.Fatalf("%s: %s %s", expr, res.ExceptionDetails.Text, res.ExceptionDetails.Exception.Description)
	}
	if v != nil {
		b.decode(res.Result.Value, v)
	}
}

// value returns a string expression's value.
func (b *browser) value(expr string) string {
	b.t.Helper()
	var s string
	b.eval(expr, &s)
	return s
}

func (b *browser) navigate(u string) {
	b.t.Helper()
	b.call("Page.navigate", map[string]any{"url": u})
}

// waitFor waits until a JavaScript condition holds; a page that never
// gets there fails the test after 20 seconds, with what it shows.
func (b *browser) waitFor(cond string) {
	b.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var ok bool
		b.eval(fmt.Sprintf("(() => { try { return !!(%s) } catch (e) { return false } })()", cond), &ok)
		if ok {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("waited in vain for %s\npage: %s\nstatus: %s", cond,
				b.value("location.href"), b.value(`(document.getElementById("search-status") || {}).textContent || ""`))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// key presses and releases a key such as ArrowDown in the focused element.
func (b *browser) key(name string, code int) {
	b.t.Helper()
	for _, typ := range []string{"rawKeyDown", "keyUp"} {
		b.call("Input.dispatchKeyEvent", map[string]any{"type": typ, "key": name, "code": name, "windowsVirtualKeyCode": code})
	}
}
