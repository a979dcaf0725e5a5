package generator

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestParagraphs(t *testing.T) {
	src := "开头一段，\n接着写。\n\n## 一、对象\n\n已批准的\n**相对人**。\n\n### (一)内容\n\n- 1、第一条；\n- 2、第二条 see\nalso。\n\n## 一、对象\n\n| 甲 | 乙 |\n|---|---|\n| 丙 | 丁 |\n"
	got, err := paragraphs(src)
	if err != nil {
		t.Fatal(err)
	}
	want := []paragraph{
		{"", "", "开头一段，接着写。"},
		{"一、对象", "一对象", "已批准的相对人。"},
		{"(一)内容", "一内容", "1、第一条；"},
		{"(一)内容", "一内容", "2、第二条 see also。"},
		{"一、对象", "一对象-2", "甲 乙"},
		{"一、对象", "一对象-2", "丙 丁"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs:\n got %q\nwant %q", got, want)
	}
}

// TestSearchRecordsRealContent checks the records of the real list: one
// for everything the issue lists, every link landing on a page (and an
// anchor) the site really has.
func TestSearchRecordsRealContent(t *testing.T) {
	site, _ := loadContent(t)
	recs, err := searchRecords(site)
	if err != nil {
		t.Fatal(err)
	}
	out := render(t, site)
	count := map[string]int{}
	root := site.Config.Root
	for _, r := range recs {
		count[r.Part]++
		page, anchor, _ := strings.Cut(strings.TrimPrefix(r.URL, root), "#")
		html, ok := out[page+"index.html"]
		if !ok {
			t.Errorf("%s: no such page", r.URL)
			continue
		}
		if anchor != "" && !strings.Contains(string(html), `id="`+anchor+`"`) {
			t.Errorf("%s: the page has no anchor %q", r.URL, anchor)
		}
		if strings.TrimSpace(r.Title) == "" {
			t.Errorf("%s: record without a title", r.URL)
		}
	}
	items, roles, paras := 0, 0, 0
	for _, d := range site.Duties {
		items += len(d.Items)
	}
	for _, m := range site.Matters {
		roles += len(m.Roles)
	}
	for _, s := range site.Systems {
		ps, _ := paragraphs(s.Text)
		for _, p := range ps {
			if p.text != s.Summary {
				paras++
			}
		}
	}
	want := map[string]int{
		PartDuties:      len(site.Duties) + items,
		PartServices:    len(site.Services),
		PartBoundaries:  len(site.Matters) + roles,
		PartSupervision: len(site.Systems) + paras,
		sectionUnits:    len(site.Units),
	}
	if !reflect.DeepEqual(count, want) {
		t.Errorf("records per part = %v, want %v", count, want)
	}
	var manifest struct{ Records int }
	if err := json.Unmarshal(out["search/index.json"], &manifest); err != nil || manifest.Records != len(recs) {
		t.Errorf("search/index.json: %v, %d records, want %d", err, manifest.Records, len(recs))
	}
}
