package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"qingdan/period"
)

func issueJSON(t *testing.T, files []File) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(files[1].Data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// A filed report carries its number and the day it is issued; a draft is
// marked on every page and in its names; a correction names the report it
// corrects and what changed, and is refused when nothing did.
func TestBuildIssues(t *testing.T) {
	font := testFont(t)
	all := exampleCases(t)
	h1 := period.Period{Year: 2026, Half: 1}
	issued := time.Date(2026, 7, 20, 10, 0, 0, 0, period.Zone)
	first, err := Build(all, testSettings, font, Request{Kind: KindEvaluation, Period: h1, Issue: Issue{Number: "威人口〔2026〕7号", Date: issued}})
	if err != nil {
		t.Fatal(err)
	}
	m := issueJSON(t, first)
	if m["date"] != "2026年7月20日" || m["issue"].(map[string]any)["number"] != "威人口〔2026〕7号" {
		t.Errorf("filed report dated %v, issue %v; want the day of issue and its number", m["date"], m["issue"])
	}
	if first[0].Name != "2026H1-案卷评查报告.pdf" {
		t.Errorf("filed name %s", first[0].Name)
	}

	draft, err := Build(all, testSettings, font, Request{Kind: KindFiling, Period: h1, Issue: Issue{Draft: true, Date: issued}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(draft[0].Name, "草稿") || issueJSON(t, draft)["issue"].(map[string]any)["draft"] != true {
		t.Errorf("draft %s not marked", draft[0].Name)
	}
	text := strings.Join(pdfText(t, draft[0].Data), "\n")
	if pages := strings.Count(text, "\f") + 1; strings.Count(text, "草稿") < pages {
		t.Errorf("草稿 appears %d times on %d pages", strings.Count(text, "草稿"), pages)
	}

	corr := Request{Kind: KindEvaluation, Period: h1, Previous: first[1].Data, Issue: Issue{Number: "威人口〔2026〕9号", Date: issued.AddDate(0, 0, 10),
		Corrects: &Correction{Number: "威人口〔2026〕7号", Date: issued, SHA256: sumHex(first[0].Data), Reason: "补充评查人员评分"}}}
	if _, err := Build(all, testSettings, font, corr); err == nil || !strings.Contains(err.Error(), "无需更正") {
		t.Fatalf("correction of unchanged data: %v", err)
	}
	var late *Case
	for _, c := range InPeriod(all, h1) {
		if c.Review == nil {
			late = c
			break
		}
	}
	late.Review = &Review{Reviewer: "钱某", Facts: 6, Evidence: 6, Law: 10}
	defer func() { late.Review = nil }()
	corr.Issue.Corrects.Changes = nil
	files, err := Build(all, testSettings, font, corr)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(files[0].Name, "更正-威人口〔2026〕9号") {
		t.Errorf("correction named %s", files[0].Name)
	}
	c := issueJSON(t, files)["issue"].(map[string]any)["corrects"].(map[string]any)
	changes := strings.Join(toStrings(c["changes"]), "\n")
	if c["number"] != "威人口〔2026〕7号" || c["sha256"] != sumHex(first[0].Data) || !strings.Contains(changes, "案卷["+late.Number+"].待评") {
		t.Errorf("correction %v does not name the corrected report or the change of %s", c, late.Number)
	}
	pdf := noSpace(strings.Join(pdfText(t, files[0].Data), ""))
	for _, want := range []string{"（更正）", "威人口〔2026〕9号", "威人口〔2026〕7号", "更正原因：补充评查人员评分。", "案卷[" + late.Number + "]"} {
		if !strings.Contains(pdf, want) {
			t.Errorf("the correction's PDF lacks %q", want)
		}
	}
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func TestChanges(t *testing.T) {
	old := `{"issue":{"number":"1"},"total":{"average":92.9},"cases":[{"number":"A","score":95},{"number":"B","score":80}]}`
	new := `{"issue":{"number":"2"},"total":{"average":40},"cases":[{"number":"A","score":0},{"number":"C","score":90}]}`
	got, err := Changes([]byte(old), []byte(new))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"删除 案卷：B", "案卷[A].得分：95 → 0", "新增 案卷：C", "合计.平均分：92.9 → 40"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got, _ := Changes([]byte(old), []byte(old)); len(got) != 0 {
		t.Errorf("no change gave %q", got)
	}
}

func sumHex(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

func TestChangesOfLists(t *testing.T) {
	old := `{"rectification":[{"rule":"R07","cases":["4号","2号"]}]}`
	new := `{"rectification":[{"rule":"R07","cases":["8号","4号","2号"]}]}`
	got, err := Changes([]byte(old), []byte(new))
	if err != nil || strings.Join(got, "\n") != "新增 整改要求[R07].案卷：8号" {
		t.Errorf("Changes = %q, %v; want one case added", got, err)
	}
}
