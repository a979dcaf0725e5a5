package source

import (
	"strings"
	"unicode/utf8"
)

// Positions maps key paths of a TOML file to where they stand in it. A path
// names tables of an array by index and keys by name:
//
//	duty[2]                 the third [[duty]] table
//	duty[2].item[0].units   the value of units in its first [[duty.item]]
//	duty[2].item[0].units[1] the second element of that array
type Positions struct {
	file string
	val  map[string]Pos // where each value (or table header) starts
	key  map[string]Pos // where each key starts

	// A file decoded in pieces (DecodeTOMLSplit): val and key hold its
	// head, and the tables array[i] are answered by parts[i].
	array string
	parts []part
}

// part holds the positions of one [[array]] table of a file decoded in
// pieces. Its paths name the table array[0], and its lines are shift lines
// before where the table now stands.
type part struct {
	at    *Positions
	shift int
}

// NewPositions returns positions for a file that could not be read: every
// path is the file as a whole.
func NewPositions(file string) *Positions {
	return &Positions{file: file}
}

// Of returns the position of the value at path. A path that is not in the
// file (a missing key, say) falls back to its nearest enclosing table, and
// finally to the start of the file.
func (p *Positions) Of(path string) Pos {
	if p == nil {
		return Pos{}
	}
	for {
		if pos, ok := p.find(path, false); ok {
			return pos
		}
		if path == "" {
			if len(p.val) == 0 && len(p.parts) == 0 {
				return Pos{File: p.file}
			}
			return Pos{File: p.file, Line: 1, Col: 1}
		}
		path = parentPath(path)
	}
}

// KeyOf returns the position of the key at path (its name, not its value),
// falling back like Of.
func (p *Positions) KeyOf(path string) Pos {
	if p != nil {
		if pos, ok := p.find(path, true); ok {
			return pos
		}
	}
	return p.Of(path)
}

// find looks path up among values, or keys, in the head or in the part
// that holds it.
func (p *Positions) find(path string, key bool) (Pos, bool) {
	if i, rest, ok := p.part(path); ok {
		pt := p.parts[i]
		m := pt.at.val
		if key {
			m = pt.at.key
		}
		// The part names its table array[0]; the name is made in buf so
		// that the lookup does not allocate.
		var buf [128]byte
		name := append(append(append(buf[:0], p.array...), "[0]"...), rest...)
		pos, ok := m[string(name)]
		return pos.moved(pt.shift), ok
	}
	if key {
		pos, ok := p.key[path]
		return pos, ok
	}
	pos, ok := p.val[path]
	return pos, ok
}

// part finds which part holds path: one inside array[i], where i is
// written as the file's paths write it.
func (p *Positions) part(path string) (i int, rest string, ok bool) {
	n := len(p.array)
	if n == 0 || len(path) <= n || path[n] != '[' || path[:n] != p.array {
		return 0, "", false
	}
	digits, rest, found := strings.Cut(path[n+1:], "]")
	if !found || rest != "" && rest[0] != '.' && rest[0] != '[' {
		return 0, "", false
	}
	if digits == "" || len(digits) > 9 || digits[0] == '0' && digits != "0" {
		return 0, "", false // not as locate writes an index
	}
	for _, c := range []byte(digits) {
		if c < '0' || c > '9' {
			return 0, "", false
		}
		i = i*10 + int(c-'0')
	}
	return i, rest, i < len(p.parts)
}

// moved returns pos moved down by n lines; the whole file stays as it is.
func (pos Pos) moved(n int) Pos {
	if pos.Line > 0 {
		pos.Line += n
	}
	return pos
}

// File returns the name of the file the positions are in.
func (p *Positions) File() string { return p.file }

// parentPath drops the last key or index of a path.
func parentPath(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i]
		}
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i]
	}
	return ""
}

// locate scans valid TOML text and records the position of every table,
// key, value and array element, counting lines as if text began after
// before lines. It is only called on text the TOML parser accepted, so it
// need not report errors; on anything unexpected it stops, and Of falls
// back to enclosing positions. whole reports whether it went to the end.
func locate(file, text string, before int) (p *Positions, whole bool) {
	s := &scanner{src: text, line: before + 1, col: 1}
	lines := strings.Count(text, "\n") + 1 // about one key a line
	p = &Positions{file: file, val: make(map[string]Pos, lines), key: make(map[string]Pos, lines)}
	arrays := map[string]int{} // arrays of tables seen so far: path -> count
	table := ""
	defer func() {
		if recover() != nil { // a scanner slip only loses positions
			whole = false
		}
	}()
	for {
		s.skipSpace(true)
		if s.eof() {
			return p, true
		}
		pos := s.pos(file)
		if s.peek() == '[' {
			double := strings.HasPrefix(s.rest(), "[[")
			s.advance(1)
			if double {
				s.advance(1)
			}
			segs := s.keySegments()
			s.skipSpace(false)
			s.advance(1)
			if double {
				s.advance(1)
			}
			table = ""
			for i, seg := range segs {
				path := join(table, seg)
				switch {
				case i == len(segs)-1 && double:
					n := arrays[path]
					arrays[path] = n + 1
					path += "[" + itoa(n) + "]"
				case arrays[path] > 0:
					path += "[" + itoa(arrays[path]-1) + "]"
				}
				table = path
			}
			p.val[table] = pos
			p.key[table] = pos
			continue
		}
		s.keyValue(table, p)
	}
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// scanner walks TOML text keeping line and column (in characters).
type scanner struct {
	src       string
	i         int
	line, col int
}

func (s *scanner) eof() bool    { return s.i >= len(s.src) }
func (s *scanner) peek() byte   { return s.src[s.i] }
func (s *scanner) rest() string { return s.src[s.i:] }

func (s *scanner) pos(file string) Pos { return Pos{File: file, Line: s.line, Col: s.col} }

// advance moves n bytes forward, counting lines and characters. Moving
// past the end means the scanner lost its way: it panics, and locate
// recovers with the positions found so far.
func (s *scanner) advance(n int) {
	if s.i >= len(s.src) {
		panic("toml scanner past end of input")
	}
	for end := s.i + n; s.i < end && s.i < len(s.src); {
		r, size := utf8.DecodeRuneInString(s.src[s.i:])
		s.i += size
		if r == '\n' {
			s.line++
			s.col = 1
		} else {
			s.col++
		}
	}
}

// skipTo moves to the next byte that is one of stops, or to the end,
// counting lines and characters on the way; it is advance for long runs of
// text, such as the Chinese of a string.
func (s *scanner) skipTo(stops string) {
	n := strings.IndexAny(s.src[s.i:], stops)
	if n < 0 {
		n = len(s.src) - s.i
	}
	run := s.src[s.i : s.i+n]
	if nl := strings.LastIndexByte(run, '\n'); nl >= 0 {
		s.line += strings.Count(run, "\n")
		s.col = 1
		run = run[nl+1:]
	}
	s.col += utf8.RuneCountInString(run)
	s.i += n
}

// quoteStops is where a string that opened with quote q may end or hold
// an escape.
func quoteStops(q byte) string {
	if q == '"' {
		return `"\`
	}
	return `'\`
}

// skipSpace skips blanks and comments, and newlines too when newlines is set.
func (s *scanner) skipSpace(newlines bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.advance(1)
		case c == '\n' && newlines:
			s.advance(1)
		case c == '#':
			for !s.eof() && s.peek() != '\n' {
				s.advance(1)
			}
		default:
			return
		}
	}
}

// keySegments reads a dotted key such as a."b.c".d.
func (s *scanner) keySegments() []string {
	var segs []string
	for {
		s.skipSpace(false)
		switch s.peek() {
		case '"', '\'':
			q := s.peek()
			start := s.i + 1
			s.advance(1)
			for s.peek() != q {
				if q == '"' && s.peek() == '\\' {
					s.advance(1)
				}
				s.advance(1)
			}
			segs = append(segs, s.src[start:s.i])
			s.advance(1)
		default:
			start := s.i
			for !s.eof() && isBareKey(s.peek()) {
				s.advance(1)
			}
			segs = append(segs, s.src[start:s.i])
		}
		s.skipSpace(false)
		if s.eof() || s.peek() != '.' {
			return segs
		}
		s.advance(1)
	}
}

func isBareKey(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// keyValue reads `key = value` inside table, recording positions.
func (s *scanner) keyValue(table string, p *Positions) {
	kpos := s.pos(p.file)
	path := table
	for _, seg := range s.keySegments() {
		path = join(path, seg)
	}
	s.skipSpace(false)
	s.advance(1) // =
	s.skipSpace(false)
	p.key[path] = kpos
	s.value(path, p)
}

// value reads one value and records its position (and its elements').
func (s *scanner) value(path string, p *Positions) {
	p.val[path] = s.pos(p.file)
	r := s.rest()
	switch {
	case strings.HasPrefix(r, `"""`), strings.HasPrefix(r, `'''`):
		q, stops := r[:3], quoteStops(r[0])
		s.advance(3)
		for s.skipTo(stops); !strings.HasPrefix(s.rest(), q); s.skipTo(stops) {
			if q == `"""` && s.peek() == '\\' {
				s.advance(1)
			}
			s.advance(1)
		}
		s.advance(3)
		for !s.eof() && s.peek() == q[0] { // up to two quotes may end the content
			s.advance(1)
		}
	case r[0] == '"' || r[0] == '\'':
		q, stops := r[0], quoteStops(r[0])
		s.advance(1)
		for s.skipTo(stops); s.peek() != q; s.skipTo(stops) {
			if q == '"' && s.peek() == '\\' {
				s.advance(1)
			}
			s.advance(1)
		}
		s.advance(1)
	case r[0] == '[':
		s.advance(1)
		for n := 0; ; n++ {
			s.skipSpace(true)
			if s.peek() == ']' {
				break
			}
			s.value(path+"["+itoa(n)+"]", p)
			s.skipSpace(true)
			if s.peek() == ',' {
				s.advance(1)
			}
		}
		s.advance(1)
	case r[0] == '{':
		s.advance(1)
		for {
			s.skipSpace(true)
			if s.peek() == '}' {
				break
			}
			s.keyValue(path, p)
			s.skipSpace(true)
			if s.peek() == ',' {
				s.advance(1)
			}
		}
		s.advance(1)
	default: // number, boolean, date and time
		for !s.eof() && !strings.ContainsRune(",]}\n#", rune(s.peek())) {
			s.advance(1)
		}
	}
}
