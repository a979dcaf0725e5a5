package output

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestWriteFile(t *testing.T) {
	tests := []struct {
		name   string
		before string // "" means no file yet
		data   string
		perm   os.FileMode
	}{
		{"new file", "", "报告", 0o644},
		{"replace", "旧的报告", "新的报告", 0o600},
		{"empty", "x", "", 0o644},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report.pdf")
			if tt.before != "" {
				if err := os.WriteFile(path, []byte(tt.before), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := WriteFile(path, []byte(tt.data), tt.perm); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if err != nil || string(got) != tt.data {
				t.Errorf("file = %q, %v; want %q", got, err, tt.data)
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != tt.perm {
				t.Errorf("mode = %v, want %v", fi.Mode().Perm(), tt.perm)
			}
			if names := entries(t, dir); !reflect.DeepEqual(names, []string{"report.pdf"}) {
				t.Errorf("folder holds %v, want only report.pdf", names)
			}
		})
	}
}

func TestWriteFileMissingDir(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "report.pdf")
	err := WriteFile(path, []byte("x"), 0o644)
	if err == nil || !strings.HasPrefix(err.Error(), "writing "+path+": ") {
		t.Errorf("err = %v, want one naming %s", err, path)
	}
}

// mountTmpfs mounts a tmpfs of the given size at a new folder and unmounts it
// when the test ends; it skips the test where mounting is not permitted.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput()
	if err != nil {
		t.Skipf("cannot mount a small tmpfs to fill up (needs root and CAP_SYS_ADMIN): %v: %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

func TestDirFullDisk(t *testing.T) {
	disk := mountTmpfs(t, "256k")
	target := filepath.Join(disk, "public")
	before := map[string]string{"index.html": "旧首页", "duties/01/index.html": "旧职责"}
	writeSite(t, target, before)

	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	page := []byte(strings.Repeat("责任清单", 8<<10)) // 96 KiB
	var werr error
	for i := 0; i < 10 && werr == nil; i++ {
		werr = d.WriteFile(filepath.ToSlash(filepath.Join("duties", string(rune('a'+i)), "index.html")), page)
	}
	if werr == nil || !strings.Contains(werr.Error(), "no space left on device") || !strings.HasPrefix(werr.Error(), "writing "+target+"/duties/") {
		t.Fatalf("err = %v, want a full-disk error naming the page", werr)
	}
	t.Log(werr)
	if got := readTree(t, target); !reflect.DeepEqual(got, before) {
		t.Errorf("target = %v, want it untouched", got)
	}
	if names := entries(t, disk); !reflect.DeepEqual(names, []string{".public.lock", "public"}) {
		t.Errorf("disk holds %v, want the temporary folder removed", names)
	}
}

func TestWriteFileFullDisk(t *testing.T) {
	disk := mountTmpfs(t, "64k")
	path := filepath.Join(disk, "ledger.json")
	if err := os.WriteFile(path, []byte("旧"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, make([]byte, 1<<20), 0o644)
	if err == nil || err.Error() != "writing "+path+": no space left on device" {
		t.Fatalf("err = %v, want a full-disk error naming %s", err, path)
	}
	if got, _ := os.ReadFile(path); string(got) != "旧" {
		t.Errorf("file = %q, want it untouched", got)
	}
	if names := entries(t, disk); !reflect.DeepEqual(names, []string{"ledger.json"}) {
		t.Errorf("disk holds %v, want the temporary file removed", names)
	}
}
