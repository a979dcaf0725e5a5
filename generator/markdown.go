package generator

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// markdown is the one Markdown converter of the site. Raw HTML stays off
// (goldmark's default: it is replaced by a comment), and so does the
// typographer, which would turn editors' quotes into other characters.
// Soft line breaks between Chinese characters are dropped, as a reader of
// the Markdown file would expect; headings get ids for deep links.
var markdown = goldmark.New(
	goldmark.WithExtensions(
		extension.Table,
		extension.NewCJK(extension.WithEastAsianLineBreaks()),
	),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
)

// renderMarkdown turns an editor's Markdown into the HTML of a page body.
func renderMarkdown(src []byte) (template.HTML, error) {
	// goldmark's line-break handling panics on some invalid UTF-8 (found
	// by FuzzRenderMarkdown); editors' text must be UTF-8 anyway.
	if !utf8.Valid(src) {
		return "", errors.New("the text is not valid UTF-8: save the file as UTF-8")
	}
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	doc := markdown.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var b bytes.Buffer
	if err := markdown.Renderer().Render(&b, src, doc); err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	// goldmark escapes all text and drops raw HTML, so its output is safe.
	return template.HTML(b.String()), nil
}

// headingIDs makes heading ids from the heading's own words, keeping
// Chinese characters (goldmark's default keeps only ASCII, which leaves
// every Chinese heading as "heading-N"): "一、监督检查对象" becomes
// "一监督检查对象". Repeated ids get a -2, -3 suffix.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}}
}

// Generate implements parser.IDs.
func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var id []rune
	dash := false
	for _, r := range string(value) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			id = append(id, unicode.ToLower(r))
			dash = false
		case (unicode.IsSpace(r) || r == '-' || r == '_') && len(id) > 0 && !dash:
			id = append(id, '-')
			dash = true
		}
	}
	if dash {
		id = id[:len(id)-1]
	}
	base := string(id)
	if base == "" {
		base = "section"
	}
	candidate := base
	for n := 2; h.used[candidate]; n++ {
		candidate = fmt.Sprintf("%s-%d", base, n)
	}
	h.used[candidate] = true
	return []byte(candidate)
}

// Put implements parser.IDs.
func (h *headingIDs) Put(value []byte) {
	h.used[string(value)] = true
}
