// Package msg is the catalogue of what qingdan says to people: every message
// an editor, an IT person or the legal office can see (problems, hints, the
// command line's errors and usage, the preview's problem box, the progress
// line) is a Message declared once, in Simplified Chinese and in English.
//
// Chinese is the default. English is used only when asked for, by
// SetLang(EN) (the CLI does that for -lang en or QINGDAN_LANG=en), never
// because of the machine's locale.
//
// A package declares its messages as package-level variables, usually in a
// file messages.go:
//
//	var unitMissing = msg.New("unit.missing",
//		"责任单位 %q 不在 units.toml 中",
//		"unit %q is not in units.toml")
//
// and formats one with unitMissing.S(id). Both texts of a message take the
// same arguments in the same order (checked by this package's tests over
// the whole catalogue, All).
package msg

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// Lang is a language messages are shown in.
type Lang int32

const (
	ZH Lang = iota // Simplified Chinese, the default
	EN             // English, when asked for
)

var current atomic.Int32

// SetLang sets the language of every message formatted from now on.
func SetLang(l Lang) { current.Store(int32(l)) }

// Current is the language messages are shown in.
func Current() Lang { return Lang(current.Load()) }

// ParseLang reads a language name as a user types it: "zh", "zh-CN",
// "zh_CN.UTF-8", "中文" for Chinese; "en", "en-US", "English" for English.
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "中文" || s == "zh" || strings.HasPrefix(s, "zh-") || strings.HasPrefix(s, "zh_") || strings.HasPrefix(s, "zh."):
		return ZH, true
	case s == "en" || s == "english" || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en."):
		return EN, true
	}
	return ZH, false
}

// Message is one message in both languages. Its texts are fmt formats.
type Message struct {
	ID string // stable name, such as "unit.missing"; unique in the catalogue
	ZH string
	EN string
}

var (
	mu        sync.Mutex
	catalogue = map[string]Message{}
)

// New declares a message and adds it to the catalogue. It panics if the id
// is declared twice, which is a programming error found at start-up.
func New(id, zh, en string) Message {
	m := Message{ID: id, ZH: zh, EN: en}
	mu.Lock()
	defer mu.Unlock()
	if _, dup := catalogue[id]; dup {
		panic("msg: message " + id + " declared twice")
	}
	catalogue[id] = m
	return m
}

// S formats the message in the current language.
func (m Message) S(args ...any) string { return m.In(Current(), args...) }

// In formats the message in language l.
func (m Message) In(l Lang, args ...any) string {
	format := m.ZH
	if l == EN {
		format = m.EN
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// Error returns the message, formatted in the current language, as an error.
func (m Message) Error(args ...any) error { return textError(m.S(args...)) }

type textError string

func (e textError) Error() string { return string(e) }

// All returns every declared message, ordered by id.
func All() []Message {
	mu.Lock()
	defer mu.Unlock()
	out := make([]Message, 0, len(catalogue))
	for _, m := range catalogue {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
