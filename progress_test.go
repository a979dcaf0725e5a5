package main

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"qingdan/msg"
	"qingdan/output"
)

// recorder is an Output that keeps what it is given.
type recorder struct {
	mu    sync.Mutex
	files map[string]string
	fail  string // name whose write fails
}

func (r *recorder) WriteFile(name string, data []byte) error {
	if name == r.fail {
		return errors.New("disk full")
	}
	r.mu.Lock()
	r.files[name] = string(data)
	r.mu.Unlock()
	return nil
}

func TestProgressPassesFilesOnAndSummarizes(t *testing.T) {
	var w bytes.Buffer
	rec := &recorder{files: map[string]string{}, fail: "bad.html"}
	p := newProgress(&w, rec, 3)
	for _, name := range []string{"index.html", "duties/01/index.html"} {
		if err := p.WriteFile(name, []byte("<p>"+name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.WriteFile("bad.html", []byte("x")); err == nil {
		t.Error("a failed write was not reported")
	}
	if rec.files["duties/01/index.html"] != "<p>duties/01/index.html" || len(rec.files) != 2 {
		t.Errorf("files passed on: %v", rec.files)
	}
	if w.Len() != 0 {
		t.Errorf("progress wrote to a non-terminal before Done: %q", w.String())
	}
	p.Done("public", output.Stats{Written: 2, Changed: 1, Unchanged: 1}, time.Now())
	got := w.String()
	want := "qingdan: 已生成 public：2 个文件：1 个有变化，1 个未变，0 个删除，36 B，用时 "
	if !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 1 || strings.Contains(got, "\r") {
		t.Errorf("summary:\n got %q\nwant %q...", got, want)
	}
}

func TestProgressLine(t *testing.T) {
	defer msg.SetLang(msg.ZH)
	tests := []struct {
		lang         msg.Lang
		total, files int
		elapsed      time.Duration
		want         string
	}{
		{msg.EN, 1000, 250, time.Second, "qingdan: building: 250/1000 files (25%), 250 files/s"},
		{msg.EN, 0, 40, 2 * time.Second, "qingdan: building: 40 files, 20 files/s"},
		{msg.EN, 10, 12, time.Second, "qingdan: building: 12/10 files (100%), 12 files/s"},
		{msg.EN, 10, 0, 0, "qingdan: building: 0/10 files (0%)"},
		{msg.ZH, 1000, 250, time.Second, "qingdan: 正在生成：250/1000 个文件（25%），每秒 250 个"},
		{msg.ZH, 0, 40, 2 * time.Second, "qingdan: 正在生成：40 个文件，每秒 20 个"},
	}
	for _, tt := range tests {
		msg.SetLang(tt.lang)
		p := newProgress(&bytes.Buffer{}, &recorder{files: map[string]string{}}, tt.total)
		for range tt.files {
			p.WriteFile("f", nil)
		}
		if got := p.line(tt.elapsed); got != tt.want {
			t.Errorf("line(total %d, files %d) = %q, want %q", tt.total, tt.files, got, tt.want)
		}
		p.Stop()
	}
}

func TestProgressStopTwice(t *testing.T) {
	var w bytes.Buffer
	p := newProgress(&w, &recorder{files: map[string]string{}}, 0)
	p.Stop()
	p.Stop()
	if w.Len() != 0 {
		t.Errorf("Stop on a non-terminal wrote %q", w.String())
	}
}

func TestSizeOf(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{{0, "0 B"}, {1023, "1023 B"}, {2048, "2 KB"}, {5 << 20, "5.0 MB"}, {3 << 30, "3.0 GB"}}
	for _, tt := range tests {
		if got := sizeOf(tt.n); got != tt.want {
			t.Errorf("sizeOf(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// lockedBuffer is a buffer the progress goroutine and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestProgressOnTerminal(t *testing.T) {
	var w lockedBuffer
	p := startProgress(&w, &recorder{files: map[string]string{}}, 4, true)
	p.WriteFile("a", []byte("x"))
	// The line is drawn by a ticker; wait for the first one.
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(w.String(), "1/4 个文件（25%）"); {
		if time.Now().After(deadline) {
			t.Fatalf("no progress line on a terminal: %q", w.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	p.Done("public", output.Stats{Written: 1, Changed: 1}, time.Now())
	got := w.String()
	if !strings.HasPrefix(got, "\r\033[Kqingdan: 正在生成：1/4 个文件（25%）") {
		t.Errorf("progress line does not redraw in place: %q", got)
	}
	if !strings.Contains(got, "\r\033[Kqingdan: 已生成 public：1 个文件：1 个有变化") {
		t.Errorf("summary does not replace the progress line: %q", got)
	}
}

// discard is an Output that drops every file.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// BenchmarkProgressWriteFile is the cost progress adds to each file of a
// build, with the progress line being drawn.
func BenchmarkProgressWriteFile(b *testing.B) {
	var w lockedBuffer
	p := startProgress(&w, discard{}, 1_000_000, true)
	data := make([]byte, 8<<10)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			p.WriteFile("duties/01/index.html", data)
		}
	})
	p.Stop()
}
