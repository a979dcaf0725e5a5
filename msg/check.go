package msg

import (
	"fmt"
	"regexp"
	"slices"
)

// T is the part of testing.TB that Check uses.
type T interface {
	Helper()
	Error(args ...any)
}

// Check fails t for every message in the catalogue whose Chinese or English
// text is empty, or whose two texts do not take the same arguments in the
// same order. A package that declares messages calls it from a test, so
// that its own catalogue entries are checked.
func Check(t T) {
	t.Helper()
	for _, m := range All() {
		if err := check(m); err != "" {
			t.Error(err)
		}
	}
}

func check(m Message) string {
	switch {
	case m.ZH == "" || m.EN == "":
		return fmt.Sprintf("message %s: both texts are needed (zh %q, en %q)", m.ID, m.ZH, m.EN)
	case !slices.Equal(verbs(m.ZH), verbs(m.EN)):
		return fmt.Sprintf("message %s: the texts take different arguments: zh %v, en %v", m.ID, verbs(m.ZH), verbs(m.EN))
	}
	return ""
}

var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[vTtbcdoOqxXUeEfFgGsp%]`)

// verbs lists the formatting verbs of s, in order, without %%.
func verbs(s string) []string {
	return slices.DeleteFunc(verb.FindAllString(s, -1), func(v string) bool { return v == "%%" })
}
