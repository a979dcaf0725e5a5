package generator

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRenderMarkdown(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string // substrings of the output
		not      []string // substrings that must not appear
	}{
		{"chinese heading ids", "## 一、监督检查对象\n\n### (一)监督检查内容\n",
			[]string{`<h2 id="一监督检查对象">一、监督检查对象</h2>`, `<h3 id="一监督检查内容">(一)监督检查内容</h3>`}, nil},
		{"repeated headings", "## 内容\n\n## 内容\n\n## 内容\n",
			[]string{`id="内容"`, `id="内容-2"`, `id="内容-3"`}, nil},
		{"heading without letters", "## ——\n", []string{`id="section"`}, nil},
		{"raw html dropped", "<script>alert(1)</script>\n\n段落<b>粗</b>\n",
			[]string{"段落"}, []string{"<script", "<b>"}},
		{"javascript link neutralised", "[点我](javascript:alert(1))\n", []string{"点我"}, []string{"javascript:"}},
		{"typographer off", "\"引号\" -- ...\n", []string{"&quot;引号&quot; -- ..."}, []string{"“", "—", "…"}},
		{"chinese soft breaks joined", "第一行\n第二行\n", []string{"第一行第二行"}, nil},
		{"lists kept", "- 1、是否存在冒用的情况；\n- 2、是否存在变更的情况。\n",
			[]string{"<li>1、是否存在冒用的情况；</li>", "<li>2、是否存在变更的情况。</li>"}, nil},
		{"full-width text untouched", "（一）县人口计生局，“两非”案件；８０００元\n", []string{"（一）县人口计生局，“两非”案件；８０００元"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := renderMarkdown([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(string(got), w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(string(got), n) {
					t.Errorf("output contains %q:\n%s", n, got)
				}
			}
		})
	}
}

var (
	tagName    = regexp.MustCompile(`</?([a-zA-Z][a-zA-Z0-9]*)`)
	unsafeAttr = regexp.MustCompile(`(?i)<[^>]*\s(on[a-z]+=|(href|src)="\s*(javascript|vbscript|data):)`)
)

// markdownTags are the elements goldmark itself writes.
var markdownTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "a": true, "em": true, "strong": true, "code": true,
	"pre": true, "blockquote": true, "hr": true, "br": true, "img": true, "table": true,
	"thead": true, "tbody": true, "tr": true, "th": true, "td": true,
}

// FuzzRenderMarkdown feeds editors' Markdown of any shape: rendering must
// not fail, and no raw HTML may get through.
func FuzzRenderMarkdown(f *testing.F) {
	for _, s := range []string{
		"## 一、监督检查对象\n\n- 1、是否存在；\n",
		"<script>alert(1)</script>",
		"[x](javascript:alert(1)) <img src=x onerror=alert(1)>",
		"| a | b |\n|---|---|\n| 1 | 2 |\n",
		"## a\n## a\n## a-2\n",
		"```\n<script>\n```\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		got, err := renderMarkdown([]byte(src))
		if err != nil {
			if utf8.ValidString(src) {
				t.Fatal(err)
			}
			return
		}
		for _, m := range tagName.FindAllStringSubmatch(string(got), -1) {
			if !markdownTags[strings.ToLower(m[1])] {
				t.Fatalf("raw HTML <%s> got through:\n%s", m[1], got)
			}
		}
		if m := unsafeAttr.FindString(string(got)); m != "" {
			t.Fatalf("unsafe attribute %q got through:\n%s", m, got)
		}
	})
}
