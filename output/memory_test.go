package output

import (
	"fmt"
	"sync"
	"testing"
)

func TestMemory(t *testing.T) {
	m := NewMemory()
	steps := []struct {
		write       map[string]string
		want        Stats
		wantVersion uint64
	}{
		{map[string]string{"index.html": "首页", "a.css": "a{}"}, Stats{Written: 2, Changed: 2}, 1},
		{map[string]string{"index.html": "首页", "a.css": "a{}"}, Stats{Written: 2, Unchanged: 2}, 1},
		{map[string]string{"index.html": "新首页", "a.css": "a{}"}, Stats{Written: 2, Changed: 1, Unchanged: 1}, 2},
		{map[string]string{"index.html": "新首页"}, Stats{Written: 1, Unchanged: 1, Removed: 1}, 3},
	}
	for i, s := range steps {
		before := map[string]*File{}
		for name := range s.write {
			before[name], _ = m.Open(name)
		}
		for name, data := range s.write {
			if err := m.WriteFile(name, []byte(data)); err != nil {
				t.Fatal(err)
			}
		}
		if got := m.Commit(); got != s.want {
			t.Errorf("step %d: stats %+v, want %+v", i, got, s.want)
		}
		if v := m.Version(); v != s.wantVersion {
			t.Errorf("step %d: version %d, want %d", i, v, s.wantVersion)
		}
		for name, data := range s.write {
			f, ok := m.Open(name)
			if !ok || string(f.Data) != data {
				t.Fatalf("step %d: %s = %v, want %q", i, name, f, data)
			}
			if b := before[name]; b != nil && string(b.Data) == data && b != f {
				t.Errorf("step %d: unchanged %s got a new identity", i, name)
			}
			if b := before[name]; b != nil && string(b.Data) != data && b.ETag == f.ETag {
				t.Errorf("step %d: changed %s kept its ETag", i, name)
			}
		}
	}
	if _, ok := m.Open("a.css"); ok {
		t.Error("removed file still served")
	}
}

func TestMemoryDiscard(t *testing.T) {
	m := NewMemory()
	m.WriteFile("index.html", []byte("好"))
	m.Commit()
	m.WriteFile("index.html", []byte("坏"))
	m.WriteFile("extra.html", []byte("坏"))
	if f, _ := m.Open("index.html"); string(f.Data) != "好" {
		t.Errorf("uncommitted write served: %q", f.Data)
	}
	m.Discard()
	m.WriteFile("index.html", []byte("好"))
	if st := m.Commit(); st != (Stats{Written: 1, Unchanged: 1}) {
		t.Errorf("after Discard stats %+v: discarded files leaked into the next site", st)
	}
}

func TestMemoryCopiesData(t *testing.T) {
	m := NewMemory()
	buf := []byte("原文")
	m.WriteFile("a.html", buf)
	m.Commit()
	copy(buf, "改了")
	if f, _ := m.Open("a.html"); string(f.Data) != "原文" {
		t.Errorf("Memory kept the caller's buffer: %q", f.Data)
	}
	if err := m.WriteFile("../a.html", nil); err == nil {
		t.Error("Memory accepted a name outside the site")
	}
}

// TestMemoryConcurrent reads while rebuilds commit; run with -race.
func TestMemoryConcurrent(t *testing.T) {
	m := NewMemory()
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if f, ok := m.Open("index.html"); ok && len(f.Data) == 0 {
					t.Error("served an empty page")
				}
				m.Version()
			}
		}()
	}
	for v := 0; v < 200; v++ {
		m.WriteFile("index.html", []byte(fmt.Sprint("版本", v)))
		m.Commit()
	}
	close(stop)
	wg.Wait()
	if got := m.Version(); got != 200 {
		t.Errorf("version = %d, want 200", got)
	}
}

func TestMemoryKeep(t *testing.T) {
	m := NewMemory()
	m.WriteFile("a.html", []byte("甲"))
	m.WriteFile("b.html", []byte("乙"))
	m.Commit()
	a, _ := m.Open("a.html")
	if !m.Keep("a.html") {
		t.Fatal("Keep(a.html) = false for a file of the current site")
	}
	if m.Keep("c.html") {
		t.Error("Keep(c.html) = true for a file the site does not have")
	}
	st := m.Commit()
	if st != (Stats{Written: 1, Unchanged: 1, Removed: 1}) {
		t.Errorf("stats = %+v, want a.html kept and b.html removed", st)
	}
	if got, ok := m.Open("a.html"); !ok || got != a {
		t.Errorf("a.html after Keep = %v, want the same file", got)
	}
	if _, ok := m.Open("b.html"); ok {
		t.Error("b.html neither written nor kept but still served")
	}
}

// TestMemoryCounts: Commit's counts, kept as files are written, hold when
// a name is written or kept twice, kept and then written anew, after a
// Discard, and for new names.
func TestMemoryCounts(t *testing.T) {
	m := NewMemory()
	m.WriteFile("a.html", []byte("甲"))
	m.WriteFile("b.html", []byte("乙"))
	m.WriteFile("c.html", []byte("丙"))
	m.Commit()
	m.WriteFile("a.html", []byte("新"))
	m.Discard()
	m.Keep("a.html")
	m.Keep("a.html")
	m.Keep("b.html")
	m.WriteFile("b.html", []byte("新乙"))
	m.WriteFile("d.html", []byte("丁"))
	m.WriteFile("d.html", []byte("丁二"))
	m.WriteFile("c.html", []byte("新丙"))
	m.WriteFile("c.html", []byte("丙"))
	if st := m.Commit(); st != (Stats{Written: 4, Unchanged: 2, Changed: 2}) {
		t.Errorf("stats = %+v, want a and c unchanged, b changed, d new, none removed", st)
	}
	m.Keep("d.html")
	if st := m.Commit(); st != (Stats{Written: 1, Unchanged: 1, Removed: 3}) {
		t.Errorf("stats = %+v, want d kept and the other three removed", st)
	}
}
