package source

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"qingdan/msg"
)

type testItem struct {
	ID    string   `toml:"id,required"`
	Text  string   `toml:"text,required"`
	Units []string `toml:"units"`
	Pos   Pos
}

type testDuty struct {
	ID    string     `toml:"id,required"`
	Text  string     `toml:"text"`
	Items []testItem `toml:"item"`
	Pos   Pos
}

type testFile struct {
	Published time.Time  `toml:"published"`
	Order     int        `toml:"order"`
	Duties    []testDuty `toml:"duty"`
}

// TestDecodeTOMLProblems decodes each input in Chinese and in English and
// compares the first problems, as positions and messages, to both.
func TestDecodeTOMLProblems(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		zh, en string // a prefix of every problem, as printed, without hints
	}{
		{"ok", "published = 2026-11-28\n[[duty]]\nid = \"01\"\n[[duty.item]]\nid = \"01-01\"\ntext = \"甲\"\n", "", ""},
		{"syntax unclosed quote", "[[duty]]\nid = \"01\ntext = \"x\"\n", "f.toml:2:", "f.toml:2:"},
		{"chinese quotes", "[[duty]]\nid = “01”\n", "f.toml:2:6: 这里的 “ 是中文（全角）引号", "f.toml:2:6: the “ here is a full-width (Chinese) quotation mark"},
		{"unknown key", "[[duty]]\nid = \"01\"\ntxet = \"x\"\n", "f.toml:3:1: \"txet\" 不是 [duty[0]] 里能写的名称", "f.toml:3:1: unknown key \"txet\" in [duty[0]]"},
		{"unknown key second table", "[[duty]]\nid = \"01\"\n[[duty]]\nid = \"02\"\n[[duty.item]]\nid = \"02-01\"\ntext = \"乙\"\n  unit = [\"a\"]\n", "f.toml:8:3: \"unit\" 不是 [duty[1].item[0]] 里能写的名称", "f.toml:8:3: unknown key \"unit\" in [duty[1].item[0]]"},
		{"missing required", "[[duty]]\nid = \"01\"\n[[duty.item]]\nid = \"01-01\"\n", "f.toml:3:1: [duty[0].item[0]] 缺少 \"text\"", "f.toml:3:1: [duty[0].item[0]] is missing \"text\""},
		{"empty required", "[[duty]]\nid = \"01\"\n[[duty.item]]\nid = \"01-01\"\ntext = \"  \"\n", "f.toml:5:8: \"text\" 是空的", "f.toml:5:8: \"text\" is empty"},
		{"wrong type", "order = \"三\"\n", "f.toml:1:9: order 应该是整数，不是文字 \"三\"", "f.toml:1:9: order should be a whole number, not text \"三\""},
		{"wrong element type", "[[duty]]\nid = \"01\"\n[[duty.item]]\nid = \"01-01\"\ntext = \"x\"\nunits = [\"a\", 3]\n", "f.toml:6:15: units[1] 应该是文字，不是数字 3", "f.toml:6:15: units[1] should be text, not the number 3"},
		{"column counts characters", "[[duty]]\nid = \"01\"\ntext = \"中文\"; x = 1\n", "f.toml:3:12: ", "f.toml:3:12: "},
		{"bad utf8", "[[duty]]\nid = \"\xff\"\n", "f.toml:2:7: 文件不是 UTF-8 编码的文字", "f.toml:2:7: the file is not valid UTF-8 text"},
		{"bom accepted", "\uFEFForder = 1\n", "", ""},
		{"multiline string then key", "[[duty]]\nid = \"01\"\ntext = \"\"\"\n甲\n乙\"\"\"\nbad = 1\n", "f.toml:6:1: \"bad\" 不是", "f.toml:6:1: unknown key \"bad\""},
	}
	for _, tt := range tests {
		for _, lang := range []msg.Lang{msg.ZH, msg.EN} {
			want := tt.zh
			if lang == msg.EN {
				want = tt.en
			}
			t.Run(tt.name+"/"+langName(lang), func(t *testing.T) {
				defer msg.SetLang(msg.ZH)
				msg.SetLang(lang)
				var f testFile
				_, ps := DecodeTOML("f.toml", []byte(tt.in), &f)
				got := ""
				for _, p := range ps {
					got += p.Pos.String() + ": " + p.Message + "\n"
				}
				if want == "" {
					if got != "" {
						t.Fatalf("unexpected problems:\n%s", ps)
					}
					return
				}
				if !strings.HasPrefix(got, want) {
					t.Fatalf("got problems:\n%s\nwant prefix %q", got, want)
				}
			})
		}
	}
}

func langName(l msg.Lang) string {
	if l == msg.EN {
		return "en"
	}
	return "zh"
}

// TestProblemString prints a problem of each severity in both languages.
func TestProblemString(t *testing.T) {
	defer msg.SetLang(msg.ZH)
	ps := Problems{
		{Pos: Pos{File: "content/duties.toml", Line: 11, Col: 10}, Message: "m", Hint: "h"},
		{Pos: Pos{File: "content/duties.toml", Line: 90, Col: 1}, Severity: Warning, Message: "w"},
	}
	for lang, want := range map[msg.Lang]string{
		msg.ZH: "content/duties.toml:11:10: 错误：m\n  提示：h\ncontent/duties.toml:90:1: 警告：w\n",
		msg.EN: "content/duties.toml:11:10: error: m\n  hint: h\ncontent/duties.toml:90:1: warning: w\n",
	} {
		msg.SetLang(lang)
		if got := ps.String(); got != want {
			t.Errorf("%s:\n%s\nwant:\n%s", langName(lang), got, want)
		}
	}
}

func TestCatalogue(t *testing.T) { msg.Check(t) }

func TestDecodeTOMLValuesAndPositions(t *testing.T) {
	in := "published = 2026-11-28\n\n[[duty]]\nid = \"01\"\n\n[[duty.item]]\nid = \"01-01\"\ntext = \"甲\"\nunits = [\"a\",\n  \"b\"]\n\n[[duty]]\nid = \"02\"\n"
	var f testFile
	at, ps := DecodeTOML("d.toml", []byte(in), &f)
	if len(ps) != 0 {
		t.Fatal(ps)
	}
	if len(f.Duties) != 2 || f.Duties[0].Items[0].Units[1] != "b" || f.Published.Day() != 28 {
		t.Fatalf("decoded %+v", f)
	}
	for path, want := range map[string]string{
		"duty[0]":                  "d.toml:3:1",
		"duty[1].id":               "d.toml:13:6",
		"duty[0].item[0]":          "d.toml:6:1",
		"duty[0].item[0].units[1]": "d.toml:10:3",
		"duty[0].item[0].missing":  "d.toml:6:1",
	} {
		if got := at.Of(path).String(); got != want {
			t.Errorf("Of(%q) = %s, want %s", path, got, want)
		}
	}
	if got := f.Duties[1].Pos.String(); got != "d.toml:12:1" {
		t.Errorf("Pos of second duty = %s", got)
	}
}

func TestSuggest(t *testing.T) {
	units := []string{"政策法规股（信访室）", "人秘股", "zcfg", "rmg"}
	tests := []struct{ in, want string }{
		{"政策法规股(信访室)", "政策法规股（信访室）"},
		{"zcgf", "zcfg"},
		{"人秘", "人秘股"},
		{"完全不同的名字", ""},
		{"ZCFG", "zcfg"},
		{"ｚｃｆｇ", "zcfg"},
		{" rmg　", "rmg"},
		{"RMg", "rmg"},
	}
	for _, tt := range tests {
		if got := Suggest(tt.in, units); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzDecodeTOML(f *testing.F) {
	f.Add("published = 2026-11-28\n[[duty]]\nid = \"01\"\n[[duty.item]]\nid = \"01-01\"\ntext = \"甲\"\nunits = [\"a\"]\n")
	f.Add("[[duty]]\nid = '''x'''\ntext = \"\"\"\n多行\n\"\"\"\n[duty.item]\n")
	f.Add("a = {b = [1, {c = 2}]}\n\"q.k\" = 1\n")
	for _, slip := range []string{"id：= \"01\"\n", "note = \"\"，\n", "units = 【\"a\"，\"b\"］\n", "published = 2026/11/30\n",
		"published = 2026-02-30\n", "a = \"x”\n", "a = \"\"\"x\n", "a = [1,\n", "no\u3000te = 1\n", "\u3000a = 1\n", "[[duty]\n", "a = “x“y”\n"} {
		f.Add(slip)
	}
	// Nested past the limits (each took gigabytes before they were checked).
	f.Add("x = " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000))
	f.Add("x = " + strings.Repeat("{a = ", 100_000))
	f.Add(strings.Repeat("a.", 100_000) + "a = 1")
	f.Add("[" + strings.Repeat("a.", 100_000) + "a]")
	f.Add("published = 10:00:00\n[[duty]]\nid = \"\\u0000\"\n")
	f.Fuzz(func(t *testing.T, in string) {
		var v testFile
		at, ps := DecodeTOML("f.toml", []byte(in), &v)
		for _, p := range ps {
			if p.Pos.File != "f.toml" || p.Message == "" {
				t.Fatalf("bad problem %+v", p)
			}
		}
		at.Of("duty[0].item[0].units[0]")
	})
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, in, front, body, problem string
	}{
		{"ok", "+++\nid = \"01\"\n+++\n正文\n", "\nid = \"01\"\n", "\n\n\n正文\n", ""},
		{"bom", "\uFEFF+++\nid = 1\n+++\n", "\nid = 1\n", "\n\n\n", ""},
		{"yaml", "---\nid: 1\n---\n", "", "", "x.md:1:1: 文件开头没有基本信息"},
		{"none", "正文\n", "", "", "x.md:1:1: 文件开头没有基本信息"},
		{"unclosed", "+++\nid = 1\n正文\n", "", "", "x.md:1:1: 第 1 行开始的基本信息没有结束"},
		{"empty file", "", "", "", "x.md:1:1: 文件开头没有基本信息"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			front, body, ps := SplitFrontMatter("x.md", []byte(tt.in))
			if tt.problem != "" {
				if len(ps) != 1 || !strings.HasPrefix(ps[0].Pos.String()+": "+ps[0].Message, tt.problem) {
					t.Fatalf("problems %v, want %q", ps, tt.problem)
				}
				return
			}
			if len(ps) != 0 || string(front) != tt.front || string(body) != tt.body {
				t.Fatalf("got front %q body %q problems %v", front, body, ps)
			}
		})
	}
}

func FuzzSplitFrontMatter(f *testing.F) {
	f.Add("+++\nid = \"01\"\ntitle = \"标题\"\n+++\n## 一、\n正文\n")
	f.Add("---\n")
	f.Add("+++\nx = " + strings.Repeat("[", 100_000) + "\n+++\n" + strings.Repeat("[a](b", 100_000))
	f.Add("+++\n+++\n" + strings.Repeat(">", 100_000) + "\x00")
	f.Fuzz(func(t *testing.T, in string) {
		front, body, ps := SplitFrontMatter("x.md", []byte(in))
		if len(ps) > 0 {
			return
		}
		// Both parts keep line numbers: together they span the file's lines.
		if bytes.Count(body, []byte("\n")) < bytes.Count(front, []byte("\n")) {
			t.Fatalf("body %q shorter than front %q", body, front)
		}
		var v struct {
			ID string `toml:"id"`
		}
		DecodeTOML("x.md", front, &v)
	})
}

func TestDecodeTOMLCRLFAndLimits(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"crlf line", "[[duty]]\r\nid = \"01\"\r\ntext = \"未闭合\r\n", "f.toml:3:"},
		{"huge text", "[[duty]]\nid = \"01\"\ntext = \"" + strings.Repeat("长", MaxText/3+1) + "\"\n", "f.toml:3:8: text 有 256 KB 长；一项文字最长 256 KB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f testFile
			_, ps := DecodeTOML("f.toml", []byte(tt.in), &f)
			if len(ps) == 0 || !strings.HasPrefix(ps[0].Pos.String()+": "+ps[0].Message, tt.want) {
				t.Fatalf("problems %v, want prefix %q", ps, tt.want)
			}
		})
	}
}
