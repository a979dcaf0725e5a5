package reports

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFontFromCollection checks face 0 of the system's .ttc comes out as a
// valid standalone TrueType font with the characters the reports need.
func TestFontFromCollection(t *testing.T) {
	f := testFont(t).Chain[0]
	if !strings.HasSuffix(f.Path, ".ttc") {
		t.Skipf("font %s is not a collection", f.Path)
	}
	ttf := f.Data
	if binary.BigEndian.Uint32(ttf) != 0x00010000 {
		t.Fatalf("extracted font starts with %x, want TrueType 00010000", ttf[:4])
	}
	tables, err := readDirectory(ttf, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, tb := range tables {
		if i > 0 && tables[i-1].tag >= tb.tag {
			t.Errorf("tables not sorted: %q before %q", tables[i-1].tag, tb.tag)
		}
		if tb.offset%4 != 0 {
			t.Errorf("table %q at unaligned offset %d", tb.tag, tb.offset)
		}
		body := append([]byte(nil), ttf[tb.offset:tb.offset+tb.length]...)
		if tb.tag == "head" {
			binary.BigEndian.PutUint32(body[8:], 0)
		}
		rec := ttf[12+16*i:]
		if got := binary.BigEndian.Uint32(rec[4:]); got != checksum(body) {
			t.Errorf("table %q checksum %08x, want %08x", tb.tag, got, checksum(body))
		}
	}
	if sum := checksum(ttf); sum != 0xB1B0AFBA {
		t.Errorf("whole-font checksum %08x, want B1B0AFBA", sum)
	}
	if missing := f.Missing("洺州镇梨园屯镇第什营乡0123456789ABCXYZ（），。“”"); len(missing) > 0 {
		t.Errorf("font lacks %q", string(missing))
	}
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadFontRefuses(t *testing.T) {
	otto := append([]byte("OTTO"), make([]byte, 40)...)
	ttcOfCFF := make([]byte, 64)
	copy(ttcOfCFF, "ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10OTTO")
	cffTable := make([]byte, 12+16)
	copy(cffTable, "\x00\x01\x00\x00\x00\x01")
	copy(cffTable[12:], "CFF ")
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"cff.otf", otto, "CFF"},
		{"cff.ttc", ttcOfCFF, "CFF"},
		{"cfftable.ttf", cffTable, "CFF"},
		{"short.ttf", []byte("abc"), "too short"},
		{"text.ttf", []byte("this is not a font at all"), "not a TrueType font"},
		{"noglyf.ttf", []byte("\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"), "no \"cmap\" table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadFont(writeTemp(t, tt.name, tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one containing %q", err, tt.want)
			}
			if tt.want == "CFF" && (!errors.Is(err, errCFF) || !strings.Contains(err.Error(), fontPackage)) {
				t.Errorf("a CFF font should be refused naming %s: %v", fontPackage, err)
			}
		})
	}
}

func TestFindFontConfigured(t *testing.T) {
	if _, err := FindFont(filepath.Join(t.TempDir(), "missing.ttf")); err == nil || !strings.Contains(err.Error(), "cannot read font") {
		t.Fatalf("err = %v, want cannot read font", err)
	}
}

func TestFontsMissing(t *testing.T) {
	a := &Font{Path: "a.ttf", glyphs: map[rune]uint16{'威': 1, '县': 2}}
	b := &Font{Path: "b.ttf", glyphs: map[rune]uint16{'洺': 1, '𠀀': 2}}
	fs := &Fonts{Chain: []*Font{a, b}}
	if got := string(fs.Missing("威县洺州镇 𠀀‍2026")); got != "州镇206" {
		t.Errorf("Missing = %q, want 州镇2 0 6 once each, never a space or a joiner", got)
	}
	if got := fs.faces(roleBody); len(got) != 2 {
		t.Errorf("body faces without a body font: %d, want the chain", len(got))
	}
	fs.Body = b
	if got := fs.faces(roleBody); len(got) != 3 || got[0] != b {
		t.Errorf("body faces: %v, want the body font first", got)
	}
}

func FuzzLoadFont(f *testing.F) {
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"))
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00cmap\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ttf, err := singleFace(data)
		if err != nil {
			return
		}
		cmapGlyphs(ttf)
	})
}

// TestGlyphProblems checks report check's warning for a character no font
// has: the field, its position and the code point, before any filing.
func TestGlyphProblems(t *testing.T) {
	fonts := testFont(t)
	data := edit(t, `name = "张某某"`, "name = \"张\U000F0001某\"")
	c, ps := ParseCase("case.toml", data)
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	got := GlyphProblems([]*Case{c}, fonts).String()
	want := "case.toml:8:8: 警告：party.name 中的字符“\U000F0001”（U+F0001）没有任何字体能显示"
	if !strings.Contains(got, want) || strings.Count(got, "警告：") != 1 {
		t.Fatalf("problems:\n%s\nwant one: %s", got, want)
	}
	c.Party.Name = "阿依古丽·买买提"
	if ps := GlyphProblems([]*Case{c}, fonts); len(ps) != 0 {
		t.Errorf("a name every font draws: %s", ps)
	}
}

// TestFontRoles checks the faces of GB/T 9704's roles: a configured 仿宋
// face draws the body and tables before the chain, titles without a
// 小标宋 face fall back to the chain with a warning, and a configured font
// that cannot be loaded is left out with a warning naming it.
func TestFontRoles(t *testing.T) {
	testFont(t)
	body := "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"
	if _, err := os.Stat(body); err != nil {
		t.Skipf("%s not installed (fonts-hanazono)", body)
	}
	missing := filepath.Join(t.TempDir(), "simfang.ttf")
	fonts, err := LoadFonts(FontSettings{Body: body, Title: missing})
	if err != nil {
		t.Fatal(err)
	}
	if fonts.Body == nil || fonts.Body.Path != body || fonts.Title != nil {
		t.Fatalf("body %v title %v, want the body face loaded and no title face", fonts.Body, fonts.Title)
	}
	if w := strings.Join(fonts.Warnings, "\n"); !strings.Contains(w, "小标宋字体 "+missing+" 不能使用") || strings.Contains(w, "仿宋") {
		t.Errorf("warnings:\n%s\nwant one for the 小标宋 face only", w)
	}
	fc := newFaces(fonts, "")
	if run := fc.pick(roleBody, '威'); fc.list[run.face] != fonts.Body {
		t.Errorf("body text drawn from %s, want the 仿宋 face", fc.list[run.face].Path)
	}
	if run := fc.pick(roleTitle, '威'); fc.list[run.face] != fonts.Chain[0] {
		t.Errorf("a title drawn from %s, want the chain's first font", fc.list[run.face].Path)
	}
	chain, err := LoadFonts(FontSettings{Chain: []string{missing, fonts.Chain[0].Path}})
	if err != nil || len(chain.Chain) != 1 || !strings.Contains(strings.Join(chain.Warnings, "\n"), missing) {
		t.Errorf("a chain with a missing font: %v, %d fonts, warnings %q", err, len(chain.Chain), chain.Warnings)
	}
	if _, err := LoadFonts(FontSettings{Chain: []string{missing}}); err == nil {
		t.Error("a chain with no usable font loaded")
	}
}

// TestFontWithoutBMPMap loads a font whose only character map is a
// format 12 table, which the PDF library cannot read (it draws nothing
// from it, silently): the font is refused, and left out of a chain with a
// warning.
func TestFontWithoutBMPMap(t *testing.T) {
	first := testFont(t).Chain[0]
	sub := make([]byte, 16+12)
	binary.BigEndian.PutUint16(sub[0:], 12)
	binary.BigEndian.PutUint32(sub[4:], uint32(len(sub)))
	binary.BigEndian.PutUint32(sub[12:], 1)
	binary.BigEndian.PutUint32(sub[16:], '威')
	binary.BigEndian.PutUint32(sub[20:], '威')
	binary.BigEndian.PutUint32(sub[24:], uint32(first.glyphs['威']))
	cmap := make([]byte, 12, 12+len(sub))
	binary.BigEndian.PutUint16(cmap[2:], 1)
	binary.BigEndian.PutUint16(cmap[4:], 3)
	binary.BigEndian.PutUint16(cmap[6:], 10)
	binary.BigEndian.PutUint32(cmap[8:], 12)
	cmap = append(cmap, sub...)
	tables := bodies(first.Data, first.tables)
	for i := range tables {
		if tables[i].tag == "cmap" {
			tables[i].body = cmap
		}
	}
	data, err := buildFont(tables)
	if err != nil {
		t.Fatal(err)
	}
	path := writeTemp(t, "format12.ttf", data)
	if _, err := LoadFont(path); !errors.Is(err, errNoBMPMap) {
		t.Fatalf("err = %v, want %v", err, errNoBMPMap)
	}
	fonts, err := LoadFonts(FontSettings{Chain: []string{path, first.Path}})
	if err != nil || len(fonts.Chain) != 1 || !strings.Contains(strings.Join(fonts.Warnings, ""), "format 4") {
		t.Fatalf("chain %v, %d fonts, warnings %q: want the font left out with a warning", err, len(fonts.Chain), fonts.Warnings)
	}
}
