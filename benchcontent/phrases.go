package benchcontent

import (
	_ "embed"
	"strings"
)

// phrasesText holds clauses and sentences of the seed document, grouped
// under [section] lines; see phrases.txt.
//
//go:embed phrases.txt
var phrasesText string

// phrases are the seed's clauses by kind of text they make:
//
//	duty     clauses of 主要职责
//	item     clauses of 具体工作事项
//	matter   titles of boundary matters
//	role     clauses of a department's role in a matter
//	basis    legal bases, whole
//	service  service names, whole
//	content  clauses of a service's 主要内容
//	system   sentences of the supervision systems
var phrases = parsePhrases(phrasesText)

// parsePhrases reads the embedded phrase list. It is our own file, so a
// malformed line is a programming error caught by the tests.
func parsePhrases(text string) map[string][]string {
	out := map[string][]string{}
	section := ""
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = line[1 : len(line)-1]
		default:
			out[section] = append(out[section], line)
		}
	}
	return out
}
