// Package source reads the files editors write (TOML, Markdown with TOML
// front matter) and reports what is wrong with them in the editor's terms:
// the file, the line and column of the offending value, what is wrong and
// how to fix it.
//
// Everything that parses user input in qingdan goes through this package, so
// that content files and case files give errors of one shape:
//
//	content/duties.toml:42:3: 错误：责任单位 "zcfgg" 不在 units.toml 中
//	  提示：是不是 "zcfg"（政策法规股（信访室））？
//
// Every text of a problem comes from the message catalogue (package msg),
// in Chinese unless English was asked for.
package source

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in an editor's file. Line and Col start at 1; Col counts
// characters (not bytes), as editors show it. A zero Line means the whole file.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity says whether a problem stops the build.
type Severity int

const (
	Error   Severity = iota // the build stops; nothing is written
	Warning                 // reported, the build goes on
)

// Problem is one thing wrong in an editor's file.
type Problem struct {
	Pos      Pos
	Severity Severity
	Message  string // what is wrong, lowercase, no trailing period
	Hint     string // how to fix it; may be empty
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Pos.String())
	b.WriteString(": ")
	if p.Severity == Warning {
		b.WriteString(labelWarning.S())
	} else {
		b.WriteString(labelError.S())
	}
	b.WriteString(p.Message)
	if p.Hint != "" {
		b.WriteString("\n  " + labelHint.S())
		b.WriteString(p.Hint)
	}
	return b.String()
}

// Problems is a list of problems, as every loader returns them.
type Problems []Problem

// Add appends an error at pos. The message is format with args, or, without
// args, format itself: a message already formatted from the catalogue
// (m.S(...)) is passed as is, whatever it holds.
func (ps *Problems) Add(pos Pos, hint, format string, args ...any) {
	*ps = append(*ps, Problem{Pos: pos, Message: sprintf(format, args), Hint: hint})
}

// Warn appends a warning at pos, as Add does an error.
func (ps *Problems) Warn(pos Pos, hint, format string, args ...any) {
	*ps = append(*ps, Problem{Pos: pos, Severity: Warning, Message: sprintf(format, args), Hint: hint})
}

func sprintf(format string, args []any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// HasErrors reports whether any problem is an error (not a warning).
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Sort orders problems by file, line and column, so output is stable.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Pos, ps[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

func (ps Problems) String() string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}
