package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qingdan/msg"
)

func TestMessages(t *testing.T) { msg.Check(t) }

// TestTheme gives theme names that build would refuse: each is a problem
// at the theme's value in site.toml; a theme folder that is there, and the
// built-in default, are not.
func TestTheme(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "themes", "gov"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ theme, want string }{
		{"default", ""},
		{"gov", ""},
		{"../../dir", "不是一个主题名"},
		{"/etc", "不是一个主题名"},
		{`..\..\Windows`, "不是一个主题名"},
		{"C:", "不是一个主题名"},
		{".git", "不是一个主题名"},
		{strings.Repeat("主", 100), "超过了 64 个字节的上限"},
		{"missing", "找不到文件夹 themes/missing"},
	}
	for _, tt := range tests {
		name := filepath.Join(dir, "site.toml")
		_, ps := Parse(name, []byte("theme = '"+tt.theme+"'\n"+minimal))
		got := ps.String()
		if tt.want == "" {
			if got != "" {
				t.Errorf("theme %q: %s", tt.theme, got)
			}
			continue
		}
		if !strings.HasPrefix(got, name+":1:9: ") || !strings.Contains(got, tt.want) {
			t.Errorf("theme %q: %s, want a problem at 1:9 with %q", tt.theme, got, tt.want)
		}
	}
}
