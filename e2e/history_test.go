package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRemovedItem removes a published work item (01-03) and a service (13) from a copy of the
// real content. Without a change entry, check and build refuse it, naming
// the record's line and what to add, and the published site stays as it
// was; with one, the build keeps the item's URL (its anchor on its duty's
// page) with the date, the notice and where its work went, and every
// internal link still resolves.
func TestRemovedItem(t *testing.T) {
	dir := newSite(t)
	out := buildSite(t, dir)
	before, err := os.ReadFile(filepath.Join(out, "duties", "01", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	duties := filepath.Join(dir, "content", "duties.toml")
	data, err := os.ReadFile(duties)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	at := strings.Index(s, "id = \"01-03\"")
	start := strings.LastIndex(s[:at], "[[duty.item]]")
	end := at + strings.Index(s[at:], "[[duty")
	if at < 0 || start < 0 || end < at {
		t.Fatal("content/duties.toml no longer has item 01-03")
	}
	if err := os.WriteFile(duties, []byte(s[:start]+s[end:]), 0o644); err != nil {
		t.Fatal(err)
	}
	// And the last service, 13, whose page becomes a tombstone.
	services := filepath.Join(dir, "content", "services.toml")
	data, err = os.ReadFile(services)
	if err != nil {
		t.Fatal(err)
	}
	s = string(data)
	last := strings.LastIndex(s, "[[service]]")
	if !strings.Contains(s[last:], `id = "13"`) {
		t.Fatal("service 13 is no longer the last of content/services.toml")
	}
	if err := os.WriteFile(services, []byte(s[:last]), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, cmd := range []string{"check", "build"} {
		r := run(t, dir, cmd)
		if r.code != 1 || !strings.Contains(r.stderr, "content/published.json:") || !strings.Contains(r.stderr, `已发布的具体工作事项 "01-03"`) ||
			!strings.Contains(r.stderr, `kind = "item"、id = "01-03"、action = "取消"`) {
			t.Errorf("%s of a list that silently dropped 01-03: exit %d\n%s", cmd, r.code, r.stderr)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(out, "duties", "01", "index.html")); string(after) != string(before) {
		t.Error("a refused build changed the published site")
	}

	changes := filepath.Join(dir, "content", "changes.toml")
	old, err := os.ReadFile(changes)
	if err != nil {
		t.Fatal(err)
	}
	entry := `[[change]]
date = 2026-12-15
title = "取消一项具体工作事项"
notice = "威政办字〔2026〕15号"
link = "/duties/01/"

[[change.adjust]]
kind = "item"
id = "01-03"
action = "取消"
to = "01-04"

[[change.adjust]]
kind = "service"
id = "13"
action = "取消"
note = "改由乡镇计生办办理"

`
	i := strings.Index(string(old), "[[change]]")
	if err := os.WriteFile(changes, []byte(string(old[:i])+entry+string(old[i:])), 0o644); err != nil {
		t.Fatal(err)
	}
	out = buildSite(t, dir)
	page, err := os.ReadFile(filepath.Join(out, "duties", "01", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`id="item-01-03"`, "2026年12月15日</time>取消", "威政办字〔2026〕15号", `href="/zfxxgk/qingdan/duties/01/#item-01-04"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("duties/01/ lacks %q", want)
		}
	}
	record, err := os.ReadFile(filepath.Join(dir, "content", "published.json"))
	if err != nil || !strings.Contains(string(record), `"id":"01-03","duty":"01"`) || !strings.Contains(string(record), `"removed":"2026-12-15"`) {
		t.Errorf("content/published.json does not keep the removed item (%v)", err)
	}
	if feed, _ := os.ReadFile(filepath.Join(out, "feed.xml")); !strings.Contains(string(feed), "（依据威政办字〔2026〕15号）调整：取消具体工作事项 01-03；取消公共服务事项 13。") {
		t.Error("the feed does not list the adjustment")
	}
	tomb, err := os.ReadFile(filepath.Join(out, "services", "13", "index.html"))
	if err != nil || !strings.Contains(string(tomb), "流动人口婚育证明") || !strings.Contains(string(tomb), "改由乡镇计生办办理") {
		t.Errorf("services/13/ does not keep the removed service with its note (%v)", err)
	}
	checkLinks(t, out)
	validateHTML(t, out, []string{filepath.Join(out, "duties", "01", "index.html"), filepath.Join(out, "services", "13", "index.html"),
		filepath.Join(out, "changes", "index.html"), filepath.Join(out, "index.html")})
}
