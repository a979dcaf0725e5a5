package reports

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"qingdan/period"
)

// digest is a SHA-256 with a run of 16 digits, which MaskText must not
// take for an ID number.
const digest = "9f2c1b7e4a0d3c5b8e6f1a2d3c4b5a69012345678901234587e6d5c4b3a2f1e0"

func correction() *Correction {
	return &Correction{Number: "威人口〔2026〕3号", Date: time.Date(2026, 7, 1, 9, 30, 0, 0, period.Zone), SHA256: digest,
		Changes: []string{"补录案卷 威人口立〔2026〕第33号", "案卷 威人口立〔2026〕第31号 的执行情况改为已缴清"}}
}

// TestIssueLayout checks what an Issue changes in each report's model:
// the 发文字号, the 成文日期 in the 落款, 草稿 and 更正 in the title, the
// 更正 block, and the note of a late report.
func TestIssueLayout(t *testing.T) {
	all := exampleCases(t)
	p := period.Period{Year: 2026, Half: 1}
	e, f := Evaluate(all, testSettings, p), BuildFiling(all, testSettings, p)
	onTime := time.Date(2026, 7, 3, 10, 0, 0, 0, period.Zone)
	lateDay := time.Date(2026, 9, 2, 0, 30, 0, 0, period.Zone)
	tests := []struct {
		name      string
		is        Issue
		date      string   // in the 落款
		want      []string // in the document's text
		forbidden []string
	}{
		{"zero issue", Issue{}, "2026年7月1日", nil, []string{"草稿", "更正", "补报"}},
		{"numbered on time", Issue{Number: "威人口〔2026〕5号", Date: onTime}, "2026年7月3日", []string{"威人口〔2026〕5号"}, []string{"草稿", "补报"}},
		{"draft", Issue{Draft: true, Date: onTime}, "2026年7月3日", []string{"（草稿）"}, []string{"补报"}},
		{"late", Issue{Number: "威人口〔2026〕9号", Date: lateDay}, "2026年9月2日", []string{"2026年上半年（2026年1月1日至2026年6月30日）", "于2026年9月2日补报"}, nil},
		{"correction", Issue{Number: "威人口〔2026〕7号", Date: onTime, Corrects: correction()}, "2026年7月3日",
			[]string{"（更正）", "本报告更正本局2026年7月1日印发的", "威人口〔2026〕3号", digest, "1．补录案卷 威人口立〔2026〕第33号", "2．案卷"}, []string{"草稿"}},
	}
	for _, tt := range tests {
		for _, doc := range []*Document{EvaluationDocument(e, tt.is), FilingDocument(f, tt.is)} {
			t.Run(tt.name+"/"+doc.Title, func(t *testing.T) {
				if doc.Number != tt.is.Number || doc.Draft != tt.is.Draft || doc.Created != tt.date {
					t.Errorf("number %q draft %v created %q, want %q %v %q", doc.Number, doc.Draft, doc.Created, tt.is.Number, tt.is.Draft, tt.date)
				}
				var sig *Block
				for i := range doc.Blocks {
					if doc.Blocks[i].Kind == BlockSignature {
						sig = &doc.Blocks[i]
					}
				}
				if sig == nil || len(sig.Lines) != 2 || sig.Lines[0] != testSettings.Org || sig.Lines[1] != tt.date {
					t.Errorf("落款 %+v, want %s and %s", sig, testSettings.Org, tt.date)
				}
				text := doc.Text()
				for _, w := range tt.want {
					if !strings.Contains(text, w) {
						t.Errorf("the document lacks %q", w)
					}
				}
				for _, w := range tt.forbidden {
					if strings.Contains(text, w) {
						t.Errorf("the document has %q", w)
					}
				}
			})
		}
	}
	golden(t, "filing-2026H1-correction.doc.json", FilingDocument(f, Issue{Number: "威人口〔2026〕7号", Date: onTime, Corrects: correction(), Draft: true}))
}

// TestIssuePDF draws a draft correction and checks its pages as a reader
// gets them: 草稿 on every page, the 发文字号 on the first, the corrected
// report's SHA-256 whole (not masked as an ID number), "— N —" on each.
func TestIssuePDF(t *testing.T) {
	fonts := testFont(t)
	all := exampleCases(t)
	p := period.Period{Year: 2026, Half: 1}
	is := Issue{Number: "威人口〔2026〕7号", Date: time.Date(2026, 7, 3, 0, 0, 0, 0, period.Zone), Draft: true, Corrects: correction()}
	for _, kind := range []string{KindFiling, KindEvaluation} {
		files, err := Build(all, testSettings, kind, p, fonts, is)
		if err != nil {
			t.Fatal(err)
		}
		pages := pdfText(t, files[0].Data)
		for i, page := range pages {
			if p := noSpace(page); !strings.Contains(p, "草") || !strings.Contains(p, "稿") { // rotated, its characters come apart
				t.Errorf("%s page %d has no 草稿 mark", kind, i+1)
			}
		}
		text := noSpace(strings.Join(pages, ""))
		for _, want := range []string{"威人口〔2026〕7号", "（更正）（草稿）", digest, "2026年7月3日"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s PDF lacks %q", kind, want)
			}
		}
		if !strings.HasPrefix(noSpace(pages[0]), noSpace(testSettings.Org)) && !strings.Contains(noSpace(pages[0]), "威人口〔2026〕7号") {
			t.Errorf("%s first page lacks the 版头", kind)
		}
		var plain bytes.Buffer
		doc := FilingDocument(BuildFiling(all, testSettings, p), Issue{})
		if err := RenderPDF(doc, fonts, &plain); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.Join(pdfText(t, plain.Bytes()), ""), draftWatermark) {
			t.Error("a report that is not a draft shows 草稿")
		}
	}
}
