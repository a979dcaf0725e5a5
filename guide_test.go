package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"qingdan/msg"
)

// TestGuideQuotesRealMessages: every message content/README.md shows an
// editor (a code span with 错误：, 警告： or 提示：) reads as a message of
// the catalogue does, so the guide cannot drift from what check prints.
// "……" in the guide stands for text left out.
func TestGuideQuotesRealMessages(t *testing.T) {
	guide, err := os.ReadFile("content/README.md")
	if err != nil {
		t.Fatal(err)
	}
	verb := regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)
	var patterns []*regexp.Regexp
	for _, m := range msg.All() {
		parts := verb.Split(m.ZH, -1)
		for i := range parts {
			parts[i] = regexp.QuoteMeta(parts[i])
		}
		patterns = append(patterns, regexp.MustCompile("^"+strings.Join(parts, ".*")+"$"))
	}
	span := regexp.MustCompile("`([^`]*(?:错误：|警告：|提示：)[^`]*)`")
	prefix := regexp.MustCompile(`^(?:[^ ]+:(?:\d+:\d+:)? )?(?:错误：|警告：|提示：)`)
	checked := 0
	for _, m := range span.FindAllStringSubmatch(string(guide), -1) {
		text := prefix.ReplaceAllString(m[1], "")
		if text == m[1] || text == "" || text == "问题" {
			continue // "错误：" on its own, or the shape "文件:行:列: 错误：问题"
		}
		re := regexp.MustCompile("^" + strings.ReplaceAll(regexp.QuoteMeta(text), "……", ".*") + "$")
		found := false
		for _, p := range patterns {
			// Either side may be the more general: the guide elides, the
			// catalogue has verbs.
			if p.MatchString(text) || re.MatchString(p.String()) || matchesFormat(re, p) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("content/README.md shows %q, which is no message qingdan prints", m[1])
		}
		checked++
	}
	if checked < 30 {
		t.Errorf("only %d messages checked in content/README.md", checked)
	}
}

// matchesFormat reports whether the guide's pattern re matches the
// catalogue's pattern p with each wildcard filled by "X".
func matchesFormat(re, p *regexp.Regexp) bool {
	s := strings.TrimSuffix(strings.TrimPrefix(p.String(), "^"), "$")
	s = strings.ReplaceAll(s, ".*", "X")
	s = regexp.MustCompile(`\\(.)`).ReplaceAllString(s, "$1")
	return re.MatchString(s)
}

func TestCatalogue(t *testing.T) { msg.Check(t) }
