package reports

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"unicode"

	"qingdan/config"
	"qingdan/source"
)

// FontSettings name the fonts of the PDFs, as [reports] in site.toml does.
type FontSettings struct {
	Chain []string // fonts tried in order for each character; empty: First, then the installed fallbackFonts
	First string   // the first font when Chain is empty; empty: a well-known system font
	Body  string   // 仿宋 face of the body text (GB/T 9704: 3号仿宋); empty: looked for
	Title string   // 小标宋 face of titles; empty: looked for
}

// fallbackFonts follow the first font of the default chain when they are
// installed: Debian's TrueType fonts for what a Chinese UI font lacks.
var fallbackFonts = []string{
	"/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",            // fonts-hanazono: CJK Extension A, rare characters
	"/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",            // fonts-hanazono: CJK Extension B and later
	"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",            // fonts-dejavu-core: Uyghur (Arabic script), Latin, Cyrillic
	"/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf", // fonts-symbola: emoji and symbols
}

// roleFonts are where the faces GB/T 9704 asks for are found when
// site.toml names none: Windows (also on a shared drive), the CESI fonts
// of UOS and Kylin.
var roleFonts = map[string][]string{
	roleBody:  {`C:\Windows\Fonts\simfang.ttf`, "/usr/share/fonts/truetype/windows/simfang.ttf", "/usr/share/fonts/*/CESI_FS_GB*.TTF", "/usr/share/fonts/*/*/CESI_FS_GB*.TTF", "/usr/share/fonts/*/simfang.ttf"},
	roleTitle: {`C:\Windows\Fonts\FZXBSJW.TTF`, "/usr/share/fonts/truetype/windows/FZXBSJW.TTF", "/usr/share/fonts/*/CESI_XBS_GB*.TTF", "/usr/share/fonts/*/*/CESI_XBS_GB*.TTF", "/usr/share/fonts/*/FZXBSJW.TTF"},
}

// Font roles: what a piece of text is set in.
const (
	roleBody  = "仿宋"  // body text, tables, headings
	roleTitle = "小标宋" // titles
	roleChain = ""    // page numbers and running headers: the chain alone
)

// Fonts are the faces a report is drawn in: a chain of fonts tried in
// order for each character (the first that has it draws it), and the
// faces of GB/T 9704's roles, tried before the chain for their text.
type Fonts struct {
	Chain       []*Font
	Body, Title *Font // or nil: the chain alone
	// Warnings say what could not be used (a configured font missing, a
	// role without its face); the report is drawn all the same.
	Warnings []string
}

// FontSettingsOf takes the font settings of [reports] in site.toml, with
// paths resolved against its folder.
func FontSettingsOf(cfg *config.Config) FontSettings {
	r := cfg.Reports
	path := func(p string) string {
		if p == "" {
			return ""
		}
		return cfg.Path(p)
	}
	s := FontSettings{First: path(r.Font), Body: path(r.FontBody), Title: path(r.FontTitle)}
	for _, p := range r.Fonts {
		s.Chain = append(s.Chain, path(p))
	}
	return s
}

// LoadFonts loads the configured fonts. A chain font that cannot be loaded
// is left out with a warning, and so is a role face; it fails only when no
// font of the chain can be loaded.
func LoadFonts(s FontSettings) (*Fonts, error) {
	fs := &Fonts{}
	paths := s.Chain
	if len(paths) == 0 {
		first, err := FindFont(s.First)
		if err != nil {
			return nil, err
		}
		fs.Chain = append(fs.Chain, first)
		for _, p := range fallbackFonts {
			if _, err := os.Stat(p); err == nil {
				fs.Chain = append(fs.Chain, lazyFont(p))
			}
		}
	}
	for _, p := range paths {
		f, err := LoadFont(p)
		if err != nil {
			fs.Warnings = append(fs.Warnings, fontUnusable.S(p, err.Error()))
			continue
		}
		fs.Chain = append(fs.Chain, f)
	}
	if len(fs.Chain) == 0 {
		return nil, errors.New(noChainFont.S(fontPackage))
	}
	fs.Body = fs.role(roleBody, s.Body)
	fs.Title = fs.role(roleTitle, s.Title)
	return fs, nil
}

// role loads the face of a role from its configured path, or else from
// the first well-known path that exists.
func (fs *Fonts) role(role, path string) *Font {
	if path == "" {
		for _, pattern := range roleFonts[role] {
			if found, _ := filepath.Glob(pattern); len(found) > 0 {
				path = found[0]
				break
			}
		}
	}
	if path == "" {
		fs.Warnings = append(fs.Warnings, roleMissing.S(role, fs.Chain[0].Path))
		return nil
	}
	f, err := LoadFont(path)
	if err != nil {
		fs.Warnings = append(fs.Warnings, roleUnusable.S(role, path, err.Error(), fs.Chain[0].Path))
		return nil
	}
	return f
}

// faces are the fonts a role's text is drawn from, in order.
func (fs *Fonts) faces(role string) []*Font {
	var own *Font
	switch role {
	case roleBody:
		own = fs.Body
	case roleTitle:
		own = fs.Title
	}
	if own == nil {
		return fs.Chain
	}
	return append([]*Font{own}, fs.Chain...)
}

// Missing returns the characters of text no font of the chain has, each
// once, in order.
func (fs *Fonts) Missing(text string) []rune {
	missing := fs.Chain[0].Missing(text)
	for _, f := range fs.Chain[1:] {
		if len(missing) == 0 {
			break
		}
		missing = f.Missing(string(missing))
	}
	return missing
}

// missingMark is drawn for a character no font has (〓, the 补字 mark of
// Chinese typesetting); the PDF's text keeps the character itself.
const missingMark = '〓'

// notDrawn reports characters that take no glyph: white space is drawn
// as space, and the invisible joiners and variation selectors of emoji and
// ideographic variation sequences are left out of the drawing.
func notDrawn(r rune) bool {
	return unicode.IsSpace(r) || r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF ||
		(r >= 0xFE00 && r <= 0xFE0F) || (r >= 0xE0100 && r <= 0xE01EF)
}

// puaBase is where characters beyond the Basic Multilingual Plane (CJK
// Extension B and later, emoji) are put in a font's BMP face: the PDF
// library maps only 16-bit codes, so such a character is drawn by its
// glyph under a private code, and the PDF's text names the character
// itself (ActualText).
const (
	puaBase = 0xE000
	puaLast = 0xF8FF
)

// bmpFace returns a copy of the font whose only character map sends the
// private codes puaBase, puaBase+1, … to the glyphs of runes, and the
// code of each rune. Runes the font lacks, or past the private area, get
// no code.
func (f *Font) bmpFace(runes []rune) ([]byte, map[rune]rune, error) {
	codes := map[rune]rune{}
	type seg struct{ code, glyph uint16 }
	var segs []seg
	for _, r := range runes {
		g, ok := f.glyphs[r]
		if !ok || puaBase+len(segs) > puaLast {
			continue
		}
		code := rune(puaBase + len(segs))
		codes[r] = code
		segs = append(segs, seg{uint16(code), g})
	}
	segs = append(segs, seg{0xFFFF, 0}) // the closing segment
	n := len(segs)
	sub := make([]byte, 16+8*n)
	be := binary.BigEndian
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*n))
	sr := 2
	for sr*2 <= 2*n {
		sr *= 2
	}
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	be.PutUint16(sub[8:], uint16(sr))
	be.PutUint16(sub[10:], uint16(es))
	be.PutUint16(sub[12:], uint16(2*n-sr))
	ends, starts, deltas := 14, 16+2*n, 16+4*n
	for i, s := range segs {
		be.PutUint16(sub[ends+2*i:], s.code)
		be.PutUint16(sub[starts+2*i:], s.code)
		delta := s.glyph - s.code // mod 65536
		if s.code == 0xFFFF {
			delta = 1
		}
		be.PutUint16(sub[deltas+2*i:], delta)
	}
	cmap := make([]byte, 12, 12+len(sub))
	be.PutUint16(cmap[2:], 1)  // one subtable
	be.PutUint16(cmap[4:], 3)  // Windows
	be.PutUint16(cmap[6:], 1)  // Unicode BMP
	be.PutUint32(cmap[8:], 12) // right after this header
	cmap = append(cmap, sub...)
	tables := bodies(f.Data, f.tables)
	for i := range tables {
		if tables[i].tag == "cmap" {
			tables[i].body = cmap
		}
	}
	data, err := buildFont(tables)
	return data, codes, err
}

// GlyphProblems warns, for every text of every case file, of each
// character no font of the chain has, with the case file's field and
// position: such a character prints as 〓 in the reports, so the office
// can install a font before the due day instead of finding out on it.
func GlyphProblems(cases []*Case, fonts *Fonts) source.Problems {
	var ps source.Problems
	for _, c := range cases {
		eachText(c, func(path, text string) {
			for _, r := range fonts.Missing(text) {
				ps.Warn(c.pos(path), glyphMissingHint.S(), "%s", glyphMissing.S(path, string(r), r))
			}
		})
	}
	return ps
}
