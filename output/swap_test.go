package output

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestSwapByRenames: the sequence used where two folders cannot be
// exchanged in one step (Windows) puts the new site in place and the old one
// aside, and a failed second rename puts the old site back.
func TestSwapByRenames(t *testing.T) {
	oldSite := map[string]string{"index.html": "旧网站", "a/b.html": "乙"}
	newSite := map[string]string{"index.html": "新网站"}
	tests := []struct {
		name       string
		work       bool // the new site exists
		wantErr    bool
		wantTarget map[string]string
		wantAside  map[string]string
	}{
		{"swapped", true, false, newSite, oldSite},
		{"second rename fails", false, true, oldSite, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			work, target, aside := filepath.Join(dir, "work"), filepath.Join(dir, "public"), filepath.Join(dir, "aside")
			writeTree(t, target, oldSite)
			if tt.work {
				writeTree(t, work, newSite)
			}
			err := swapByRenames(work, target, aside)
			if (err != nil) != tt.wantErr {
				t.Fatalf("swapByRenames: %v, want error %v", err, tt.wantErr)
			}
			if got := readTree(t, target); !reflect.DeepEqual(got, tt.wantTarget) {
				t.Errorf("target holds %v, want %v", got, tt.wantTarget)
			}
			_, err = os.Lstat(aside)
			switch {
			case tt.wantAside == nil && err == nil:
				t.Errorf("%s is left after the roll-back", aside)
			case tt.wantAside != nil:
				if got := readTree(t, aside); !reflect.DeepEqual(got, tt.wantAside) {
					t.Errorf("aside holds %v, want %v", got, tt.wantAside)
				}
			}
		})
	}
}

// TestNewDirRestoresAside: a run killed between the two renames left the
// target missing and the old site aside; the next NewDir puts it back
// before anything else, and a build then replaces it as usual.
func TestNewDirRestoresAside(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	parent, base := filepath.Split(target)
	oldSite := map[string]string{"index.html": "旧网站", "a/b.html": "乙"}
	writeTree(t, asideName(parent, base), oldSite)
	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, target); !reflect.DeepEqual(got, oldSite) {
		t.Errorf("target holds %v after NewDir, want the old site %v", got, oldSite)
	}
	if err := d.WriteFile("index.html", []byte("新网站")); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, target); !reflect.DeepEqual(got, map[string]string{"index.html": "新网站"}) {
		t.Errorf("target holds %v after the build", got)
	}
	if _, err := os.Lstat(asideName(parent, base)); err == nil {
		t.Errorf("the restored aside folder is still there")
	}
}

// TestLockFile: one holder at a time, the next one refused at once with
// ErrLocked, the lock free again once its file is closed, and the file
// readable by others meanwhile (the pipeline writes its PID there).
func TestLockFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.lock")
	f, err := LockFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte("1234\n"), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := LockFile(path); !errors.Is(err, ErrLocked) {
		t.Errorf("second LockFile: %v, want ErrLocked", err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "1234\n" {
		t.Errorf("reading the locked file: %q, %v", b, err)
	}
	f.Close()
	g, err := LockFile(path)
	if err != nil {
		t.Fatalf("LockFile after the holder closed it: %v", err)
	}
	g.Close()
}
