package config

import (
	"strings"
	"testing"
)

func TestReportsConfig(t *testing.T) {
	checkProblems(t, []problemCase{
		{"none", "", ""},
		{"full", "[reports]\ncasefiles = \"/srv/casefiles\"\nfont = \"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc\"\nexcellent = 95\npass = 60\nmajor_amount = 30000\nlitigation_months = 6\nreviewers = [\"钱某\", \"吴某\"]\napprover = \"刘某\"\nlegal_office = \"威县司法局\"\ncontact = \"孙某\"\nphone = \"0319-7631779\"\n", ""},
		{"case files under content", "[reports]\ncasefiles = \"content/cases\"\n", "site.toml:6:13: casefiles \"content/cases\" overlaps the content folder"},
		{"case files are content", "[reports]\ncasefiles = \"content\"\n", "overlaps the content folder"},
		{"case files in the output", "[reports]\ncasefiles = \"public/cases\"\n", `casefiles "public/cases" overlaps the output folder "public"`},
		{"output inside case files", "[reports]\ncasefiles = \".\"\n", `casefiles "." overlaps the output folder "public"`},
		{"case files in a theme", "[reports]\ncasefiles = \"themes/default/cases\"\n", `overlaps the themes folder "themes"`},
		{"thresholds out of order", "[reports]\nexcellent = 70\npass = 80\n", "grade thresholds excellent = 70 and pass = 80 are out of order"},
		{"excellent above 100", "[reports]\nexcellent = 120\n", "out of order"},
		{"litigation months", "[reports]\nlitigation_months = 100\n", "site.toml:6:21: litigation_months 100"},
		{"negative major amount", "[reports]\nmajor_amount = -1\n", "major_amount -1 is negative"},
		{"unknown key", "[reports]\ncasefile = \"x\"\n", `did you mean "casefiles"?`},
		{"major amount nan", "[reports]\nmajor_amount = nan\n", "site.toml:6:16: major_amount NaN is not a number"},
		{"major amount inf", "[reports]\nmajor_amount = inf\n", "site.toml:6:16: major_amount +Inf is not a number"},
		{"major amount -inf", "[reports]\nmajor_amount = -inf\n", "major_amount -Inf is not a number"},
		{"major amount absurd", "[reports]\nmajor_amount = 1e300\n", "site.toml:6:16: major_amount 1e+300 yuan is over 100000000000 yuan"},
		{"empty contact", "[reports]\ncontact = \"\"\nphone = \"0319-7631779\"\n", "site.toml:6:11: [reports] contact is empty"},
		{"empty phone", "[reports]\ncontact = \"孙某\"\nphone = \" \"\n", "site.toml:7:9: [reports] phone is empty"},
		{"contact unset while the filing is scheduled", "[reports]\n[pipeline]\nfirst_period = \"2026H1\"\n[pipeline.schedule]\nfiling = \"0 9 5 1,7 *\"\n", "site.toml:5:1: [reports] contact is empty"},
		{"major amount at the ceiling", "[reports]\nmajor_amount = 100_000_000_000\n", ""},
	})
}

func TestReportsDefaults(t *testing.T) {
	c, ps := Parse("site.toml", []byte(minimal))
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	r := c.Reports
	if r.CaseFiles != "casefiles" || r.Excellent != 90 || r.Pass != 70 || r.MajorAmount != 50000 || r.LitigationMonths != 6 || r.LegalOffice != "威县人民政府法制办公室" || r.EvaluationTo != "各乡镇人民政府，局机关各股室" {
		t.Errorf("defaults = %+v", r)
	}
}

// FuzzParseConfig feeds arbitrary text as site.toml: parsing must never panic,
// every problem must name the file, and a configuration without errors
// must have a root path for its links.
func FuzzParseConfig(f *testing.F) {
	f.Add(minimal)
	f.Add(minimal + "[reports]\ncasefiles = \"content/x\"\n")
	f.Add("title = \"t\"\nbase_url = \"https://example.gov.cn/a/b\"\n[org]\nname = \"局\"\narea_code = \"0319\"\n[pipeline.schedule]\nevaluation = \"0 9 5 1,7 *\"\n")
	f.Fuzz(func(t *testing.T, in string) {
		c, ps := Parse("site.toml", []byte(in))
		for _, p := range ps {
			if p.Pos.File != "site.toml" {
				t.Fatalf("problem names %q", p.Pos.File)
			}
		}
		if !ps.HasErrors() && (c == nil || !strings.HasPrefix(c.Root, "/") || !strings.HasSuffix(c.Root, "/")) {
			t.Fatalf("no errors but config %+v", c)
		}
	})
}
