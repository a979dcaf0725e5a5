package source

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"qingdan/msg"
)

func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDetectEncoding saves the real units.toml in each encoding an editor
// may choose, recognises it and converts it back, byte for byte.
func TestDetectEncoding(t *testing.T) {
	raw, err := os.ReadFile("../content/units.toml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	tests := []struct {
		name string
		data []byte
		want Encoding
	}{
		{"utf-8", raw, UTF8},
		{"utf-8 bom", append([]byte("\uFEFF"), raw...), UTF8BOM},
		{"gbk", encode(t, simplifiedchinese.GBK, text), GB18030},
		{"gb18030", encode(t, simplifiedchinese.GB18030, text+"㐀"), GB18030},
		{"utf-16 le bom", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), text), UTF16LE},
		{"utf-16 be bom", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), text), UTF16BE},
		{"utf-16 le", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), text), UTF16LE},
		{"utf-16 be", encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), text), UTF16BE},
		{"binary", []byte{0x89, 'P', 'N', 'G', 0xFF, 0xFF, 0x00, 0x81}, Unknown},
		{"empty", nil, UTF8},
	}
	for _, tt := range tests {
		got := DetectEncoding(tt.data)
		if got != tt.want {
			t.Errorf("%s: DetectEncoding = %s, want %s", tt.name, got.Name(), tt.want.Name())
			continue
		}
		out, err := ToUTF8(tt.data, got)
		switch {
		case tt.want == Unknown:
			if err == nil {
				t.Errorf("%s: converted bytes of no known encoding", tt.name)
			}
		case err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.name == "gb18030" && string(out) != text+"㐀", tt.name != "gb18030" && tt.data != nil && string(out) != text:
			t.Errorf("%s: converted text differs from the original", tt.name)
		}
	}
}

// TestWrongEncodingOneProblem: a GBK or UTF-16 file gets one problem for
// the whole file, naming the encoding, in both languages.
func TestWrongEncodingOneProblem(t *testing.T) {
	defer msg.SetLang(msg.ZH)
	raw, _ := os.ReadFile("../content/units.toml")
	for _, tt := range []struct {
		data   []byte
		zh, en string
	}{
		{encode(t, simplifiedchinese.GBK, string(raw)),
			"units.toml: 错误：文件的编码是 GBK（GB18030，记事本里叫 ANSI），qingdan 只读 UTF-8 编码的文件\n  提示：运行 qingdan fix-encoding units.toml 自动转成 UTF-8；",
			"units.toml: error: the file is saved as GBK (GB18030, which Notepad calls ANSI); qingdan reads UTF-8 files only\n  hint: run qingdan fix-encoding units.toml to convert it to UTF-8;"},
		{encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), string(raw)),
			"units.toml: 错误：文件的编码是 UTF-16 LE（记事本里叫 Unicode 或 UTF-16 LE），",
			"units.toml: error: the file is saved as UTF-16 LE"},
	} {
		for _, lang := range []msg.Lang{msg.ZH, msg.EN} {
			msg.SetLang(lang)
			var v struct {
				Units []map[string]any `toml:"unit"`
			}
			_, ps := DecodeTOML("units.toml", tt.data, &v)
			want := tt.zh
			if lang == msg.EN {
				want = tt.en
			}
			if len(ps) != 1 || !strings.HasPrefix(ps.String(), want) {
				t.Errorf("%d problems:\n%s\nwant one beginning %q", len(ps), ps, want)
			}
			_, _, fps := SplitFrontMatter("units.toml", tt.data)
			if len(fps) != 1 || fps[0].Message != ps[0].Message {
				t.Errorf("front matter: %v", fps)
			}
		}
	}
}

// FuzzDetectEncoding: whatever the bytes, the detector does not panic; an
// encoding it names converts cleanly to valid UTF-8; valid UTF-8 text is
// recognised as UTF-8, and UTF-16 with a BOM comes back as it was.
func FuzzDetectEncoding(f *testing.F) {
	raw, _ := os.ReadFile("../content/units.toml")
	f.Add(raw)
	f.Add(encode(f, simplifiedchinese.GBK, string([]rune(string(raw))[:150])))
	f.Add(encode(f, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "id = \"甲\"\n"))
	f.Add(encode(f, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "id = \"乙\"\n"))
	f.Add([]byte("\uFEFFid = 1\n"))
	f.Add([]byte{0xFF, 0xFE, 0x00})
	f.Add([]byte{0xD8, 0x00, 0x00, 0x41})
	f.Fuzz(func(t *testing.T, data []byte) {
		e := DetectEncoding(data)
		out, err := ToUTF8(data, e)
		if e != Unknown && (err != nil || !utf8.Valid(out)) {
			t.Fatalf("detected %s but converting gives %v", e.Name(), err)
		}
		if utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 && !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) && !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && e != UTF8 && e != UTF8BOM {
			t.Fatalf("valid UTF-8 detected as %s", e.Name())
		}
		if s := string(out); err == nil && utf8.ValidString(s) && !strings.ContainsRune(s, utf8.RuneError) && !strings.HasPrefix(s, "\uFEFF") {
			le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(out)
			if err != nil {
				return // a character UTF-16 cannot hold
			}
			if back, err := ToUTF8(le, DetectEncoding(le)); err != nil || string(back) != s {
				t.Fatalf("UTF-16 LE of %q came back as %q (%v)", s, back, err)
			}
		}
	})
}
