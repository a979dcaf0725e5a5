package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLimits decodes TOML that goes past each limit, 100,000 deep where it
// nests: each is one problem at its place, found before the parser runs
// (which would take gigabytes); TOML just inside the limits, and brackets,
// dots and commas inside strings and comments, are no problem.
func TestLimits(t *testing.T) {
	const n = 100_000
	r := strings.Repeat
	tests := []struct{ name, in, want string }{
		{"arrays", "x = " + r("[", n) + r("]", n), "f.toml:1:37: 括号"},
		{"inline tables", "x = " + r("{a = ", n) + "1" + r("}", n), "f.toml:1:165: 括号"},
		{"mixed", "order = 1\nx = [{a = " + r("[{b = ", n), "f.toml:2:"},
		{"dotted key", r("a.", n) + "a = 1", "f.toml:1:32: 这个键名"},
		{"quoted dotted key", r(`"a".`, n) + "a = 1", "f.toml:1:"},
		{"spaced dotted key", r("a . ", n) + "a = 1", "f.toml:1:"},
		{"table header", "[" + r("a.", n) + "a]", "f.toml:1:33: 这个键名"},
		{"array table header", "[[" + r("duty.", n) + "item]]", "f.toml:1:"},
		{"inline table keys", "x = {" + r("a.", n) + "a = 1}", "f.toml:1:"},
		{"long line", "x = \"" + r("长", MaxLine/3+1) + "\"", "f.toml:1:1: 这一行有 1024 KB"},
		{"long line in a multi-line string", "x = \"\"\"\n短\n" + r("a", MaxLine+1) + "\n\"\"\"", "f.toml:3:1: 这一行"},
		{"million elements", "x = [" + r("1,", 1_000_000) + "1]", "f.toml:1:20005: 这个列表有 10000 项以上"},
		{"just inside", "x = " + r("[", MaxDepth) + r("]", MaxDepth) + "\n" + r("a.", MaxKeyParts-1) + "a = 1\ny = [" + r("1,", MaxArray-1) + "]", ""},
		{"marks in strings and comments", "x = \"" + r("[{.,", n) + "\"\ny = '" + r("[{.", n) + "'\n# " + r("[{.,", n) + "\nz = \"\"\"\n" + r("[{.,\\\"", n) + "\n\"\"\"\nw = '''" + r("[{.,", n) + "'''", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := checkTOML("f.toml", tt.in)
			if tt.want == "" {
				if ps != nil {
					t.Fatalf("problems %v, want none", ps)
				}
				return
			}
			if len(ps) != 1 || !strings.HasPrefix(ps[0].Pos.String()+": "+ps[0].Message, tt.want) || ps[0].Hint == "" {
				t.Fatalf("problems %v, want one starting %q, with a hint", ps, tt.want)
			}
			var v map[string]any
			if _, dps := DecodeTOML("f.toml", []byte(tt.in), &v); len(dps) != 1 || dps[0] != ps[0] {
				t.Errorf("DecodeTOML gives %v, want the limit problem", dps)
			}
			var f testFile
			if _, sps := DecodeTOMLSplit("f.toml", []byte(tt.in), "duty", &f, nil); len(sps) != 1 || sps[0] != ps[0] {
				t.Errorf("DecodeTOMLSplit gives %v, want the limit problem", sps)
			}
		})
	}
}

// TestLimitsRealContent checks that every TOML file of the real content,
// the site's configuration and the example case files are inside the limits.
func TestLimitsRealContent(t *testing.T) {
	var files []string
	for _, glob := range []string{"../content/*.toml", "../content/*/*.toml", "../site.toml", "../examples/casefiles/*/*.toml", "../examples/casefiles/*.toml"} {
		names, _ := filepath.Glob(glob)
		files = append(files, names...)
	}
	if len(files) < 8 {
		t.Fatalf("found only %d files", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if ps := checkTOML(f, string(data)); ps != nil {
			t.Errorf("%v", ps)
		}
	}
	md, _ := filepath.Glob("../content/supervision/*.md")
	for _, f := range md {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, ps := SplitFrontMatter(f, data); ps != nil {
			t.Errorf("%v", ps)
		}
	}
}

// TestMarkdownLimits splits Markdown files whose text goes past a limit,
// or holds control characters: each is a problem at its place.
func TestMarkdownLimits(t *testing.T) {
	r := strings.Repeat
	var lists strings.Builder
	for i := 0; i < 40; i++ {
		lists.WriteString(r(" ", 2*i) + "- 条目\n")
	}
	tests := []struct{ name, body, want string }{
		{"link openers", r("[a](b", 100_000), "x.md:4:334: Markdown 标记符号"},
		{"too big", r("很长的正文", 100_000), "x.md: 正文有 1464 KB"},
		{"marks in a paragraph", r("[a](b", 67), "x.md:4:334: Markdown 标记符号"},
		{"marks in a file", r(r("[a](b", 60)+"\n\n", 60), "x.md:"},
		{"deep quotes", r(">", 17) + " 引文", "x.md:4:1: 这一行开头"},
		{"spaced quotes", r("> ", 17) + "引文", "x.md:4:1: 这一行开头"},
		{"deep lists", lists.String(), "x.md:36:1: 这一行开头"},
		{"numbered lists", r("1. ", 17) + "条", "x.md:4:1: 这一行开头"},
		{"NUL", "正文\x00有空字符", "x.md:4:3: 这里有一个看不见的控制字符 U+0000"},
		{"C1 control", "正文\u0085", "x.md:4:3: 这里有一个看不见的控制字符 U+0085"},
		{"escape", "正文\x1b[31m", "x.md:4:3: 这里有一个看不见的控制字符 U+001B"},
		{"within limits", "## 一、标题\n\n- 一\n  - 二\n\t制表符\r\n" + r("[链接](/a/) ", 30) + "\n\n> 引文\n\n" + r("（全角）", 1000) + r("<b>长</b>", 12500), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, body, ps := SplitFrontMatter("x.md", []byte("+++\nid = \"01\"\n+++\n"+tt.body))
			if tt.want == "" {
				if ps != nil || body == nil {
					t.Fatalf("problems %v, want none", ps)
				}
				return
			}
			if len(ps) == 0 || !strings.HasPrefix(ps[0].Pos.String()+": "+ps[0].Message, tt.want) || ps[0].Hint == "" || body != nil {
				t.Fatalf("problems %v (body %d bytes), want one starting %q with a hint, and no body", ps, len(body), tt.want)
			}
		})
	}
}

// TestTextValues decodes text with control characters written as escapes,
// and a time without a date: each a problem at the value.
func TestTextValues(t *testing.T) {
	tests := []struct{ in, want string }{
		{"[[duty]]\nid = \"01\"\ntext = \"甲\\u0000乙\"\n", "f.toml:3:8: text 中有一个看不见的控制字符 U+0000"},
		{"[[duty]]\nid = \"01\"\ntext = \"甲\\u0085乙\"\n", "f.toml:3:8: text 中有一个看不见的控制字符 U+0085"},
		{"[[duty]]\nid = \"0\\b1\"\ntext = \"甲\"\n", "f.toml:2:6: id 中有"},
		{"published = 10:00:00\n", "f.toml:1:13: published 只有时间 10:00:00，没有日期"},
		{"[[duty]]\nid = \"01\"\ntext = \"\"\"\n多行\n\t文字\r\n\"\"\"\n", ""},
	}
	for _, tt := range tests {
		var f testFile
		_, ps := DecodeTOML("f.toml", []byte(tt.in), &f)
		if tt.want == "" {
			if len(ps) != 0 {
				t.Errorf("%q: problems %v, want none", tt.in, ps)
			}
			continue
		}
		if len(ps) != 1 || !strings.HasPrefix(ps[0].Pos.String()+": "+ps[0].Message, tt.want) || ps[0].Hint == "" {
			t.Errorf("%q: problems %v, want one starting %q with a hint", tt.in, ps, tt.want)
		}
	}
}

// TestFolded decodes a file with a million values of the wrong type in
// 100,000 tables: MaxRepeats problems of the kind and one line with the
// rest, whatever the numbers and quoted words in them.
func TestFolded(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 100_000; i++ {
		b.WriteString("[[duty]]\nid = \"x\"\ntext = 1\n")
	}
	var f testFile
	_, ps := DecodeTOML("f.toml", []byte(b.String()), &f)
	if len(ps) != MaxRepeats+1 {
		t.Fatalf("%d problems, want %d", len(ps), MaxRepeats+1)
	}
	if last := ps[MaxRepeats]; last.Pos.Line != 3*MaxRepeats+3 || last.Message != "…及另外 99980 处同类问题" {
		t.Errorf("summary %v, want it at line %d for the 99980 others", last, 3*MaxRepeats+3)
	}
	mixed := Problems{
		{Pos: Pos{File: "a", Line: 1}, Message: `unit "a" is not in units.toml`},
		{Pos: Pos{File: "b", Line: 1}, Message: `unit "b" is not in units.toml`},
		{Pos: Pos{File: "a", Line: 2}, Message: `item "01-02" has no text`},
	}
	if got := mixed.Folded(); len(got) != 3 {
		t.Errorf("Folded of few problems = %v, want them all", got)
	}
}
