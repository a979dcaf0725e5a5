package source

import (
	"strings"
	"unicode/utf8"
)

// The limits of the Markdown text of a file, checked by checkMarkdown
// before the Markdown parser sees it. The parser's time grows with the
// square of the link, emphasis and code marks in one paragraph (100,000
// "[a](b" take minutes) and with the depth of nested lists and quotes; the
// real supervision systems have a few kilobytes, a few dozen marks per
// paragraph and lists two deep.
const (
	MaxMarkdown      = 1 << 20 // bytes of Markdown text in one file
	MaxMarksPerBlock = 200     // marks [ ] ( ) * _ ` in one paragraph
	MaxMarks         = 10_000  // the same marks in one file
	MaxNesting       = 16      // list and quote marks that open a line
	MaxIndent        = 64      // columns of spaces and marks that open a line
)

// markdownMarks are the characters whose number in a paragraph makes the
// parser slow (links and emphasis are matched pair by pair); text of a
// megabyte with none of them takes a second at most whatever it holds.
const markdownMarks = "[]()*_`"

// checkMarkdown returns the first limit the Markdown text body of the file
// name goes beyond, and every control character in it, as problems at
// their place; body keeps the file's line numbers.
func checkMarkdown(name, body string) Problems {
	if len(body) > MaxMarkdown {
		return Problems{{Pos: Pos{File: name}, Message: mdTooBig.S(len(body)>>10, MaxMarkdown>>10), Hint: mdTooBigHint.S()}}
	}
	var ps Problems
	block, total := 0, 0
	for n, line := range strings.Split(body, "\n") {
		pos := func(byteCol int) Pos {
			return Pos{File: name, Line: n + 1, Col: utf8.RuneCountInString(line[:byteCol]) + 1}
		}
		if strings.TrimSpace(line) == "" {
			block = 0
		}
		if width, marks := linePrefix(line); marks > MaxNesting || width > MaxIndent {
			return append(ps, Problem{Pos: pos(0), Message: mdNesting.S(MaxNesting, MaxIndent), Hint: mdNestingHint.S()})
		}
		for i, r := range line {
			switch {
			case strings.ContainsRune(markdownMarks, r):
				block++
				total++
				if block > MaxMarksPerBlock || total > MaxMarks {
					return append(ps, Problem{Pos: pos(i), Message: mdMarks.S(MaxMarksPerBlock, MaxMarks), Hint: mdMarksHint.S()})
				}
			case IsControl(r) && r != '\t' && r != '\r':
				ps = append(ps, Problem{Pos: pos(i), Message: textControl.S(r), Hint: textControlHint.S()})
			}
		}
	}
	return ps
}

// linePrefix measures what opens a Markdown line: the width in columns of
// its spaces, tabs and list or quote marks, and the number of marks.
func linePrefix(line string) (width, marks int) {
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == ' ':
			width++
		case c == '\t':
			width += 4 - width%4
		case c == '>' || c == '-' || c == '+' || c == '*':
			width++
			marks++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j == len(line) || (line[j] != '.' && line[j] != ')') {
				return width, marks
			}
			width += j - i + 1
			marks++
			i = j
		default:
			return width, marks
		}
	}
	return width, marks
}
