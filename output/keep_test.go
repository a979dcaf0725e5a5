package output

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeepFolder: a rebuild carries a folder of the current site over as
// it is (the same files, counted as unchanged), with the spare and
// without; a folder with a file missing from the current site is kept not
// at all, and what the build then writes is the site.
func TestKeepFolder(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	v1 := map[string]string{"index.html": "首页一", "a/1.html": "甲", "a/b/2.html": "乙", "c/3.html": "丙"}
	build(t, target, v1)
	old := inode(t, filepath.Join(target, "a", "b", "2.html"))

	for round, reused := range []bool{false, true} { // the second rebuild writes into the spare
		d, err := NewDir(target)
		if err != nil {
			t.Fatal(err)
		}
		if d.reused != reused {
			t.Fatalf("rebuild %d: reused = %v", round, d.reused)
		}
		if data, err := d.Current("index.html"); err != nil || string(data) != "首页一" {
			t.Errorf("Current(index.html) = %q, %v", data, err)
		}
		if _, err := d.Current("none.html"); err == nil {
			t.Error("Current of a file the site lacks is not an error")
		}
		if _, err := d.Current("a"); err == nil {
			t.Error("Current of a folder is not an error")
		}
		if d.KeepFolder("nothing") || d.KeepFolder("../a") {
			t.Error("KeepFolder of a folder the site lacks, or outside it, kept something")
		}
		if !d.KeepFolder("a") {
			t.Fatal("KeepFolder(a) kept nothing")
		}
		for name, data := range map[string]string{"index.html": "首页一", "c/3.html": "丙改"} {
			if err := d.WriteFile(name, []byte(data)); err != nil {
				t.Fatal(err)
			}
		}
		st, err := d.Commit()
		if err != nil {
			t.Fatal(err)
		}
		want := maps.Clone(v1)
		want["c/3.html"] = "丙改"
		if got := readTree(t, target); !maps.Equal(got, want) {
			t.Errorf("rebuild %d: site = %v, want %v", round, got, want)
		}
		if st.Written != 4 || st.Changed != 1-round || st.Unchanged != 3+round {
			t.Errorf("rebuild %d: %+v", round, st)
		}
		if inode(t, filepath.Join(target, "a", "b", "2.html")) != old {
			t.Errorf("rebuild %d: a kept file is not the same file", round)
		}
	}

	// A file of the folder deleted from the site by hand: nothing of the
	// folder is kept, and the build writes it whole.
	if err := os.Remove(filepath.Join(target, "a", "1.html")); err != nil {
		t.Fatal(err)
	}
	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if d.KeepFolder("a") {
		t.Fatal("a folder missing a file was kept")
	}
	for name, data := range map[string]string{"index.html": "首页一", "a/1.html": "甲", "c/3.html": "丙改"} {
		if err := d.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "首页一", "a/1.html": "甲", "c/3.html": "丙改"}
	if got := readTree(t, target); !maps.Equal(got, want) {
		t.Errorf("after a folder could not be kept, site = %v, want %v", got, want)
	}

	// Current reads nothing larger than maxCurrent.
	big := filepath.Join(t.TempDir(), "public")
	build(t, big, map[string]string{"big.json": strings.Repeat("x", maxCurrent+1)})
	bd, err := NewDir(big)
	if err != nil {
		t.Fatal(err)
	}
	defer bd.Abort()
	if _, err := bd.Current("big.json"); err == nil {
		t.Error("Current read a file larger than maxCurrent")
	}
}
