package source

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"qingdan/msg"
)

func TestMessages(t *testing.T) { msg.Check(t) }

// TestGuard reads names of a content folder through Guard: regular files
// and links that stay inside are read; links out, loops, FIFOs, devices and
// files over MaxFile are refused before they are opened.
func TestGuard(t *testing.T) {
	link := func(to string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(to), Mode: fs.ModeSymlink} }
	fsys := guarded{fstest.MapFS{
		"units.toml":             {Data: []byte("[[unit]]\n")},
		"supervision/01.md":      {Data: []byte("+++\n")},
		"supervision/same.md":    link("01.md"),
		"supervision/up.md":      link("../units.toml"),
		"supervision/etc.md":     link("/etc/passwd"),
		"supervision/out.md":     link("../../casefiles/2025/001.toml"),
		"supervision/win.md":     link(`C:\Windows\win.ini`),
		"loop/a":                 link("b"),
		"loop/b":                 link("a"),
		"linked/folder":          link("../supervision"),
		"linked/outside":         link("../.."),
		"fifo.toml":              {Mode: fs.ModeNamedPipe},
		"zero.toml":              {Mode: fs.ModeDevice | fs.ModeCharDevice},
		"supervision/zero.md":    link("../zero.toml"),
		"big.toml":               {Data: make([]byte, MaxFile+1)},
		"services.toml/nonsense": {Data: []byte("x")},
	}}
	tests := []struct {
		name string
		want string // the file's text, or "!" and part of the refusal
	}{
		{"units.toml", "[[unit]]\n"},
		{"supervision/same.md", "+++\n"},
		{"supervision/up.md", "[[unit]]\n"},
		{"linked/folder/01.md", "+++\n"},
		{"supervision/etc.md", "!指到了文件夹之外"},
		{"supervision/out.md", "!指到了文件夹之外"},
		{"supervision/win.md", "!指到了文件夹之外"},
		{"linked/outside/units.toml", "!指到了文件夹之外"},
		{"loop/a", "!链接绕成了圈"},
		{"fifo.toml", "!命名管道"},
		{"zero.toml", "!设备文件"},
		{"supervision/zero.md", "!设备文件"},
		{"big.toml", "!超过了 64 MB 的上限"},
		{"nosuch.toml", "!file does not exist"},
	}
	for _, tt := range tests {
		data, err := fs.ReadFile(fsys, tt.name)
		if want, refused := strings.CutPrefix(tt.want, "!"); refused {
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), tt.name) {
				t.Errorf("ReadFile(%s) = %q, %v; want it refused with %q", tt.name, data, err, want)
			}
			continue
		}
		if err != nil || string(data) != tt.want {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", tt.name, data, err, tt.want)
		}
	}
	if names, err := fs.Glob(fsys, "supervision/0*.md"); err != nil || len(names) != 1 {
		t.Errorf("Glob = %v, %v; want the one Markdown file", names, err)
	}
}
