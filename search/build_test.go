package search

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "update golden files")

// fixture is a few records from the real list, chosen to cover titles and
// bodies, units, every part, phones, Latin letters and synonyms. The JS
// tests query its golden index (testdata/index/).
var fixture = Input{
	Parts: syntheticParts,
	Units: []Label{{ID: "zcfg", Name: "政策法规股（信访室）"}, {ID: "fzgh", Name: "发展规划与统计信息股"}, {ID: "ldrk", Name: "流动人口管理服务中心", Parent: "fzgh"}},
	Records: []Record{
		{URL: "/services/09/", Title: "生育政策咨询", Body: "计划生育法律、法规、政策咨询，生育审批服务指导。\n承办：政策法规股（信访室）\n电话：7631779", Part: "services", Units: []string{"zcfg"}},
		{URL: "/services/13/", Title: "流动人口婚育证明", Body: "免费为流出人口办理流动人口婚育证明\n承办：流动人口管理服务中心\n电话：7631761", Part: "services", Units: []string{"ldrk"}},
		{URL: "/duties/04/#item-04-02", Title: "拟订全县流动人口计划生育服务管理方面的措施、办法，规范流动人口计划生育服务管理工作制度。", Part: "duties", Units: []string{"ldrk", "ldrk"}},
		{URL: "/duties/01/#item-01-04", Title: "负责农村部分计划生育家庭奖励扶助、计划生育家庭特别扶助、独生子女父母奖励等计划生育利益导向机制落实工作。", Part: "duties", Units: []string{"zcfg"}},
		{URL: "/boundaries/03/#roles", Title: "出生人口性别比治理 · 卫生局", Body: "负责建立完善孕产期全程服务管理、B超管理等制度", Part: "boundaries"},
		{URL: "/boundaries/03/#roles", Title: "出生人口性别比治理 · 公安局", Body: "负责“两非”案件的调查处理，依法打击溺弃婴儿等违法犯罪行为", Part: "boundaries"},
		{URL: "/supervision/04/#三查处流程", Title: "规范案件查处 · 三、查处流程", Body: "5、听证。计划生育行政机关在对违法行为作出 8000 元以上行政处罚款决定之前，应当告知当事人有要求举行听证的权利", Part: "supervision"},
		{URL: "/units/zcfg/", Title: "政策法规股（信访室）", Body: "股室\n电话：7631779；又称政策法规股(信访室)、政策法规科", Part: "units", Units: []string{"zcfg"}},
		{URL: "/units/ldrk/", Title: "流动人口管理服务中心", Body: "中心\n隶属于发展规划与统计信息股；电话：7631761", Part: "units", Units: []string{"ldrk"}},
	},
	Synonyms: [][]string{{"计生", "计划生育"}, {"奖扶", "奖励扶助"}, {"B超", "B型超声"}},
}

// fixtureLimits split even the fixture into several shards, big postings
// files and chunks, so that the JS tests cover every kind of file.
var fixtureLimits = Limits{ShardBytes: 256, BigBytes: 12, Chunk: 2}

func TestBuildGolden(t *testing.T) {
	files, err := Build(fixture, fixtureLimits)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("testdata", "index")
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			p := filepath.Join(dir, filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		want, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Name)))
		if err != nil {
			t.Fatalf("%v (run go test ./search -update)", err)
		}
		if !bytes.Equal(f.Data, want) {
			t.Errorf("%s differs from the golden file (run go test ./search -update and review)\n got %s\nwant %s", f.Name, f.Data, want)
		}
	}
	var kinds []string
	for _, n := range names {
		switch {
		case n == "index.json":
			kinds = append(kinds, "manifest")
		case strings.HasPrefix(n, "s/") && strings.HasSuffix(n, ".txt"):
			kinds = append(kinds, "big")
		case strings.HasPrefix(n, "s/"):
			kinds = append(kinds, "shard")
		case strings.HasPrefix(n, "r/"):
			kinds = append(kinds, "chunk")
		}
	}
	for _, k := range []string{"manifest", "big", "shard", "chunk"} {
		if !strings.Contains(strings.Join(kinds, " "), k) {
			t.Errorf("fixture index has no %s file: %v", k, names)
		}
	}
}

func TestBuildManifestAndOrder(t *testing.T) {
	files, err := Build(fixture, fixtureLimits)
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(files[0].Data, &m); err != nil || files[0].Name != "index.json" {
		t.Fatalf("first file %s is not the manifest: %v", files[0].Name, err)
	}
	if m.Records != len(fixture.Records) || m.Chunk != 2 || m.ShardBits == 0 || len(m.Version) != 12 {
		t.Errorf("manifest = %+v", m)
	}
	if !reflect.DeepEqual(m.Units[2], []any{"ldrk", "流动人口管理服务中心", 1.0}) || !reflect.DeepEqual(m.Parts[4], []string{"units", "股室"}) {
		t.Errorf("manifest labels = %v %v", m.Parts, m.Units)
	}
	// Records come shortest first, so that ranking can break ties by id.
	var rows [][]any
	for _, f := range files {
		if strings.HasPrefix(f.Name, "r/") {
			var chunk [][]any
			if err := json.Unmarshal(f.Data, &chunk); err != nil {
				t.Fatal(err)
			}
			rows = append(rows, chunk...)
		}
	}
	if len(rows) != len(fixture.Records) {
		t.Fatalf("chunks hold %d records, want %d", len(rows), len(fixture.Records))
	}
	last := [2]int{}
	for _, r := range rows {
		n := [2]int{len([]rune(r[1].(string))), len([]rune(r[2].(string)))}
		if n[0] < last[0] || n[0] == last[0] && n[1] < last[1] {
			t.Errorf("record %v is shorter than the one before", r[0])
		}
		last = n
		if r[0] == "/duties/04/#item-04-02" && !reflect.DeepEqual(r[4], []any{2.0}) {
			t.Errorf("units of %v = %v, want [2] (deduplicated)", r[0], r[4])
		}
	}
	again, err := Build(fixture, fixtureLimits)
	if err != nil || !reflect.DeepEqual(files, again) {
		t.Error("two builds of the same input differ")
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name string
		in   Input
		lim  Limits
		want string
	}{
		{"unknown part", Input{Records: []Record{{URL: "/a/", Part: "x"}}}, DefaultLimits, `unknown part "x"`},
		{"unknown unit", Input{Parts: fixture.Parts, Records: []Record{{URL: "/a/", Part: "duties", Units: []string{"nope"}}}}, DefaultLimits, `unknown unit "nope"`},
		{"zero limits", fixture, Limits{}, "must be positive"},
	}
	for _, tt := range tests {
		_, err := Build(tt.in, tt.lim)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tt.name, err, tt.want)
		}
	}
}

func TestBuildShardsScale(t *testing.T) {
	for _, n := range []int{1, 100, 5000} {
		files, err := Build(synthetic(n, 1), DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		var m Manifest
		if err := json.Unmarshal(files[0].Data, &m); err != nil {
			t.Fatal(err)
		}
		shards, biggest := 0, 0
		for _, f := range files {
			if strings.HasPrefix(f.Name, "s/") && strings.HasSuffix(f.Name, ".json") {
				shards++
				biggest = max(biggest, len(f.Data))
			}
		}
		if shards > 1<<m.ShardBits || biggest > 8*DefaultLimits.ShardBytes {
			t.Errorf("%d records: %d shards for %d bits, biggest %d bytes", n, shards, m.ShardBits, biggest)
		}
		if n == 5000 && m.ShardBits < 4 {
			t.Errorf("%d records fit in %d shards; a query would fetch too much", n, 1<<m.ShardBits)
		}
	}
}
