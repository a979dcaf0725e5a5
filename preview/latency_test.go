package preview

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"qingdan/benchcontent"
	"qingdan/build"
)

// BenchmarkEditToServe measures what an editor waits for: from saving an
// edit of one work item in content/duties.toml to the preview serving the
// item's page with the edit, through the file system and HTTP, on the
// synthetic sites of package benchcontent. ns/op is that latency:
//
//	go test -run '^$' -bench EditToServe -benchtime 20x ./preview/
func BenchmarkEditToServe(b *testing.B) {
	for _, size := range []struct {
		name  string
		items int
	}{{"1k", 1_000}, {"10k", 10_000}} {
		b.Run(size.name, func(b *testing.B) {
			dir := b.TempDir()
			files, err := benchcontent.Site(size.items, 1)
			if err != nil {
				b.Fatal(err)
			}
			for _, f := range files {
				path := filepath.Join(dir, filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					b.Fatal(err)
				}
				if err := os.WriteFile(path, f.Data, 0o644); err != nil {
					b.Fatal(err)
				}
			}
			duties := filepath.Join(dir, "content", "duties.toml")
			orig, err := os.ReadFile(duties)
			if err != nil {
				b.Fatal(err)
			}
			// The first duty's id, and where its first item's text starts.
			at := bytes.Index(orig, []byte("[[duty]]"))
			at += bytes.Index(orig[at:], []byte(`id = "`)) + len(`id = "`)
			duty := string(orig[at : at+bytes.IndexByte(orig[at:], '"')])
			at += bytes.Index(orig[at:], []byte("[[duty.item]]"))
			at += bytes.Index(orig[at:], []byte(`text = "`)) + len(`text = "`)

			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				b.Fatal(err)
			}
			s := New(filepath.Join(dir, "site.toml"), io.Discard, build.Site)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- s.Run(ctx, ln) }()
			defer func() {
				cancel()
				if err := <-done; err != nil {
					b.Error(err)
				}
			}()
			root := ""
			poll(b, func() bool {
				var built bool
				root, built, _ = s.state()
				return built
			})
			site := "http://" + ln.Addr().String() + root
			page := site + "duties/" + duty + "/"

			b.ResetTimer()
			for i := range b.N {
				mark := fmt.Sprintf("（第%d次修改）", i)
				edited := append(append(append([]byte{}, orig[:at]...), mark...), orig[at:]...)
				if err := os.WriteFile(duties, edited, 0o644); err != nil {
					b.Fatal(err)
				}
				poll(b, func() bool { return bytes.Contains(fetch(b, page), []byte(mark)) })
				// An editor pauses between saves: the next edit comes when
				// the search index and open data have caught up.
				b.StopTimer()
				poll(b, func() bool { return bytes.Contains(fetch(b, site+"data/items.csv"), []byte(mark)) })
				b.StartTimer()
			}
		})
	}
}

// poll calls ok every millisecond until it is true, failing after a minute.
func poll(b *testing.B, ok func() bool) {
	b.Helper()
	for deadline := time.Now().Add(time.Minute); !ok(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			b.Fatal("timed out")
		}
	}
}

// fetch returns the body of a GET of url.
func fetch(b *testing.B, url string) []byte {
	b.Helper()
	resp, err := http.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		b.Fatal(err)
	}
	return body
}
