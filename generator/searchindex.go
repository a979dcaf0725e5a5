package generator

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"qingdan/search"
)

// searchParts are the parts a search hit belongs to, as the search page
// filters and labels them.
var searchParts = []search.Label{
	{ID: PartDuties, Name: "职责"},
	{ID: PartServices, Name: "服务"},
	{ID: PartBoundaries, Name: "边界"},
	{ID: PartSupervision, Name: "制度"},
	{ID: sectionUnits, Name: "股室"},
}

// writeSearchIndex writes the site's search index under search/: one
// record for every work item, duty, unit, service, boundary matter and
// role, supervision system and paragraph of a system.
func writeSearchIndex(site *Site, out Output) error {
	records, err := searchRecords(site)
	if err != nil {
		return err
	}
	in := search.Input{Parts: searchParts, Records: records, Synonyms: site.Synonyms}
	for _, u := range site.Units {
		l := search.Label{ID: u.ID, Name: u.Name}
		if u.Parent != nil {
			l.Parent = u.Parent.ID
		}
		in.Units = append(in.Units, l)
	}
	return writeIndex(in, out)
}

// writeIndex builds the search index of in and writes it under search/.
func writeIndex(in search.Input, out Output) error {
	files, err := search.Build(in, search.DefaultLimits)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := out.WriteFile("search/"+f.Name, f.Data); err != nil {
			return fmt.Errorf("write search/%s: %w", f.Name, err)
		}
	}
	return nil
}

// searchRecords lists what the search finds, in list order.
func searchRecords(site *Site) ([]search.Record, error) {
	root := site.Config.Root
	var recs []search.Record
	add := func(url, title, body, part string, units []*Unit) {
		r := search.Record{URL: root + url, Title: title, Body: body, Part: part}
		for _, u := range units {
			r.Units = append(r.Units, u.ID)
		}
		recs = append(recs, r)
	}
	for _, d := range site.Duties {
		page := d.Path()
		var units []*Unit
		for _, it := range d.Items {
			units = append(units, it.Units...)
		}
		add(page, d.Title, join("\n", d.Text, d.Note), PartDuties, units)
		for _, it := range d.Items {
			add(page+"#item-"+it.ID, it.Text, it.UnitsNote, PartDuties, it.Units)
		}
	}
	for _, s := range site.Services {
		handler := s.Handler
		if handler == "" {
			var names []string
			for _, u := range s.Units {
				names = append(names, u.Name)
			}
			handler = strings.Join(names, "、")
		}
		body := join("\n", s.Content, "承办："+handler, "电话："+strings.Join(s.Phones, "、"))
		add(s.Path(), s.Name, body, PartServices, s.Units)
	}
	for _, m := range site.Matters {
		page := m.Path()
		add(page, m.Title, join("\n", strings.Join(m.Basis, "\n"), strings.Join(m.Cases, "\n")), PartBoundaries, nil)
		for _, r := range m.Roles {
			add(page+"#roles", m.Title+" · "+r.Department, r.Duty, PartBoundaries, nil)
		}
	}
	for _, s := range site.Systems {
		page := s.Path()
		add(page, s.Title, s.Summary, PartSupervision, nil)
		paras, err := paragraphs(s.Text)
		if err != nil {
			return nil, fmt.Errorf("search index of %s: %w", s.File, err)
		}
		for _, p := range paras {
			if p.text == s.Summary {
				continue
			}
			url, title := page, s.Title
			if p.headingID != "" {
				url, title = page+"#"+p.headingID, s.Title+" · "+p.heading
			}
			add(url, title, p.text, PartSupervision, nil)
		}
	}
	for _, u := range site.Units {
		var about []string
		if u.Parent != nil {
			about = append(about, "隶属于"+u.Parent.Name)
		}
		if u.Phone != "" {
			about = append(about, "电话："+u.Phone)
		}
		if len(u.Aliases) > 0 {
			about = append(about, "又称"+strings.Join(u.Aliases, "、"))
		}
		add(u.Path(), u.Name, join("\n", u.Kind, strings.Join(about, "；"), u.Description), sectionUnits, []*Unit{u})
	}
	return recs, nil
}

// join joins the non-empty strings with sep.
func join(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// paragraph is one block of text of a supervision system, with the
// heading it stands under.
type paragraph struct {
	heading   string
	headingID string // the id the rendered page gives that heading
	text      string
}

// paragraphs cuts a system's Markdown into its paragraphs, list items
// and table rows, as plain text. It parses exactly as renderMarkdown
// does, so heading ids match the page's.
func paragraphs(src string) ([]paragraph, error) {
	data := []byte(src)
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	doc := markdown.Parser().Parse(text.NewReader(data), parser.WithContext(ctx))
	var out []paragraph
	var heading, headingID string
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			heading = plainText(n, data)
			if id, ok := n.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					headingID = string(b)
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *east.TableRow, *east.TableHeader:
			if t := plainText(n, data); strings.TrimSpace(t) != "" {
				out = append(out, paragraph{heading, headingID, strings.TrimSpace(t)})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out, err
}

// plainText is the text of a block without Markdown syntax: table cells
// apart by a space, soft line breaks dropped between East Asian characters
// (as the page renders them) and kept as a space elsewhere.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	softBreak := false
	write := func(s string) {
		if s == "" {
			return
		}
		if softBreak {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(s)
			if !wide(last) || !wide(first) {
				b.WriteString(" ")
			}
			softBreak = false
		}
		b.WriteString(s)
	}
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *east.TableCell:
			if c.PreviousSibling() != nil {
				write(" ")
			}
		case *ast.Text:
			write(string(c.Value(src)))
			softBreak = c.SoftLineBreak()
		case *ast.String:
			write(string(c.Value))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// wide reports whether r is East Asian (CJK characters and punctuation,
// full-width forms), between which a line break is no space.
func wide(r rune) bool {
	return r >= 0x2E80
}
