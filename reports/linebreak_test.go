package reports

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// unitWidth measures Chinese characters as 1 and everything else as 0.5.
func unitWidth(r rune) float64 {
	if r < 0x80 {
		return 0.5
	}
	return 1
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		width  float64
		indent float64
		want   []string
	}{
		{"fits", "一二三", 5, 0, []string{"一二三"}},
		{"empty", "", 5, 0, []string{""}},
		{"plain", "一二三四五六七八九十", 5, 0, []string{"一二三四五", "六七八九十"}},
		{"indent", "一二三四五六七八", 5, 2, []string{"一二三", "四五六七八"}},
		{"comma does not start a line", "一二三四，五六", 4, 0, []string{"一二三", "四，五六"}},
		{"full stop does not start a line", "一二三四。", 4, 0, []string{"一二三", "四。"}},
		{"two closers move with their character", "一二三四」。五", 5, 0, []string{"一二三", "四」。五"}},
		{"opening bracket does not end a line", "一二三（四五）", 4, 0, []string{"一二三", "（四五）"}},
		{"opening quote does not end a line", "一二三“四”", 4, 0, []string{"一二三", "“四”"}},
		{"word kept together", "编号ABC123号", 4, 0, []string{"编号", "ABC123号"}},
		{"number kept together", "金额25000.00元", 5, 0, []string{"金额", "25000.00元"}},
		{"long word split", "ABCDEFGHIJKLMN", 3, 0, []string{"ABCDEF", "GHIJKL", "MN"}},
		{"closer hangs when nothing else can move", "一，", 1, 0, []string{"一，"}},
		{"a word starting with a closer does not hang", "0  !0", 1.75, 0, []string{"0  ", "!0"}},
		{"newline forces a break", "一二\n三四", 5, 0, []string{"一二", "三四"}},
		{"spaces stay at the line end", "ab cd ef", 2.5, 0, []string{"ab cd ", "ef"}},
		{"ellipsis stays together", "一二三四……", 4, 0, []string{"一二三", "四……"}},
		{"combining mark stays", "一二三e\u0301", 3, 0, []string{"一二三", "e\u0301"}},
		{"洺州镇 kept", "威县洺州镇东街村", 4, 0, []string{"威县洺州", "镇东街村"}},
		{"文号 kept whole", "一二三四五（威人口〔2026〕3号）", 10, 0, []string{"一二三四五", "（威人口〔2026〕3号）"}},
		{"案号 with 第 kept whole", "案号：威人口征立〔2026〕第31号。", 13, 0, []string{"案号：", "威人口征立〔2026〕第31号。"}},
		{"文号 with brackets typed", "见：威人口[2026]12号", 9, 0, []string{"见：", "威人口[2026]12号"}},
		{"the characters before it go with it", "根据威人口〔2026〕3号", 11, 0, []string{"根据威人口〔2026〕3号"}},
		{"文号 wider than a line is split", "威人口〔2026〕3号", 3, 0, []string{"威人口", "〔202", "6〕3号"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wrap(tt.text, tt.width, tt.indent, unitWidth)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Wrap(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

func FuzzWrap(f *testing.F) {
	for _, s := range []string{
		"威县人口和计划生育局对洺州镇张某某违反规定生育第三个子女一案，依法作出征收社会抚养费60000.00元的决定。",
		"（一）乡镇开展非医学需要终止妊娠手术批准后监督检查；",
		"《社会抚养费征收管理办法》第三条，《河北省人口与计划生育条例》第四十三条",
		"a b  c\n\n“引号”……——",
		"，，，，，，。。。（（（",
	} {
		f.Add(s, 6.0)
	}
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || width != width || width < 0 || width > 1000 {
			t.Skip()
		}
		lines := Wrap(text, width, 0, unitWidth)
		if got, want := strings.Join(lines, ""), strings.ReplaceAll(text, "\n", ""); got != want {
			t.Fatalf("lines %q joined give %q, want %q", lines, got, want)
		}
		if n := strings.Count(text, "\n") + 1; len(lines) < n {
			t.Fatalf("%d lines for %d paragraphs", len(lines), n)
		}
		for _, l := range lines {
			if strings.Contains(l, "\n") {
				t.Fatalf("line %q holds a newline", l)
			}
			// The widest character, with the marks that attach to it: what
			// may hang past the width.
			widest, char := 0.0, 0.0
			for _, r := range l {
				if !attaches(r) {
					char = 0
				}
				char += unitWidth(r)
				widest = max(widest, char)
			}
			trimmed := strings.TrimRight(l, " \t\r\v\f\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
			tw := 0.0
			for _, r := range trimmed {
				tw += unitWidth(r)
			}
			if width >= 1 && tw > width+widest && utf8.RuneCountInString(trimmed) > 1 {
				t.Fatalf("line %q is %v wide, more than %v plus one hanging character", l, tw, width)
			}
		}
	})
}
