package source

import "strings"

// lf turns the CRLF line endings that Windows editors (Notepad and most
// others) save into LF, so that a file gives the same values, texts and
// positions whichever way its lines end: a multi-line string or a Markdown
// body keeps no CR. A lone CR is left as it is.
func lf(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }
