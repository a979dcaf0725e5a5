package reports

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// fontPackage is the Debian package whose font the reports work with.
const fontPackage = "fonts-wqy-microhei"

// systemFonts are where usable CJK TrueType fonts are found when site.toml
// names none, most likely first.
var systemFonts = []string{
	"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",           // Debian, Ubuntu: fonts-wqy-microhei
	"/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",           // Fedora: wqy-microhei-fonts
	"/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc", // Arch: wqy-microhei
	"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",             // Debian: fonts-wqy-zenhei
}

// Font is a single-face TrueType font the PDFs embed, with the glyph of
// each character it has.
type Font struct {
	Path   string
	Data   []byte // a standalone TrueType font (face 0 of a collection)
	glyphs map[rune]uint16
	tables []tableRecord // of Data

	// lazy is set for a fallback font that is read on first use: most
	// reports need none of them, and CJK fallbacks are tens of megabytes.
	lazy *sync.Once
}

// lazyFont is a font read from path when first asked for a glyph; one that
// cannot be read then has none.
func lazyFont(path string) *Font {
	return &Font{Path: path, lazy: &sync.Once{}}
}

// Has reports whether the font has a glyph for r.
func (f *Font) Has(r rune) bool {
	if f.lazy != nil {
		f.lazy.Do(func() {
			if loaded, err := LoadFont(f.Path); err == nil {
				f.Data, f.glyphs, f.tables = loaded.Data, loaded.glyphs, loaded.tables
			}
		})
	}
	_, ok := f.glyphs[r]
	return ok
}

// FindFont loads the font named in site.toml, or else the first of the
// well-known system fonts that exists.
func FindFont(configured string) (*Font, error) {
	if configured != "" {
		return LoadFont(configured)
	}
	for _, p := range systemFonts {
		if _, err := os.Stat(p); err == nil {
			return LoadFont(p)
		}
	}
	return nil, fmt.Errorf("no Chinese TrueType font found (looked in %s); install one with \"apt-get install %s\", or set [reports] font in site.toml", strings.Join(systemFonts, ", "), fontPackage)
}

// LoadFont reads a TrueType font (.ttf) or a TrueType collection (.ttc,
// of which face 0 is taken). OpenType fonts with CFF outlines, such as
// Noto CJK, are refused: the PDF library cannot embed them.
func LoadFont(path string) (*Font, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read font: %w", err)
	}
	ttf, err := singleFace(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", path, err)
	}
	glyphs, err := cmapGlyphs(ttf)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", path, err)
	}
	tables, _ := readDirectory(ttf, 0)
	return &Font{Path: path, Data: ttf, glyphs: glyphs, tables: tables}, nil
}

// Missing returns the characters of text the font has no glyph for,
// each once, in order; white space and invisible marks (notDrawn) are
// never missing.
func (f *Font) Missing(text string) []rune {
	var missing []rune
	seen := map[rune]bool{}
	for _, r := range text {
		if notDrawn(r) || f.Has(r) || seen[r] {
			continue
		}
		seen[r] = true
		missing = append(missing, r)
	}
	return missing
}

var errCFF = errors.New("it has CFF (PostScript) outlines, which the PDF library cannot embed; install " + fontPackage + " (\"apt-get install " + fontPackage + "\") or name a TrueType font in [reports] font")

// tableRecord is one entry of a font's table directory.
type tableRecord struct {
	tag            string
	offset, length uint32
}

// singleFace returns a standalone TrueType font: the data itself for a
// .ttf, or face 0 copied out of a .ttc collection.
func singleFace(data []byte) ([]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("the file is too short to be a font")
	}
	switch string(data[:4]) {
	case "OTTO":
		return nil, errCFF
	case "ttcf":
		n := binary.BigEndian.Uint32(data[8:12])
		if n == 0 || len(data) < 16 {
			return nil, errors.New("the font collection has no faces")
		}
		face := binary.BigEndian.Uint32(data[12:16])
		tables, err := readDirectory(data, face)
		if err != nil {
			return nil, err
		}
		return buildFont(bodies(data, tables))
	case "\x00\x01\x00\x00", "true":
		_, err := readDirectory(data, 0)
		if err != nil {
			return nil, err
		}
		return data, nil
	}
	return nil, errors.New("not a TrueType font (.ttf) or collection (.ttc)")
}

// readDirectory reads the table directory of the face at offset and checks
// the face has TrueType outlines.
func readDirectory(data []byte, offset uint32) ([]tableRecord, error) {
	if uint64(offset)+12 > uint64(len(data)) {
		return nil, errors.New("the font's table directory is outside the file")
	}
	if string(data[offset:offset+4]) == "OTTO" {
		return nil, errCFF
	}
	n := int(binary.BigEndian.Uint16(data[offset+4:]))
	start := int(offset) + 12
	if start+16*n > len(data) {
		return nil, errors.New("the font's table directory is cut short")
	}
	var tables []tableRecord
	has := map[string]bool{}
	for i := 0; i < n; i++ {
		rec := data[start+16*i:]
		t := tableRecord{
			tag:    string(rec[:4]),
			offset: binary.BigEndian.Uint32(rec[8:]),
			length: binary.BigEndian.Uint32(rec[12:]),
		}
		if uint64(t.offset)+uint64(t.length) > uint64(len(data)) {
			return nil, fmt.Errorf("the font's %q table is outside the file", t.tag)
		}
		tables = append(tables, t)
		has[t.tag] = true
	}
	if has["CFF "] || has["CFF2"] {
		return nil, errCFF
	}
	for _, tag := range []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"} {
		if !has[tag] {
			return nil, fmt.Errorf("the font has no %q table, which a TrueType font needs", tag)
		}
	}
	return tables, nil
}

// fontTable is one table of a font being written.
type fontTable struct {
	tag  string
	body []byte
}

// bodies copies the tables out of a font file.
func bodies(src []byte, tables []tableRecord) []fontTable {
	out := make([]fontTable, len(tables))
	for i, t := range tables {
		out[i] = fontTable{t.tag, append([]byte(nil), src[t.offset:t.offset+t.length]...)}
	}
	return out
}

// buildFont writes the tables as a standalone TrueType font: a new table
// directory sorted by tag, each table at a new 4-byte aligned offset with
// its checksum recomputed, and head's checkSumAdjustment set for the
// whole file.
func buildFont(tables []fontTable) ([]byte, error) {
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	n := len(tables)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := 16 << entrySelector
	size := 12 + 16*n
	for _, t := range tables {
		size += (len(t.body) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out[0:], 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-searchRange))
	headAt := -1
	for i, t := range tables {
		body := t.body
		if t.tag == "head" {
			if len(body) < 12 {
				return nil, errors.New("the font's head table is too short")
			}
			binary.BigEndian.PutUint32(body[8:], 0) // checkSumAdjustment, set below
			headAt = len(out)
		}
		rec := out[12+16*i:]
		copy(rec[0:4], t.tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(body))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(body)))
		out = append(out, body...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt < 0 {
		return nil, errors.New("the font has no head table")
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out, nil
}

// checksum is the TrueType table checksum: the sum of big-endian uint32s,
// the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var word [4]byte
		copy(word[:], b[i:])
		sum += binary.BigEndian.Uint32(word[:])
	}
	return sum
}

// cmapGlyphs reads the characters a TrueType font maps to a glyph, and
// the glyph of each, from its Unicode cmap subtable (format 12 when
// present, else format 4).
func cmapGlyphs(ttf []byte) (map[rune]uint16, error) {
	tables, err := readDirectory(ttf, 0)
	if err != nil {
		return nil, err
	}
	var cmap []byte
	for _, t := range tables {
		if t.tag == "cmap" {
			cmap = ttf[t.offset : t.offset+t.length]
		}
	}
	if len(cmap) < 4 {
		return nil, errors.New("the font's cmap table is too short")
	}
	var best []byte
	bestFormat, has4 := 0, false
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := 0; i < n && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := binary.BigEndian.Uint32(rec[4:])
		if (platform != 3 || (encoding != 1 && encoding != 10)) && platform != 0 {
			continue
		}
		if uint64(off)+2 > uint64(len(cmap)) {
			continue
		}
		sub := cmap[off:]
		switch format := int(binary.BigEndian.Uint16(sub)); {
		case format == 12:
			best, bestFormat = sub, 12
		case format == 4 && bestFormat != 12:
			best, bestFormat = sub, 4
		}
		has4 = has4 || (binary.BigEndian.Uint16(sub) == 4 && (platform == 0 || encoding == 1))
	}
	if bestFormat != 0 && !has4 {
		return nil, errNoBMPMap
	}
	switch bestFormat {
	case 12:
		return cmap12(best)
	case 4:
		return cmap4(best)
	}
	return nil, errors.New("the font has no Unicode character map")
}

var errCmap = errors.New("the font's character map is damaged")

// errNoBMPMap refuses a font the PDF library cannot draw from: it reads
// only a format 4 (16-bit) Unicode character map.
var errNoBMPMap = errors.New("the font has no format 4 (16-bit) Unicode character map, which the PDF library needs")

func cmap4(sub []byte) (map[rune]uint16, error) {
	if len(sub) < 14 {
		return nil, errCmap
	}
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	ends, starts := 14, 16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	if ranges+2*segs > len(sub) {
		return nil, errCmap
	}
	u16 := func(at int) int { return int(binary.BigEndian.Uint16(sub[at:])) }
	runes := map[rune]uint16{}
	for i := 0; i < segs; i++ {
		end, start := u16(ends+2*i), u16(starts+2*i)
		delta, rangeOff := u16(deltas+2*i), u16(ranges+2*i)
		for c := start; c <= end && c != 0xFFFF; c++ {
			glyph := 0
			if rangeOff == 0 {
				glyph = (c + delta) & 0xFFFF
			} else {
				at := ranges + 2*i + rangeOff + 2*(c-start)
				if at+2 > len(sub) {
					return nil, errCmap
				}
				if g := u16(at); g != 0 {
					glyph = (g + delta) & 0xFFFF
				}
			}
			if glyph != 0 {
				runes[rune(c)] = uint16(glyph)
			}
		}
	}
	return runes, nil
}

func cmap12(sub []byte) (map[rune]uint16, error) {
	if len(sub) < 16 {
		return nil, errCmap
	}
	n := int(binary.BigEndian.Uint32(sub[12:]))
	if n < 0 || 16+12*n > len(sub) {
		return nil, errCmap
	}
	runes := map[rune]uint16{}
	for i := 0; i < n; i++ {
		g := sub[16+12*i:]
		start, end := binary.BigEndian.Uint32(g), binary.BigEndian.Uint32(g[4:])
		glyph := binary.BigEndian.Uint32(g[8:])
		if end > unicode.MaxRune || end < start {
			return nil, errCmap
		}
		if end-start > 0x10FFFF || glyph+(end-start) > 0xFFFF {
			return nil, errCmap
		}
		for c := start; c <= end; c++ {
			if g := glyph + (c - start); g != 0 {
				runes[rune(c)] = uint16(g)
			}
		}
	}
	return runes, nil
}
