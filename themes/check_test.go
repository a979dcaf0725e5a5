package themes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qingdan/msg"
)

// TestCheck finds, in a theme folder, a link out of it, and passes the
// regular files and a link that stays inside.
func TestCheck(t *testing.T) {
	site := t.TempDir()
	static := filepath.Join(site, "themes", "gov", "static")
	if err := os.MkdirAll(static, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(static, "site.css"), []byte("body{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, to := range map[string]string{"same.css": "site.css", "passwd.css": "/etc/passwd", "up.txt": "../../../site.toml"} {
		if err := os.Symlink(to, filepath.Join(static, name)); err != nil {
			t.Fatal(err)
		}
	}
	ps := Check(site, "gov")
	var got []string
	for _, p := range ps {
		got = append(got, p.Pos.File)
		if !strings.Contains(p.Message, "文件夹之外") {
			t.Errorf("%s: %s, want it to say the link leads outside", p.Pos, p.Message)
		}
	}
	if strings.Join(got, " ") != "themes/gov/static/passwd.css themes/gov/static/up.txt" {
		t.Errorf("problems name %v, want the two links out", got)
	}
	if ps := Check(site, "default"); len(ps) != 0 {
		t.Errorf("the built-in theme without a folder: %v", ps)
	}
}

// TestCheckTemplates reports a template that is not well formed at its
// line, with a hint for the slip, and passes good ones, functions the
// generator defines included.
func TestCheckTemplates(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // "" for no problem
	}{
		{"good", `{{define "content"}}<h1>{{.Duty.Title}}</h1>{{link "duties/"}}{{end}}`, ""},
		{"comment", "{{/* 说明 */}}\n{{define \"content\"}}{{end}}", ""},
		{"missing end", "{{define \"content\"}}\n{{if .Duty}}\n<p>{{.Duty.Title}}</p>\n{{end}}\n", "themes/gov/duty.html:5: 错误：模板到文件末尾还没有结束\n  提示：缺少 {{end}}"},
		{"extra end", "{{define \"content\"}}\n{{end}}\n{{end}}\n", "themes/gov/duty.html:3: 错误：模板写法有误：unexpected {{end}}\n  提示：这里多了一个 {{end}}"},
		{"unclosed action", "{{define \"content\"}}\n<p>{{.Duty.Title</p>\n{{end}}\n", "themes/gov/duty.html:2: 错误：模板写法有误："},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := t.TempDir()
			dir := filepath.Join(site, "themes", "gov")
			if err := os.MkdirAll(filepath.Join(dir, "static"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "duty.html"), []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			// a static file that merely looks like a template is not one
			if err := os.WriteFile(filepath.Join(dir, "static", "x.html"), []byte("{{if"), 0o644); err != nil {
				t.Fatal(err)
			}
			got := Check(site, "gov").String()
			if tt.want == "" && got != "" || !strings.HasPrefix(got, tt.want) {
				t.Errorf("Check:\n%s\nwant it to start with:\n%s", got, tt.want)
			}
		})
	}
}

func TestMessages(t *testing.T) { msg.Check(t) }
