//go:build linux

package preview

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// event encodes one inotify event as the kernel does, with a name padded
// to pad bytes.
func event(mask uint32, pad int) []byte {
	b := make([]byte, syscall.SizeofInotifyEvent+pad)
	binary.NativeEndian.PutUint32(b[4:8], mask)
	binary.NativeEndian.PutUint32(b[12:16], uint32(pad))
	return b
}

func TestWakes(t *testing.T) {
	cat := func(bs ...[]byte) []byte {
		var out []byte
		for _, b := range bs {
			out = append(out, b...)
		}
		return out
	}
	tests := []struct {
		name   string
		events []byte
		want   bool
	}{
		{"none", nil, false},
		{"file saved", event(syscall.IN_CLOSE_WRITE, 16), true},
		{"file replaced", event(syscall.IN_MOVED_TO, 16), true},
		{"file removed", event(syscall.IN_DELETE, 16), true},
		{"file created, not yet written", event(syscall.IN_CREATE, 16), false},
		{"folder created", event(syscall.IN_CREATE|syscall.IN_ISDIR, 16), true},
		{"created then saved", cat(event(syscall.IN_CREATE, 16), event(syscall.IN_CLOSE_WRITE, 32)), true},
		{"two files created", cat(event(syscall.IN_CREATE, 0), event(syscall.IN_CREATE, 16)), false},
		{"queue overflow", event(syscall.IN_Q_OVERFLOW, 0), true},
		{"cut short", event(syscall.IN_CREATE, 16)[:syscall.SizeofInotifyEvent+4], true},
	}
	for _, tt := range tests {
		if got := wakes(tt.events); got != tt.want {
			t.Errorf("%s: wakes = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestNotifier makes one change under a fresh notifier per case and waits
// for it to wake; a fresh notifier has no wake-up left from an earlier case.
func TestNotifier(t *testing.T) {
	write := func(t *testing.T, path string) {
		t.Helper()
		if err := os.WriteFile(path, []byte("x = 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name   string
		before func(t *testing.T, dir string) // the site before the watch
		change func(t *testing.T, dir string)
	}{
		{"file saved", nil, func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "content", "duties.toml"))
		}},
		{"file saved in a sub-folder", func(t *testing.T, dir string) {
			if err := os.Mkdir(filepath.Join(dir, "content", "supervision"), 0o755); err != nil {
				t.Fatal(err)
			}
		}, func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "content", "supervision", "01.md"))
		}},
		{"site.toml replaced", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "site.toml"))
		}, func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "site.toml.new"))
			if err := os.Rename(filepath.Join(dir, "site.toml.new"), filepath.Join(dir, "site.toml")); err != nil {
				t.Fatal(err)
			}
		}},
		{"missing site.toml written", nil, func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "site.toml"))
		}},
		{"folder made", nil, func(t *testing.T, dir string) {
			if err := os.Mkdir(filepath.Join(dir, "content", "new"), 0o755); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.Mkdir(filepath.Join(dir, "content"), 0o755); err != nil {
				t.Fatal(err)
			}
			if tt.before != nil {
				tt.before(t, dir)
			}
			n := newNotifier()
			if n == nil {
				t.Fatal("inotify is not available")
			}
			defer n.close()
			n.add([]string{filepath.Join(dir, "site.toml"), filepath.Join(dir, "content")})
			tt.change(t, dir)
			select {
			case <-n.events():
			case <-time.After(10 * time.Second):
				t.Fatal("no wake-up")
			}
		})
	}
}
