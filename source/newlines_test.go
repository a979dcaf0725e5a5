package source

import (
	"reflect"
	"strings"
	"testing"
)

// TestCRLFSameAsLF: a file saved with Windows line endings decodes to the
// same values, the same problems (file:line:col) and the same Markdown body
// as the same file with LF endings.
func TestCRLFSameAsLF(t *testing.T) {
	type doc struct {
		Title string `toml:"title"`
		Text  string `toml:"text"`
		Lit   string `toml:"lit"`
	}
	tests := []struct{ name, in string }{
		{"strings", "title = \"标题\"\ntext = \"\"\"\n第一行\n第二行\"\"\"\nlit = '''\n甲\n乙'''\n"},
		{"problem", "title = \"标题\"\n\ntext = 3\n"},
		{"unclosed", "title = \"标题\ntext = \"x\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			crlf := strings.ReplaceAll(tt.in, "\n", "\r\n")
			var a, b doc
			_, psA := DecodeTOML("f.toml", []byte(tt.in), &a)
			_, psB := DecodeTOML("f.toml", []byte(crlf), &b)
			if a != b || psA.String() != psB.String() {
				t.Errorf("LF gives %+v %q\nCRLF gives %+v %q", a, psA.String(), b, psB.String())
			}
			if strings.Contains(b.Text+b.Lit, "\r") {
				t.Errorf("a CR is left in %q %q", b.Text, b.Lit)
			}
		})
	}
	md := "+++\nid = \"01\"\n+++\n\n## 一、标题\n\n正文\n"
	frontA, bodyA, _ := SplitFrontMatter("x.md", []byte(md))
	frontB, bodyB, _ := SplitFrontMatter("x.md", []byte(strings.ReplaceAll(md, "\n", "\r\n")))
	if !reflect.DeepEqual(frontA, frontB) || !reflect.DeepEqual(bodyA, bodyB) {
		t.Errorf("front matter file: LF gives %q %q, CRLF gives %q %q", frontA, bodyA, frontB, bodyB)
	}
}
