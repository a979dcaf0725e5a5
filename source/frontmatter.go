package source

import (
	"strings"
)

const fence = "+++"

// SplitFrontMatter splits a Markdown file into its TOML front matter and
// its body. The file must start with a line "+++", then TOML, then another
// "+++" line. Both parts keep the file's line numbers: the front matter is
// preceded by one blank line (for the opening fence), and in the body every
// front-matter line is blanked, so that problems in either name the line
// the editor sees. The body's limits and characters are checked (see
// MaxMarkdown): a body beyond them is a problem, and no body.
func SplitFrontMatter(name string, data []byte) (front, body []byte, ps Problems) {
	text, bad := readText(name, data)
	if bad != nil {
		return nil, nil, append(ps, *bad)
	}
	lines := strings.SplitAfter(text, "\n")
	first := strings.TrimSpace(lines[0])
	if first != fence {
		hint := frontMissingFix.S()
		if first == "---" {
			hint = frontYAML.S()
		}
		ps.Add(Pos{File: name, Line: 1, Col: 1}, hint, frontMissing.S())
		return nil, nil, ps
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != fence {
			continue
		}
		front = []byte("\n" + strings.Join(lines[1:i], ""))
		body = []byte(strings.Repeat("\n", i+1) + strings.Join(lines[i+1:], ""))
		if ps := checkMarkdown(name, string(body)); ps != nil {
			return nil, nil, ps
		}
		return front, body, nil
	}
	ps.Add(Pos{File: name, Line: 1, Col: 1}, frontUnclosedFix.S(), frontUnclosed.S())
	return nil, nil, ps
}
