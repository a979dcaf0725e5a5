package reports

import (
	"strings"

	"qingdan/msg"
	"qingdan/source"
)

// inEnglish has problems read in English for the rest of a test, as the
// tests of this file's package were written (problems are Chinese by
// default); the returned func restores the default.
func inEnglish() func() {
	msg.SetLang(msg.EN)
	return func() { msg.SetLang(msg.ZH) }
}

// unlabelled prints problems as those tests expect them: without the
// "error: " label that Problem.String now gives each error.
func unlabelled(ps source.Problems) string {
	return strings.ReplaceAll(ps.String(), ": error: ", ": ")
}
