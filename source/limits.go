package source

import (
	"strings"
	"unicode/utf8"
)

// The limits of a TOML file, checked by checkTOML before the TOML parser
// sees the text: a parser given 100,000 nested brackets, or a key of
// 100,000 dotted parts, takes gigabytes. The real content is far inside
// them (two levels of brackets, keys of at most three parts).
const (
	MaxDepth    = 32        // brackets [ ] and braces { } open at once
	MaxKeyParts = 16        // parts of one dotted key or table header (a.b.c has 3)
	MaxLine     = 1 << 20   // bytes in one line
	MaxArray    = 10_000    // elements of one [ ] list written in the file
	MaxEntries  = 2_000_000 // keys, tables and list elements in one file
)

// checkTOML returns the first limit that text (the file called name, without
// its byte order mark) goes beyond, as a problem at its place; nil when the
// text is within every limit. It reads only strings, comments, brackets,
// commas, dots and line ends, so that it cannot be misled by anything the
// parser would accept: whatever it does not understand counts for nothing.
func checkTOML(name, text string) Problems {
	s := limitScan{name: name, text: text, line: 1}
	var arrays []int // elements so far of each open bracket; -1 for a brace
	chain := 0       // parts of the dotted key being read
	entries := 0
	for s.i < len(text) {
		c := text[s.i]
		switch {
		case c == '\n':
			if p := s.newline(); p != nil {
				return p
			}
			chain = 0
			continue
		case c == '#':
			for s.i < len(text) && text[s.i] != '\n' {
				s.i++
			}
			continue
		case c == '"' || c == '\'':
			if p := s.skipString(); p != nil {
				return p
			}
			if chain == 0 {
				chain = 1
			}
			continue
		case c == '[' || c == '{':
			if len(arrays) >= MaxDepth {
				return s.problem(limitDepth.S(MaxDepth), limitDepthHint.S())
			}
			n := 0
			if c == '{' {
				n = -1
			}
			arrays = append(arrays, n)
			chain = 0
		case c == ']' || c == '}':
			if len(arrays) > 0 {
				arrays = arrays[:len(arrays)-1]
			}
			chain = 0
		case c == ',':
			if k := len(arrays) - 1; k >= 0 && arrays[k] >= 0 {
				if arrays[k]++; arrays[k] >= MaxArray {
					return s.problem(limitArray.S(MaxArray), limitArrayHint.S())
				}
			}
			if entries++; entries > MaxEntries {
				return s.problem(limitEntries.S(MaxEntries), limitEntriesHint.S())
			}
			chain = 0
		case c == '=':
			if entries++; entries > MaxEntries {
				return s.problem(limitEntries.S(MaxEntries), limitEntriesHint.S())
			}
			chain = 0
		case c == '.':
			if chain++; chain > MaxKeyParts {
				return s.problem(limitKeyParts.S(MaxKeyParts), limitKeyPartsHint.S())
			}
		case c == ' ' || c == '\t' || isBareKey(c):
			if chain == 0 && c != ' ' && c != '\t' {
				chain = 1
			}
		default:
			chain = 0
		}
		s.i++
	}
	if s.i-s.lineStart > MaxLine {
		return s.problemAt(s.lineStart, limitLine.S((s.i-s.lineStart)>>10, MaxLine>>10), limitLineHint.S())
	}
	return nil
}

// limitScan is where checkTOML is in the text.
type limitScan struct {
	name      string
	text      string
	i         int // byte offset
	line      int
	lineStart int // byte offset of the line's start
}

// newline steps over the line end at s.i, checking the line's length.
func (s *limitScan) newline() Problems {
	if s.i-s.lineStart > MaxLine {
		return s.problemAt(s.lineStart, limitLine.S((s.i-s.lineStart)>>10, MaxLine>>10), limitLineHint.S())
	}
	s.i++
	s.line++
	s.lineStart = s.i
	return nil
}

// skipString steps over the string that opens at s.i: a string in single
// or double quotes ends at its quote or the line's end, a multi-line one
// at its closing three quotes, and a backslash in a double-quoted string
// escapes the next byte.
func (s *limitScan) skipString() Problems {
	q := s.text[s.i]
	triple := strings.HasPrefix(s.text[s.i:], strings.Repeat(string(q), 3))
	if triple {
		s.i += 3
	} else {
		s.i++
	}
	for s.i < len(s.text) {
		c := s.text[s.i]
		switch {
		case c == '\\' && q == '"' && s.i+1 < len(s.text) && s.text[s.i+1] != '\n':
			s.i += 2
			continue
		case c == '\n' && !triple:
			return nil
		case c == '\n':
			if p := s.newline(); p != nil {
				return p
			}
			continue
		case c == q && !triple:
			s.i++
			return nil
		case c == q && strings.HasPrefix(s.text[s.i:], strings.Repeat(string(q), 3)):
			s.i += 3
			// A closing triple may be followed by one or two more quotes
			// that belong to the string.
			for n := 0; n < 2 && s.i < len(s.text) && s.text[s.i] == q; n++ {
				s.i++
			}
			return nil
		}
		s.i++
	}
	return nil
}

// problem is a limit problem at s.i.
func (s *limitScan) problem(message, hint string) Problems {
	return s.problemAt(s.i, message, hint)
}

// problemAt is a limit problem at the byte offset at of the current line.
func (s *limitScan) problemAt(at int, message, hint string) Problems {
	col := utf8.RuneCountInString(s.text[s.lineStart:at]) + 1
	return Problems{{Pos: Pos{File: s.name, Line: s.line, Col: col}, Message: message, Hint: hint}}
}
