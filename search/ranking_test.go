package search_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// result is one line of js_test/query.mjs's output.
type result struct {
	Query string   `json:"query"`
	Total int      `json:"total"`
	URLs  []string `json:"urls"`
	Hits  []struct {
		URL   string   `json:"url"`
		Title string   `json:"title"`
		Part  string   `json:"part"`
		Units []string `json:"units"`
	} `json:"hits"`
	Units []string `json:"units"`
	Files []string `json:"files"`
	Bytes int      `json:"bytes"`
}

// queryIndex runs the browser's search code on an index folder.
func queryIndex(t testing.TB, dir string, queries ...string) map[string]result {
	t.Helper()
	node := tool(t, "node")
	out, err := exec.Command(node, append([]string{"js_test/query.mjs", dir}, queries...)...).Output()
	if err != nil {
		t.Fatalf("query.mjs: %v\n%s", err, out)
	}
	res := map[string]result{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("query.mjs printed %q: %v", sc.Text(), err)
		}
		res[r.Query] = r
	}
	return res
}

// TestRankingRealContent searches the real list as a visitor would.
func TestRankingRealContent(t *testing.T) {
	files, root := buildRealSite(t)
	dir := t.TempDir()
	writeFiles(t, files, "search/", dir)
	res := queryIndex(t, dir, "流动人口", "7631779", "B超", "8000", "社抚费", "两非", "计生", "婚育证明", "火车站")

	// 流动人口: the service, unit and services named after it come first
	// (shortest title first); every hit of the first page is about it.
	r := res["流动人口"]
	want := []string{"services/13/", "units/ldrk/", "services/05/"}
	for i, w := range want {
		if len(r.Hits) <= i || r.Hits[i].URL != root+w {
			t.Fatalf("流动人口: hit %d is not %s: %+v", i, w, r.Hits)
		}
	}
	for _, h := range r.Hits {
		if !strings.Contains(h.Title, "流动人口") {
			t.Errorf("流动人口: first page has %q, which does not name it", h.Title)
		}
	}
	for _, item := range []string{"duties/04/#item-04-02", "duties/04/#item-04-03", "services/06/", "services/07/"} {
		if !slices.Contains(r.URLs, root+item) {
			t.Errorf("流动人口 does not find %s", item)
		}
	}

	// A phone number finds the services of the unit that answers it.
	r = res["7631779"]
	for _, s := range []string{"services/09/", "services/10/", "services/11/", "services/12/", "units/zcfg/"} {
		if !slices.Contains(r.URLs, root+s) {
			t.Errorf("7631779 does not find %s: %v", s, r.URLs)
		}
	}
	if r.Total != 5 {
		t.Errorf("7631779 finds %d records, want the 4 services and the unit: %v", r.Total, r.URLs)
	}
	for _, h := range r.Hits {
		if !slices.Contains(h.Units, "政策法规股（信访室）") {
			t.Errorf("7631779: %s is not 政策法规股's", h.URL)
		}
	}

	// Latin letters, numbers and synonyms.
	firsts := map[string]string{
		"B超":   "boundaries/03/#roles", // 卫生局: B超管理
		"8000": "supervision/04/#三查处流程",
		"社抚费":  "duties/11/#item-11-04", // 社会抚养费
		"两非":   "boundaries/03/",        // 相关依据: 集中整治“两非”专项行动
		"婚育证明": "services/13/",
	}
	for q, url := range firsts {
		if hits := res[q].Hits; len(hits) == 0 || hits[0].URL != root+url {
			t.Errorf("%s: first hit is not %s: %+v", q, url, hits)
		}
	}
	if res["计生"].Total <= res["流动人口"].Total {
		t.Errorf("计生 finds %d records: the synonym 计划生育 is not applied", res["计生"].Total)
	}
	if res["火车站"].Total != 0 {
		t.Errorf("火车站 finds %v", res["火车站"].URLs)
	}
}
