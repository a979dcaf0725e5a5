package generator

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"qingdan/msg"
)

// publishedJSON is a record of published ids as a build writes it, made
// from the fixture's content plus extra entries the content no longer has.
func publishedJSON(t *testing.T, fsys fstest.MapFS, extra ...PublishedEntry) []byte {
	t.Helper()
	cfg, _ := fixtureConfig(t, nil)
	site, ps := Load(fsys, cfg)
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	data, err := ManifestBytes(site)
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	m.Entries = append(m.Entries, extra...)
	var b strings.Builder
	b.WriteString("{\"about\": \"x\", \"entries\": [\n")
	for i, e := range m.Entries {
		line, _ := json.Marshal(e)
		b.Write(line)
		if i < len(m.Entries)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]}\n")
	return []byte(b.String())
}

const removalChange = `[[change]]
date = 2026-12-15
title = "取消两项工作"
notice = "示政办字〔2026〕15号"
notice_link = "https://www.example.gov.cn/zfxxgk/15.html"

[[change.adjust]]
kind = "item"
id = "01-03"
action = "取消"
to = "01-01"

[[change.adjust]]
kind = "service"
id = "07"
action = "合并"
to = "01"
note = "并入优生服务"

[[change]]
date = 2026-11-28
title = "首次发布"
link = "/"
`

// TestHistoryRemoval removes a published work item and a service: with a
// change entry the URLs stay, saying when and by which notice; without one
// the content is refused at the record's line, naming what to add.
func TestHistoryRemoval(t *testing.T) {
	cfg, _ := fixtureConfig(t, nil)
	extra := []PublishedEntry{
		{Kind: KindItem, ID: "01-03", Duty: "01", Title: "已取消的事项原文。"},
		{Kind: KindService, ID: "07", Title: "婚育证明"},
	}

	t.Run("without a change entry", func(t *testing.T) {
		fsys := fixtureFS(t)
		fsys[ManifestFile] = &fstest.MapFile{Data: publishedJSON(t, fsys, extra...)}
		site, ps := Load(fsys, cfg)
		if site != nil || !ps.HasErrors() {
			t.Fatalf("loaded a list that silently dropped published ids: %v", ps)
		}
		got := ps.String()
		for _, want := range []string{`具体工作事项 "01-03"（已取消的事项原文。）不在清单里了`, `公共服务事项 "07"`, `kind = "item"、id = "01-03"、action = "取消"`, "content/published.json:"} {
			if !strings.Contains(got, want) {
				t.Errorf("problems lack %q:\n%s", want, got)
			}
		}
	})

	t.Run("with a change entry", func(t *testing.T) {
		fsys := fixtureFS(t)
		fsys[ManifestFile] = &fstest.MapFile{Data: publishedJSON(t, fsys, extra...)}
		fsys["changes.toml"] = &fstest.MapFile{Data: []byte(removalChange)}
		site, ps := Load(fsys, cfg)
		if ps.HasErrors() {
			t.Fatal(ps)
		}
		out := render(t, site)
		duty := string(out["duties/01/index.html"])
		for _, want := range []string{
			`id="item-01-03"`, "已取消的事项原文。", "2026年12月15日</time>取消",
			`<a href="https://www.example.gov.cn/zfxxgk/15.html">示政办字〔2026〕15号</a>`,
			`<a href="/zfxxgk/qingdan/duties/01/#item-01-01">具体工作事项 01-01</a>承担`,
			`<summary>调整记录（1条）</summary>`, // 01-01 took its work
		} {
			if !strings.Contains(duty, want) {
				t.Errorf("duties/01/ lacks %q", want)
			}
		}
		tomb := string(out["services/07/index.html"])
		for _, want := range []string{"婚育证明", "合并", "示政办字〔2026〕15号", "并入优生服务", `href="/zfxxgk/qingdan/services/01/"`} {
			if !strings.Contains(tomb, want) {
				t.Errorf("services/07/ (the tombstone) lacks %q", want)
			}
		}
		if !strings.Contains(string(out["changes/index.html"]), `<a href="/zfxxgk/qingdan/services/07/">07</a>`) {
			t.Error("the 更新记录 page does not link the removed service")
		}
		if !strings.Contains(string(out["feed.xml"]), "（依据示政办字〔2026〕15号）调整：取消具体工作事项 01-03；合并公共服务事项 07。") {
			t.Errorf("the feed does not list the adjustments:\n%s", out["feed.xml"])
		}
		if !strings.Contains(string(out["index.html"]), `取消<a href="/zfxxgk/qingdan/duties/01/#item-01-03">01-03</a>`) {
			t.Error("the home page does not list the adjustments")
		}
		var m manifest
		if err := json.Unmarshal(out["data/"+ManifestFile], &m); err != nil {
			t.Fatal(err)
		}
		removed := map[string]string{}
		for _, e := range m.Entries {
			removed[e.Kind+" "+e.ID] = e.Removed
		}
		if removed["item 01-03"] != "2026-12-15" || removed["service 07"] != "2026-12-15" || removed["item 01-01"] != "" {
			t.Errorf("the new record does not keep the removed ids: %v", removed)
		}
		// The new record, loaded again, needs nothing more.
		fsys[ManifestFile] = &fstest.MapFile{Data: out["data/"+ManifestFile]}
		if _, ps := Load(fsys, cfg); ps.HasErrors() {
			t.Errorf("the record a build wrote does not load: %v", ps)
		}
	})
}

// TestHistoryRemovedDuty removes a whole duty with its items: the duty's
// page stays, listing the removed items under their anchors.
func TestHistoryRemovedDuty(t *testing.T) {
	cfg, _ := fixtureConfig(t, nil)
	fsys := fixtureFS(t)
	fsys[ManifestFile] = &fstest.MapFile{Data: publishedJSON(t, fsys,
		PublishedEntry{Kind: KindDuty, ID: "05", Title: "旧职责"},
		PublishedEntry{Kind: KindItem, ID: "05-01", Duty: "05", Title: "旧事项一"},
		PublishedEntry{Kind: KindItem, ID: "05-02", Duty: "05", Title: "旧事项二"},
	)}
	fsys["changes.toml"] = &fstest.MapFile{Data: []byte(`[[change]]
date = 2026-12-20
title = "职能划转"
notice = "示编〔2026〕3号"

[[change.adjust]]
kind = "duty"
id = "05"
action = "取消"

[[change.adjust]]
kind = "item"
id = "05-01"
action = "取消"

[[change.adjust]]
kind = "item"
id = "05-02"
action = "取消"
`)}
	site, ps := Load(fsys, cfg)
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	out := render(t, site)
	page := string(out["duties/05/index.html"])
	for _, want := range []string{"旧职责", `id="item-05-01"`, `id="item-05-02"`, "旧事项二", "示编〔2026〕3号", "清单中没有承接它的条目"} {
		if !strings.Contains(page, want) {
			t.Errorf("duties/05/ lacks %q", want)
		}
	}
	if !strings.Contains(string(out["sitemap.xml"]), "duties/05/") {
		t.Error("the tombstone is not in the sitemap")
	}
}

// TestCountyMessages checks the catalogue, this package's messages included.
func TestCountyMessages(t *testing.T) { msg.Check(t) }
