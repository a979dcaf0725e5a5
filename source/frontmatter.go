package source

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

const fence = "+++"

// SplitFrontMatter splits a Markdown file into its TOML front matter and
// its body. The file must start with a line "+++", then TOML, then another
// "+++" line. Both parts keep the file's line numbers: the front matter is
// preceded by one blank line (for the opening fence), and in the body every
// front-matter line is blanked, so that problems in either name the line
// the editor sees.
func SplitFrontMatter(name string, data []byte) (front, body []byte, ps Problems) {
	data = []byte(lf(string(bytes.TrimPrefix(data, []byte("\uFEFF")))))
	if !utf8.Valid(data) {
		ps.Add(invalidUTF8(name, string(data)), saveAsUTF8, "the file is not valid UTF-8 text")
		return nil, nil, ps
	}
	lines := strings.SplitAfter(string(data), "\n")
	first := strings.TrimSpace(lines[0])
	if first != fence {
		hint := "start the file with a line +++, then id = \"01\", title = \"…\", order = 1, then a line +++, then the text"
		if first == "---" {
			hint = "front matter is TOML between +++ lines, not YAML between --- lines"
		}
		ps.Add(Pos{File: name, Line: 1, Col: 1}, hint, "the file does not start with front matter (a +++ line)")
		return nil, nil, ps
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != fence {
			continue
		}
		front = []byte("\n" + strings.Join(lines[1:i], ""))
		body = []byte(strings.Repeat("\n", i+1) + strings.Join(lines[i+1:], ""))
		return front, body, nil
	}
	ps.Add(Pos{File: name, Line: 1, Col: 1}, "add a line +++ after the front matter, before the text", "the front matter opened on line 1 is never closed")
	return nil, nil, ps
}
