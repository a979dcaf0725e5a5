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

// TestHistoryMovedItem moves a published work item to another duty: the
// old duty's page keeps its anchor, saying where it went and by which
// notice, through the next builds too (the record keeps the old place);
// without an adjustment the move is refused at the item.
func TestHistoryMovedItem(t *testing.T) {
	cfg, _ := fixtureConfig(t, nil)
	const item = "[[duty.item]]\nid = \"01-02\"\ntext = \"负责做好国家免费孕前优生健康检查工作，提高出生人口素质。\"\nunits = [\"jsfwz\", \"zcfg\"]\n"
	const duty2 = "\n[[duty]]\nid = \"02\"\ntext = \"组织实施人口和计划生育宣传教育。\"\n\n[[duty.item]]\nid = \"02-01\"\ntext = \"开展宣传教育活动。\"\nunits = [\"zcfg\"]\n"
	withFile := func(fsys fstest.MapFS, name, data string) {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	published := fixtureFS(t)
	duties := string(published["duties.toml"].Data)
	if !strings.Contains(duties, item) {
		t.Fatal("the fixture's item 01-02 is not as the test writes it")
	}
	withFile(published, "duties.toml", duties+duty2)
	record := publishedJSON(t, published)

	fsys := fixtureFS(t)
	withFile(fsys, ManifestFile, string(record))
	withFile(fsys, "duties.toml", strings.Replace(duties, item, "", 1)+duty2+"\n"+item)
	t.Run("without a change entry", func(t *testing.T) {
		site, ps := Load(fsys, cfg)
		if site != nil {
			t.Fatal("loaded a list that moved a published item without an adjustment")
		}
		got := ps.String()
		for _, want := range []string{`content/duties.toml:`, `具体工作事项 "01-02" 发布时在主要职责 "01" 下，现在移到了 "02" 下`, `id = "01-02"、action = "调整"`} {
			if !strings.Contains(got, want) {
				t.Errorf("problems lack %q:\n%s", want, got)
			}
		}
	})

	moveChange := `[[change]]
date = 2026-12-10
title = "调整工作事项"
notice = "示政办字〔2026〕10号"

[[change.adjust]]
kind = "item"
id = "01-02"
action = "调整"
note = "划入宣传教育职责"
`
	withFile(fsys, "changes.toml", moveChange+"\n"+string(fixtureFS(t)["changes.toml"].Data))
	site, ps := Load(fsys, cfg)
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	out := render(t, site)
	const anchor = `<li class="item removed" id="item-01-02"><span class="num">01-02</span><p>负责做好国家免费孕前优生健康检查工作，提高出生人口素质。</p><p class="gone">本条已于<time datetime="2026-12-10">2026年12月10日</time>调整到<a href="/zfxxgk/qingdan/duties/02/#item-01-02">主要职责 02</a>下，依据示政办字〔2026〕10号（<a href="/zfxxgk/qingdan/changes/#change-`
	if page := string(out["duties/01/index.html"]); !strings.Contains(page, anchor) {
		t.Errorf("duties/01/ does not keep the moved item's anchor with where it went:\n%s", page)
	}
	if !strings.Contains(string(out["duties/02/index.html"]), `id="item-01-02"`) {
		t.Error("duties/02/ does not list the item it took")
	}

	// The next build reads the record this one wrote: the old place is
	// in it, and a later adjustment of the item does not change the
	// notice the move names.
	var m manifest
	if err := json.Unmarshal(out["data/"+ManifestFile], &m); err != nil {
		t.Fatal(err)
	}
	var places []string
	for _, e := range m.Entries {
		if e.ID == "01-02" {
			places = append(places, e.Duty+" "+e.Removed)
		}
	}
	if strings.Join(places, ",") != "01 2026-12-10,02 " {
		t.Errorf("the record keeps 01-02 at %q, want the old duty with the day it left and the new one", places)
	}
	withFile(fsys, ManifestFile, string(out["data/"+ManifestFile]))
	later := strings.Replace(moveChange, "2026-12-10", "2026-12-20", 1)
	later = strings.Replace(later, "〔2026〕10号", "〔2026〕20号", 1)
	withFile(fsys, "changes.toml", later+"\n"+moveChange+"\n"+string(fixtureFS(t)["changes.toml"].Data))
	site, ps = Load(fsys, cfg)
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	out = render(t, site)
	if page := string(out["duties/01/index.html"]); !strings.Contains(page, anchor) {
		t.Errorf("the next build lost the moved item's anchor, or names another notice:\n%s", page)
	}

	// Removed after the move: both places keep their anchors.
	withFile(fsys, ManifestFile, string(out["data/"+ManifestFile]))
	withFile(fsys, "duties.toml", strings.Replace(duties, item, "", 1)+duty2)
	withFile(fsys, "changes.toml", "[[change]]\ndate = 2026-12-30\ntitle = \"取消\"\n\n[[change.adjust]]\nkind = \"item\"\nid = \"01-02\"\naction = \"取消\"\n\n"+later+"\n"+moveChange+"\n"+string(fixtureFS(t)["changes.toml"].Data))
	site, ps = Load(fsys, cfg)
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	out = render(t, site)
	for _, page := range []string{"duties/01/index.html", "duties/02/index.html"} {
		if !strings.Contains(string(out[page]), `<li class="item removed" id="item-01-02">`) {
			t.Errorf("%s lost the anchor of the item removed after it moved", page)
		}
	}
}
