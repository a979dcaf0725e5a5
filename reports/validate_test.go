package reports

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"qingdan/msg"
)

// edit returns good.toml with old replaced by new, failing when old is
// not there.
func edit(t *testing.T, old, new string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/good.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("good.toml has no %q", old)
	}
	return []byte(strings.Replace(string(data), old, new, 1))
}

func TestValidate(t *testing.T) {
	defer inEnglish()()
	tests := []struct {
		name, old, new string
		want           string // the problem, position first; "" for none
	}{
		{"good", "", "", ""},
		{"unknown kind", `kind = "征收社会抚养费"`, `kind = "征收"`, `case.toml:3:8: kind "征收" is not one of`},
		{"unknown key", `township = "洺州镇"`, "township = \"洺州镇\"\ntownshp = 1", `case.toml:5:1: unknown key "townshp"`},
		{"bad party type", `type = "个人"`, `type = "人"`, `case.toml:7:8: party type "人" is not one of`},
		{"bad id length", `id_number = "130533198503120021"`, `id_number = "13053319850312002"`, "case.toml:9:13: a 公民身份号码 has 18 characters"},
		{"bad id birth date", `id_number = "130533198503120021"`, `id_number = "130533198502300021"`, "case.toml:9:13: the birth date 19850230"},
		{"bad id checksum is a warning", `id_number = "130533198503120021"`, `id_number = "130533198503120022"`, "case.toml:9:13: warning: the check character of this 公民身份号码 should be 1"},
		{"organisation needs representative", `type = "个人"`, `type = "单位"`, "case.toml:6:1: an organisation (单位) party needs its representative"},
		{"required date missing", "[register]\ndate = 2026-01-05\n", "[register]\n", `case.toml:16:1: [register] is missing "date"`},
		{"date as text", "date = 2026-01-05", `date = "2026-01-05"`, "case.toml:17:8: date should be a date"},
		{"registered before the act", "date = 2026-01-05", "date = 2025-01-05", "case.toml:17:8: the case is filed (立案) before the act"},
		{"bad record", `record = "调查笔录"`, `record = "笔录"`, `record "笔录" is not one of`},
		{"served before decided", "[service]\ndate = 2026-02-14", "[service]\ndate = 2026-02-10", "the decision is served before it was made"},
		{"amount with fractions of fen", "amount = 60000", "amount = 60000.123", "amount 60000.123 has more than two decimals"},
		{"unknown document", `"缴款凭证", `, `"交款凭证", `, `did you mean "缴款凭证"?`},
		{"amount nan", "amount = 60000", "amount = nan", "case.toml:82:10: amount NaN is not a number"},
		{"amount inf", "amount = 60000", "amount = inf", "case.toml:82:10: amount +Inf is not a number"},
		{"amount absurd", "amount = 60000", "amount = 6e20", "case.toml:82:10: amount 6e+20 yuan is over 100000000000.00 yuan"},
		{"payment nan", "amount = 20000", "amount = -nan", "amount NaN is not a number"},
		{"late fee inf", "late_fee = 80", "late_fee = +inf", "amount +Inf is not a number"},
		{"late fee absurd", "late_fee = 80", "late_fee = 1e12", "amount 1e+12 yuan is over"},
		{"nul in a name", `name = "张某某"`, `name = "张某\u0000某"`, "case.toml:8:8: name holds an invisible control character U+0000"},
		{"escape in an address", `subject = "张某某"`, "subject = \"张某某\\u001b[31m\"", "subject holds an invisible control character U+001B"},
		{"bidi override in a note", `reviewer = "钱某"`, `reviewer = "钱\u202e某"`, "review.reviewer holds the control character U+202E"},
		{"delete in a document name", `"缴款凭证", `, `"缴款凭证\u007f", `, "documents[10] holds an invisible control character U+007F"},
		{"line breaks are kept", `reviewer = "钱某"`, "reviewer = \"\"\"钱\n某\"\"\"", ""},
		{"review out of range", "law = 10", "law = 11", "law score 11 is out of range"},
		{"no review is a warning", "[review]\nreviewer = \"钱某\"\nfacts = 6\nevidence = 6\nlaw = 10\n", "", "case.toml:1:1: warning: no reviewer's scores"},
		{"bad role", `role = "本人"`, `role = "邻居"`, `recipient role "邻居" is not one of`},
		{"court done without application", "late_fee = 80", "late_fee = 80\ncourt_done = 2026-09-01", "court enforcement finished but was never applied for"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := edit(t, tt.old, tt.new)
			_, ps := ParseCase("case.toml", data)
			got := unlabelled(ps)
			if tt.want == "" {
				if got != "" {
					t.Fatalf("unexpected problems:\n%s", got)
				}
				return
			}
			if !strings.Contains(got, tt.want) {
				t.Fatalf("problems:\n%s\nwant one containing %q", got, tt.want)
			}
		})
	}
}

func TestOrganisationNeedsRepresentative(t *testing.T) {
	defer inEnglish()()
	data := edit(t, "type = \"个人\"\nname = \"张某某\"\nid_number = \"130533198503120021\"", "type = \"单位\"\nname = \"某某公司\"\nid_number = \"91130533MA0A1B2C3F\"")
	_, ps := ParseCase("case.toml", data)
	if !strings.Contains(unlabelled(ps), "case.toml:6:1: an organisation (单位) party needs its representative") {
		t.Fatalf("problems:\n%s", ps)
	}
	data = edit(t, "type = \"个人\"\nname = \"张某某\"\nid_number = \"130533198503120021\"", "type = \"单位\"\nname = \"某某公司\"\nid_number = \"91130533MA0A1B2C3F\"\nrepresentative = \"王某\"")
	if _, ps := ParseCase("case.toml", data); ps.HasErrors() || strings.Contains(ps.String(), "party") {
		t.Fatalf("a valid organisation got problems:\n%s", ps)
	}
}

func TestLoadCasesAcross(t *testing.T) {
	defer inEnglish()()
	good, err := os.ReadFile("testdata/good.toml")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"cases/a.toml":      {Data: good},
		"cases/sub/b.toml":  {Data: good},
		"cases/README.md":   {Data: []byte("not a case")},
		"cases/broken.toml": {Data: []byte("number = ")},
	}
	cases, ps := LoadCases(fsys, "cases")
	if len(cases) != 2 {
		t.Fatalf("loaded %d cases, want 2", len(cases))
	}
	got := unlabelled(ps)
	for _, want := range []string{
		"cases/broken.toml:1:",
		`cases/sub/b.toml:2:10: case number "威人口征立〔2026〕1号" is also used by cases/a.toml`,
		`decision number "威人口征决〔2026〕1号" is also used by cases/a.toml`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems:\n%s\nwant %q", got, want)
		}
	}
}

func TestIDNumbers(t *testing.T) {
	tests := []struct {
		typ, id string
		bad     bool
		ok      bool
	}{
		{PartyPerson, "130533198503120021", false, true},
		{PartyPerson, "13053319850312002x", false, false},
		{PartyPerson, "11010519491231002X", false, true},
		{PartyPerson, "11010519491231002x", false, true},
		{PartyPerson, "130533198513120021", true, false},
		{PartyPerson, "1305331985031200A1", true, false},
		{PartyPerson, "", true, false},
		{PartyOrg, "91130533MA0A1B2C3F", false, true},
		{PartyOrg, "91130533MA0A1B2C3G", false, false},
		{PartyOrg, "91130533MA0A1B2C3I", true, false},
		{PartyOrg, "9113053", true, false},
	}
	for _, tt := range tests {
		msg, bad := idProblem(tt.typ, tt.id)
		if bad != tt.bad || (msg == "") != tt.ok {
			t.Errorf("idProblem(%s, %q) = %q, %t; want bad=%t ok=%t", tt.typ, tt.id, msg, bad, tt.bad, tt.ok)
		}
	}
}

func FuzzIDNumber(f *testing.F) {
	for _, s := range []string{"130533198503120021", "91130533MA0A1B2C3F", "", "x", "１３０５３３"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		for _, typ := range []string{PartyPerson, PartyOrg} {
			msg, bad := idProblem(typ, id)
			if bad && msg == "" {
				t.Fatalf("bad without a message: %q", id)
			}
		}
		m := MaskID(id)
		if len([]rune(m)) != len([]rune(id)) {
			t.Fatalf("MaskID(%q) = %q changes the length", id, m)
		}
	})
}

func TestMaskID(t *testing.T) {
	tests := map[string]string{
		"130533198503120021": "130533********0021",
		"91130533MA0A1B2C3F": "911305********2C3F",
		"1234567890":         "**********",
		"":                   "",
	}
	for in, want := range tests {
		if got := MaskID(in); got != want {
			t.Errorf("MaskID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from, want string
		n          int
	}{
		{"2026-01-31", "2026-02-28", 1},
		{"2024-01-31", "2024-02-29", 1},
		{"2026-05-25", "2026-06-25", 1},
		{"2026-08-14", "2027-02-14", 6},
		{"2024-02-29", "2026-02-28", 24},
	}
	for _, tt := range tests {
		if got := addMonths(d(tt.from), tt.n).Format("2006-01-02"); got != tt.want {
			t.Errorf("addMonths(%s, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func FuzzParseCase(f *testing.F) {
	good, err := os.ReadFile("testdata/good.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte("number = \"1\"\n[decision]\namount = -1"))
	f.Add([]byte("[[investigation]]\n[[investigation.officer]]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, ps := ParseCase("fuzz.toml", data)
		if c == nil && !ps.HasErrors() {
			t.Fatal("no case and no error")
		}
		if c != nil {
			ScoreCase(c, NewEnv([]*Case{c}, testSettings, d("2026-07-01")))
		}
	})
}

func TestMonthsLate(t *testing.T) {
	tests := []struct {
		deadline, paid string
		want           int
	}{
		{"2026-03-14", "2026-03-14", 0},
		{"2026-03-14", "2026-04-13", 0},
		{"2026-03-14", "2026-04-14", 1},
		{"2026-03-14", "2026-05-20", 2},
		{"2026-01-31", "2026-02-28", 1},
		{"2026-01-31", "2026-02-27", 0},
		{"2026-03-14", "2026-01-01", 0},
		{"2025-12-20", "2027-01-19", 12},
	}
	for _, tt := range tests {
		if got := monthsLate(d(tt.deadline), d(tt.paid)); got != tt.want {
			t.Errorf("monthsLate(%s, %s) = %d, want %d", tt.deadline, tt.paid, got, tt.want)
		}
	}
}

// TestReadmeExample checks the complete example of casefiles/README.md is
// a valid case file that keeps every rule.
func TestReadmeExample(t *testing.T) {
	doc, err := os.ReadFile("../casefiles/README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```toml\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("casefiles/README.md has no ```toml example")
	}
	c, ps := ParseCase("README.md", []byte(example))
	if len(ps) > 0 {
		t.Fatalf("the README example has problems:\n%s", ps)
	}
	r := ScoreCase(c, NewEnv([]*Case{c}, testSettings, d("2026-07-01")))
	if r.Score != 100 {
		t.Errorf("the README example scores %d: %+v", r.Score, r.Deductions)
	}
}

func TestMessages(t *testing.T) { msg.Check(t) }
