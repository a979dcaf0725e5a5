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
		if pos, ok := p.val[path]; ok {
			return pos
		}
		if path == "" {
			if len(p.val) == 0 {
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
		if pos, ok := p.key[path]; ok {
			return pos
		}
	}
	return p.Of(path)
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
// key, value and array element. It is only called on text the TOML parser
// accepted, so it need not report errors; on anything unexpected it stops,
// and Of falls back to enclosing positions.
func locate(file, text string) *Positions {
	s := &scanner{src: text, line: 1, col: 1}
	p := &Positions{file: file, val: map[string]Pos{}, key: map[string]Pos{}}
	arrays := map[string]int{} // arrays of tables seen so far: path -> count
	table := ""
	defer func() { recover() }() // a scanner slip only loses positions
	for {
		s.skipSpace(true)
		if s.eof() {
			return p
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
		q := r[:3]
		s.advance(3)
		for !strings.HasPrefix(s.rest(), q) {
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
		q := r[0]
		s.advance(1)
		for s.peek() != q {
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
