package preview

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qingdan/build"
)

// TestEditWhileStartingIsSeen: an edit saved after the first build read the
// files, but before the watch loop first looks, is rebuilt. Run arms the
// watch before its first build; here the edit lands between the two in a
// fixed order, so the test does not depend on the scheduler.
func TestEditWhileStartingIsSeen(t *testing.T) {
	dir := copySite(t)
	s := New(filepath.Join(dir, "site.toml"), io.Discard, build.Site)
	w := s.startWatch()
	defer w.notify.close()
	s.Build()
	page := root + "duties/01/"
	if _, body := get(t, s, page); !strings.Contains(body, "组织对人口和计划生育重大问题") {
		t.Fatalf("first build lacks the text:\n%s", body)
	}
	edit(t, dir, "content/duties.toml", "组织对人口和计划生育重大问题", "组织对人口发展重大问题（已修改）")

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.watch(ctx, w); close(done) }()
	defer func() { cancel(); <-done }()
	// A bound for a broken watch, not a speed check: a loaded machine
	// takes what it takes.
	deadline := time.Now().Add(20 * time.Second)
	for {
		_, body := get(t, s, page)
		if strings.Contains(body, "组织对人口发展重大问题（已修改）") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the edit saved while the preview started was never built; page:\n%s", body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
