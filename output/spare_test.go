package output

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// build writes files (slash name -> content) to target with Dir and commits.
func build(t testing.TB, target string, files map[string]string) Stats {
	t.Helper()
	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for name, data := range files {
		if err := d.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	st, err := d.Commit()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestDirReusesSpare builds three versions of a site; the third is written
// into the spare that the second left, after the spare was damaged the way a
// killed build or a curious person might. The third site must be exact, its
// unchanged files shared with the spare (hard links, old mtime), and the
// spare must then hold exactly the second site.
func TestDirReusesSpare(t *testing.T) {
	v1 := map[string]string{"index.html": "首页一", "a/1.html": "甲", "a/2.html": "乙", "b/c/3.html": "丙", "gone/x.html": "旧"}
	v2 := map[string]string{"index.html": "首页二", "a/1.html": "甲", "a/2.html": "乙", "b/c/3.html": "丙", "d/4.html": "丁"}
	v3 := map[string]string{"index.html": "首页三", "a/1.html": "甲", "a/2.html": "乙改", "b/c/3.html": "丙", "e/5.html": "戊"}
	tests := []struct {
		name   string
		damage func(t *testing.T, spare string)
		reused bool // the folder a of the first site is that of the third
	}{
		{"as left", func(t *testing.T, spare string) {}, true},
		{"stale files and folders", func(t *testing.T, spare string) {
			writeTree(t, spare, map[string]string{"stale.html": "x", "z/y/stale.html": "y", "a/stale.html": "z"})
		}, true},
		{"folder where a file goes", func(t *testing.T, spare string) {
			os.Remove(filepath.Join(spare, "a", "1.html"))
			writeTree(t, spare, map[string]string{"a/1.html/inner.html": "x"})
		}, true},
		{"file where a folder goes", func(t *testing.T, spare string) {
			os.RemoveAll(filepath.Join(spare, "e"))
			writeTree(t, spare, map[string]string{"e": "a file named like a folder"})
		}, true},
		{"other bytes under an unchanged name", func(t *testing.T, spare string) {
			p := filepath.Join(spare, "b", "c", "3.html")
			os.Remove(p)
			writeTree(t, spare, map[string]string{"b/c/3.html": "丙丙"})
		}, true},
		{"symbolic link under a name", func(t *testing.T, spare string) {
			p := filepath.Join(spare, "a", "2.html")
			os.Remove(p)
			if err := os.Symlink("/etc/passwd", p); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"spare emptied", func(t *testing.T, spare string) {
			// Moved away, not deleted: a deleted folder's inode number
			// may be given to the new folder a.
			if err := os.Rename(spare, spare+"-moved"); err != nil {
				t.Fatal(err)
			}
			os.Mkdir(spare, 0o755)
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := filepath.Join(t.TempDir(), "public")
			spare := filepath.Join(filepath.Dir(target), ".public.spare")
			writeSite(t, target, v1)
			folderA := inode(t, filepath.Join(target, "a"))
			build(t, target, v2)
			if got := readTree(t, spare); !reflect.DeepEqual(got, v1) {
				t.Fatalf("spare after the second build = %v, want the first site", got)
			}
			tt.damage(t, spare)
			st := build(t, target, v3)
			if want := (Stats{Written: 5, Changed: 3, Unchanged: 2, Removed: 1}); st != want {
				t.Errorf("stats = %+v, want %+v", st, want)
			}
			if got := readTree(t, target); !reflect.DeepEqual(got, v3) {
				t.Errorf("target = %v, want %v", got, v3)
			}
			if reused := inode(t, filepath.Join(target, "a")) == folderA; reused != tt.reused {
				t.Errorf("folder a reused from the spare: %v, want %v", reused, tt.reused)
			}
			if got := readTree(t, spare); !reflect.DeepEqual(got, v2) {
				t.Errorf("spare = %v, want the second site %v", got, v2)
			}
			for _, name := range []string{"a/1.html", "b/c/3.html"} {
				p := filepath.Join(target, filepath.FromSlash(name))
				if inode(t, p) != inode(t, filepath.Join(spare, filepath.FromSlash(name))) {
					t.Errorf("%s: unchanged but not shared with the spare", name)
				}
				if fi, err := os.Stat(p); err != nil || !fi.ModTime().Equal(old) {
					t.Errorf("%s: unchanged but mtime %v (%v), want %v", name, fi.ModTime(), err, old)
				}
			}
		})
	}
}

// TestDirSpareNeverWritesThrough: a spare file is a hard link to the live
// site's file; a build that changes it must leave the live file untouched
// until Commit, and an aborted one for good.
func TestDirSpareNeverWritesThrough(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	site := map[string]string{"index.html": "首页", "a/b.html": "页"}
	writeSite(t, target, site)
	build(t, target, site)
	build(t, target, site)
	p := filepath.Join(target, "a", "b.html")
	if inode(t, p) != inode(t, filepath.Join(filepath.Dir(target), ".public.spare", "a", "b.html")) {
		t.Fatal("after two builds of the same site the spare does not share a/b.html")
	}
	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("a/b.html", []byte("新页")); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, target); !reflect.DeepEqual(got, site) {
		t.Errorf("live site changed before Commit: %v", got)
	}
	d.Abort()
	if got := readTree(t, target); !reflect.DeepEqual(got, site) {
		t.Errorf("live site changed by an aborted build: %v", got)
	}
	if fi, err := os.Stat(p); err != nil || !fi.ModTime().Equal(old) {
		t.Errorf("live a/b.html mtime changed by an aborted build: %v, %v", fi.ModTime(), err)
	}
}

// TestDirSpareWithoutTarget: with the site deleted but its spare still
// there, the next build is a first build (every file new, new mtimes), and
// files the spare already holds are kept rather than made again.
func TestDirSpareWithoutTarget(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	site := map[string]string{"index.html": "首页", "a/b.html": "页", "a/c.html": "旧"}
	writeSite(t, target, site)
	build(t, target, site)
	spare := filepath.Join(filepath.Dir(target), ".public.spare")
	kept := inode(t, filepath.Join(spare, "index.html"))
	if err := os.RemoveAll(target); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "首页", "a/b.html": "新页"}
	if st := build(t, target, want); st != (Stats{Written: 2, Changed: 2}) {
		t.Errorf("stats = %+v, want every file new", st)
	}
	if got := readTree(t, target); !reflect.DeepEqual(got, want) {
		t.Errorf("target = %v, want %v", got, want)
	}
	if inode(t, filepath.Join(target, "index.html")) != kept {
		t.Error("index.html was made again though the spare held its bytes")
	}
	for name := range want {
		if fi, err := os.Stat(filepath.Join(target, name)); err != nil || fi.ModTime().Equal(old) {
			t.Errorf("%s: the old mtime in a first build (%v)", name, err)
		}
	}
}

// TestDirNameConflict: a name used for a file and for a folder fails the
// build, whichever comes first, and leaves the target as it was.
func TestDirNameConflict(t *testing.T) {
	tests := []struct{ first, second string }{
		{"a", "a/b.html"},
		{"a/b.html", "a"},
		{"x/y/z.html", "x"},
	}
	for _, tt := range tests {
		target := filepath.Join(t.TempDir(), "public")
		writeSite(t, target, map[string]string{"index.html": "旧"})
		d, err := NewDir(target)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.WriteFile(tt.first, []byte("1")); err != nil {
			t.Fatal(err)
		}
		err = d.WriteFile(tt.second, []byte("2"))
		if err == nil || !strings.Contains(err.Error(), "both a file and a folder") {
			t.Errorf("%s then %s: err = %v, want a conflict", tt.first, tt.second, err)
		}
		if _, err := d.Commit(); err == nil {
			t.Errorf("%s then %s: Commit succeeded", tt.first, tt.second)
		}
		if got := readTree(t, target); !reflect.DeepEqual(got, map[string]string{"index.html": "旧"}) {
			t.Errorf("target = %v, want it untouched", got)
		}
	}
}

// benchSite is a site of n small files, two to a folder, as the generator
// writes them (item pages in their own folders).
func benchSite(n int) map[string]string {
	files := map[string]string{}
	for i := 0; i < n; i++ {
		files[fmt.Sprintf("items/%04d/%d.html", i/2, i%2)] = strings.Repeat(fmt.Sprintf("<p>第%d项</p>", i), 100)
	}
	return files
}

// BenchmarkDirWrite writes a site of 2,000 small files: into a new folder
// (first build, nothing beside the target), and again with the same bytes
// (a rebuild, the spare in steady use).
func BenchmarkDirWrite(b *testing.B) {
	site := benchSite(2000)
	b.Run("first", func(b *testing.B) {
		dir := b.TempDir()
		target := filepath.Join(dir, "public")
		for b.Loop() {
			build(b, target, site)
			b.StopTimer()
			for _, name := range []string{"public", ".public.spare"} {
				if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
					b.Fatal(err)
				}
			}
			b.StartTimer()
		}
	})
	b.Run("rebuild", func(b *testing.B) {
		target := filepath.Join(b.TempDir(), "public")
		build(b, target, site)
		build(b, target, site)
		for b.Loop() {
			build(b, target, site)
		}
	})
}

// TestDirModes: the folder being written and the spare are closed to
// other users (a web server whose root holds the target must serve neither
// a half-written site nor an old one); the site itself is open.
func TestDirModes(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	spare := filepath.Join(filepath.Dir(target), ".public.spare")
	mode := func(p string) os.FileMode {
		t.Helper()
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Mode().Perm()
	}
	for i, site := range []map[string]string{{"index.html": "一"}, {"index.html": "二"}, {"index.html": "三"}} {
		d, err := NewDir(target)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.WriteFile("index.html", []byte(site["index.html"])); err != nil {
			t.Fatal(err)
		}
		if m := mode(d.work); m != privateMode {
			t.Errorf("build %d: the folder being written has mode %v, want %v", i+1, m, os.FileMode(privateMode))
		}
		if _, err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		if m := mode(target); m != publicMode {
			t.Errorf("build %d: the site has mode %v, want %v", i+1, m, os.FileMode(publicMode))
		}
		if i > 0 {
			if m := mode(spare); m != privateMode {
				t.Errorf("build %d: the spare has mode %v, want %v", i+1, m, os.FileMode(privateMode))
			}
		}
	}
	// A spare left open (a crash after the swap) is closed again.
	if err := os.Chmod(spare, 0o755); err != nil {
		t.Fatal(err)
	}
	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if m := mode(spare); m != privateMode {
		t.Errorf("an open spare being reused has mode %v, want %v", m, os.FileMode(privateMode))
	}
}
