package output

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// old is the modification time given to the files of a previous site, so
// that a kept mtime is easy to tell from a new one.
var old = time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)

// writeTree writes files (slash name -> content) under root with mtime old.
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
}

// writeSite writes files as writeTree does, as a site that qingdan wrote:
// with its manifest.
func writeSite(t *testing.T, root string, files map[string]string) {
	t.Helper()
	writeTree(t, root, files)
	names := map[string]bool{}
	for name := range files {
		names[name] = true
	}
	if err := writeManifest(root, names); err != nil {
		t.Fatal(err)
	}
}

// readTree returns every file under root (slash name -> content), but for
// the manifest that marks a site qingdan wrote.
func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || e.Name() == manifestName {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestDirCommit(t *testing.T) {
	tests := []struct {
		name  string
		old   map[string]string // nil: no target yet
		write map[string]string
		want  Stats
		kept  []string // files whose old mtime must survive
	}{
		{
			name:  "first build",
			write: map[string]string{"index.html": "首页", "duties/01/index.html": "职责一"},
			want:  Stats{Written: 2, Changed: 2},
		},
		{
			name:  "nothing changed",
			old:   map[string]string{"index.html": "首页", "duties/01/index.html": "职责一"},
			write: map[string]string{"index.html": "首页", "duties/01/index.html": "职责一"},
			want:  Stats{Written: 2, Unchanged: 2},
			kept:  []string{"index.html", "duties/01/index.html"},
		},
		{
			name:  "changed added removed",
			old:   map[string]string{"index.html": "首页", "a.css": "a{}", "gone/index.html": "旧"},
			write: map[string]string{"index.html": "首页（新）", "a.css": "a{}", "new/index.html": "新"},
			want:  Stats{Written: 3, Changed: 2, Unchanged: 1, Removed: 1},
			kept:  []string{"a.css"},
		},
		{
			name:  "same size different bytes",
			old:   map[string]string{"x.txt": "abc"},
			write: map[string]string{"x.txt": "abd"},
			want:  Stats{Written: 1, Changed: 1},
		},
		{
			name:  "empty site replaces a full one",
			old:   map[string]string{"index.html": "首页", "a/b/c.txt": "c"},
			write: map[string]string{},
			want:  Stats{Removed: 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := filepath.Join(t.TempDir(), "public")
			if tt.old != nil {
				writeSite(t, target, tt.old)
			}
			d, err := NewDir(target)
			if err != nil {
				t.Fatal(err)
			}
			for name, data := range tt.write {
				if err := d.WriteFile(name, []byte(data)); err != nil {
					t.Fatal(err)
				}
			}
			got, err := d.Commit()
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("stats = %+v, want %+v", got, tt.want)
			}
			if files := readTree(t, target); !reflect.DeepEqual(files, tt.write) {
				t.Errorf("target holds %v, want %v", files, tt.write)
			}
			for _, name := range tt.kept {
				fi, err := os.Stat(filepath.Join(target, name))
				if err != nil {
					t.Fatal(err)
				}
				if !fi.ModTime().Equal(old) {
					t.Errorf("%s: mtime %v, want the old %v", name, fi.ModTime(), old)
				}
			}
			for name := range tt.write {
				if tt.old[name] != tt.write[name] {
					if fi, _ := os.Stat(filepath.Join(target, name)); fi.ModTime().Equal(old) {
						t.Errorf("%s changed but kept the old mtime", name)
					}
				}
			}
			if fi, err := os.Stat(target); err != nil || fi.Mode().Perm() != 0o755 {
				t.Errorf("target mode = %v, %v; want 0755", fi.Mode(), err)
			}
			beside := []string{".public.lock", "public"}
			if tt.old != nil {
				beside = []string{".public.lock", ".public.spare", "public"}
			}
			if names := entries(t, filepath.Dir(target)); !reflect.DeepEqual(names, beside) {
				t.Errorf("beside target: %v, want %v", names, beside)
			}
			if tt.old != nil {
				if spare := readTree(t, filepath.Join(filepath.Dir(target), ".public.spare")); !reflect.DeepEqual(spare, tt.old) {
					t.Errorf("spare holds %v, want the old site %v", spare, tt.old)
				}
			}
			if _, err := d.Commit(); err == nil {
				t.Error("second Commit succeeded")
			}
			if err := d.WriteFile("late.html", nil); err == nil {
				t.Error("WriteFile after Commit succeeded")
			}
		})
	}
}

func TestDirAbortLeavesTarget(t *testing.T) {
	for _, first := range []bool{true, false} {
		target := filepath.Join(t.TempDir(), "public")
		before := map[string]string{"index.html": "旧首页"}
		if !first {
			writeSite(t, target, before)
		}
		d, err := NewDir(target)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.WriteFile("index.html", []byte("新首页")); err != nil {
			t.Fatal(err)
		}
		if err := d.Abort(); err != nil {
			t.Fatal(err)
		}
		if first {
			if _, err := os.Stat(target); !os.IsNotExist(err) {
				t.Errorf("aborted first build created the target: %v", err)
			}
		} else if got := readTree(t, target); !reflect.DeepEqual(got, before) {
			t.Errorf("target after Abort = %v, want %v", got, before)
		}
		for _, name := range entries(t, filepath.Dir(target)) {
			if strings.Contains(name, ".tmp-") {
				t.Errorf("Abort left %s", name)
			}
		}
		if _, err := d.Commit(); err == nil {
			t.Error("Commit after Abort succeeded")
		}
	}
}

func TestDirWriteTwiceKeepsOldFile(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	writeSite(t, target, map[string]string{"a.html": "same"})
	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	// The first write hard-links the old file; the second must not write
	// through that link into the live site.
	if err := d.WriteFile("a.html", []byte("same")); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("a.html", []byte("different")); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, target)["a.html"]; got != "same" {
		t.Fatalf("live site changed before Commit: a.html = %q", got)
	}
	st, err := d.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, target)["a.html"]; got != "different" || st != (Stats{Written: 1, Changed: 1}) {
		t.Errorf("after Commit a.html = %q, stats %+v", got, st)
	}
}

func TestDirBadNames(t *testing.T) {
	d, err := NewDir(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, name := range []string{"", ".", "..", "../x", "a/../../x", "/etc/passwd", "a//b", "a/./b", "a/"} {
		if err := d.WriteFile(name, []byte("x")); err == nil || !strings.Contains(err.Error(), "bad output file name") {
			t.Errorf("WriteFile(%q) = %v, want a bad name error", name, err)
		}
	}
	// A refused name does not spoil the rest of the build.
	if err := d.WriteFile("ok.html", []byte("x")); err != nil {
		t.Errorf("WriteFile after a bad name: %v", err)
	}
}

func TestDirWriteErrorAborts(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	before := map[string]string{"index.html": "旧"}
	writeSite(t, target, before)
	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("a", []byte("a file")); err != nil {
		t.Fatal(err)
	}
	err = d.WriteFile("a/b.html", []byte("needs a folder named a"))
	if err == nil || !strings.HasPrefix(err.Error(), "writing "+filepath.Join(target, "a", "b.html")+": ") {
		t.Fatalf("err = %v, want one naming the target file", err)
	}
	if strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("error names the temporary folder: %v", err)
	}
	if _, err := d.Commit(); err == nil {
		t.Error("Commit after a write error succeeded")
	}
	if got := readTree(t, target); !reflect.DeepEqual(got, before) {
		t.Errorf("target = %v, want it untouched", got)
	}
	if names := entries(t, filepath.Dir(target)); !reflect.DeepEqual(names, []string{".public.lock", "public"}) {
		t.Errorf("beside target: %v, want the temporary folder gone", names)
	}
}

func TestNewDirRefuses(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cwd, _ := os.Getwd()
	tests := []struct{ target, want string }{
		{file, "not a directory"},
		{"/", "filesystem root"},
		{".", "current folder"},
		{"..", "current folder"},
		{filepath.Dir(cwd), "current folder"},
	}
	for _, tt := range tests {
		d, err := NewDir(tt.target)
		if err == nil {
			d.Abort()
			t.Errorf("NewDir(%q) succeeded", tt.target)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("NewDir(%q) = %v, want it to mention %q", tt.target, err, tt.want)
		}
	}
}

func TestNewDirLockAndLeftovers(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	writeSite(t, target, map[string]string{"index.html": "首页"})
	leftover := filepath.Join(filepath.Dir(target), ".public.tmp-123456")
	writeTree(t, leftover, map[string]string{"half.html": "半"})
	other := filepath.Join(filepath.Dir(target), ".other.tmp-1")
	writeTree(t, other, map[string]string{"x": "x"})

	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(leftover); !os.IsNotExist(err) {
		t.Errorf("leftover of a killed run still there: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another target's folder was removed: %v", err)
	}
	if d2, err := NewDir(target); err == nil || !strings.Contains(err.Error(), "another qingdan run") {
		if d2 != nil {
			d2.Abort()
		}
		t.Errorf("second NewDir while the first is open: %v, want a lock error", err)
	}
	d.Abort()
	d3, err := NewDir(target)
	if err != nil {
		t.Fatalf("NewDir after Abort: %v", err)
	}
	d3.Abort()
}

// FuzzCheckName: every accepted name stays inside the site when joined to
// its root.
func FuzzCheckName(f *testing.F) {
	for _, s := range []string{"index.html", "duties/01/index.html", "../x", "/etc/passwd", "a//b", "a/./b", ".", "", "a\\..\\..\\b", "..."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if checkName(name) != nil {
			return
		}
		root := filepath.FromSlash("/site/root")
		p := filepath.Join(root, filepath.FromSlash(name))
		if !strings.HasPrefix(p, root+string(filepath.Separator)) {
			t.Errorf("name %q accepted but lands at %s", name, p)
		}
	})
}

func BenchmarkDirRebuild(b *testing.B) {
	target := filepath.Join(b.TempDir(), "public")
	if err := writeVersion(target, 1); err != nil {
		b.Fatal(err)
	}
	for i := 0; b.Loop(); i++ {
		if err := writeVersion(target, i+2); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNewDirKeepsLeftoversWithoutTarget: while the target is missing, a
// folder beside it may be the only copy of the site (swapped out by the
// two-rename fallback when a kill came between the renames), so it stays.
func TestNewDirKeepsLeftoversWithoutTarget(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	leftover := filepath.Join(filepath.Dir(target), ".public.tmp-1-old")
	writeTree(t, leftover, map[string]string{"index.html": "旧网站"})
	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	d.Abort()
	if got := readTree(t, leftover); got["index.html"] != "旧网站" {
		t.Errorf("the only copy of the old site was removed: %v", got)
	}
}

// TestDirConcurrentWrites writes a site from several goroutines over an old
// one, as the parallel renderer does; run with -race. Every file lands, the
// unchanged ones keep their old mtime, and the stats add up.
func TestDirConcurrentWrites(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	oldFiles := map[string]string{}
	for i := 0; i < 200; i += 2 {
		oldFiles[fmt.Sprintf("d%02d/%03d.html", i%7, i)] = fmt.Sprint("页", i)
	}
	writeSite(t, target, oldFiles)
	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	want := map[string]string{}
	for i := 0; i < 300; i++ {
		want[fmt.Sprintf("d%02d/%03d.html", i%7, i)] = fmt.Sprint("页", i)
	}
	names := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range names {
				if err := d.WriteFile(name, []byte(want[name])); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	for name := range want {
		names <- name
	}
	close(names)
	wg.Wait()
	st, err := d.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, target); !reflect.DeepEqual(got, want) {
		t.Errorf("site has %d files, want %d", len(got), len(want))
	}
	if st != (Stats{Written: 300, Changed: 200, Unchanged: 100}) {
		t.Errorf("stats = %+v", st)
	}
	for name := range oldFiles {
		fi, err := os.Stat(filepath.Join(target, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if !fi.ModTime().Equal(old) {
			t.Errorf("%s: mtime %v, want the old %v", name, fi.ModTime(), old)
		}
	}
}
