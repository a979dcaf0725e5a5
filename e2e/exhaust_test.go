package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// deep is how deep the hostile cases nest: far past any limit, as deep as
// the inputs that took the machine past 4 GB.
const deep = 100_000

// hostileCases are broken cases (see TestBroken) that would exhaust the
// machine if the limits were not checked before parsing: TOML nested
// 100,000 deep every way it can be (arrays, inline tables, dotted keys,
// table headers) in a content file, in front matter and in site.toml; a
// list of a million elements; Markdown made of 100,000 of each construct
// that makes its parser slow; control characters in text; a time without
// a date. real reads a file of the real content.
func hostileCases(real func(string) []byte) []brokenCase {
	units := real("units.toml")
	md := real("supervision/01-zzrs.md")
	unit := func(key, value string) []byte {
		return append(append([]byte{}, units...), []byte("\n[[unit]]\nid = \"x\"\nname = \"x\"\nkind = \"股室\"\n"+key+" = "+value+"\n")...)
	}
	body := func(s string) []byte { return append(append([]byte{}, md...), []byte("\n"+s+"\n")...) }
	front := bytes.Replace(md, []byte("+++\n"), []byte("+++\nx = "+strings.Repeat("[", deep)+strings.Repeat("]", deep)+"\n"), 1)
	million := "synonyms = [" + strings.Repeat("1,", 1_000_000) + "1]\n"
	var lists strings.Builder
	for i := 0; i < 2000; i++ {
		lists.WriteString(strings.Repeat(" ", 2*i) + "- 条目\n")
	}
	siteToml, err := os.ReadFile(filepath.Join(repoRoot, "site.toml"))
	if err != nil {
		panic(err)
	}
	return []brokenCase{
		{name: "gen/deep-arrays", files: []caseFile{{name: "units.toml", data: unit("aliases", strings.Repeat("[", deep)+strings.Repeat("]", deep))}}},
		{name: "gen/deep-inline-tables", files: []caseFile{{name: "units.toml", data: unit("description", strings.Repeat("{a = ", deep)+"1"+strings.Repeat("}", deep))}}},
		{name: "gen/deep-dotted-key", files: []caseFile{{name: "changes.toml", data: []byte(strings.Repeat("a.", deep) + "a = 1\n")}}},
		{name: "gen/deep-table-header", files: []caseFile{{name: "changes.toml", data: []byte("[" + strings.Repeat("a.", deep) + "a]\n")}}},
		{name: "gen/deep-array-table-header", files: []caseFile{{name: "duties.toml", data: append(real("duties.toml"), []byte("\n[["+strings.Repeat("duty.", deep)+"item]]\n")...)}}},
		{name: "gen/deep-front-matter", files: []caseFile{{name: "supervision/01-zzrs.md", data: front}}},
		{name: "gen/deep-site-toml", files: []caseFile{{name: "site.toml", data: append(append([]byte{}, siteToml...), []byte("\n[x]\ny = "+strings.Repeat("[", deep)+strings.Repeat("]", deep)+"\n")...)}}},
		{name: "gen/million-element-list", files: []caseFile{{name: "synonyms.toml", data: []byte(million)}}},
		{name: "gen/markdown-link-openers", files: []caseFile{{name: "supervision/01-zzrs.md", data: body(strings.Repeat("[a](b", deep))}}},
		{name: "gen/markdown-empty-links", files: []caseFile{{name: "supervision/01-zzrs.md", data: body(strings.Repeat("[](", deep))}}},
		{name: "gen/markdown-emphasis", files: []caseFile{{name: "supervision/01-zzrs.md", data: body(strings.Repeat("*a_", deep))}}},
		{name: "gen/markdown-deep-quotes", files: []caseFile{{name: "supervision/01-zzrs.md", data: body(strings.Repeat(">", deep) + " 引文")}}},
		{name: "gen/markdown-deep-lists", files: []caseFile{{name: "supervision/01-zzrs.md", data: body(lists.String())}}},
		{name: "gen/markdown-control-chars", files: []caseFile{{name: "supervision/01-zzrs.md", data: body("正文\x00空字符\x1b[31m")}}},
	}
}
