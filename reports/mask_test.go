package reports

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"qingdan/period"
)

func TestMaskText(t *testing.T) {
	digest := "3a5b7c9d012345678901234567e0f1a2b3c4d5e6f708192a3b4c5d6e7f809112"
	tests := []struct{ in, want string }{
		{"130533198503120021", "130533********0021"},
		{"张某130533198503120021住东街", "张某130533********0021住东街"},
		{"13053319850312002X", "130533********002X"},
		{"13053319850312002x号", "130533********002x号"},
		{"13053319850312002X9f2c1b7e4a0d3c5b8e6f1a2d3c4b5a6901234", "130533********002X9f2c1b7e4a0d3c5b8e6f1a2d3c4b5a6901234"},
		{"130533850312002", "130533*****2002"},
		{"１３０５３３１９８５０３１２００２１", "１３０５３３********００２１"},
		{"ID130533198503120021", "ID130533********0021"},
		{"两个：130533198503120021，130533850312002。", "两个：130533********0021，130533*****2002。"},
		{"连写130533198503120021130533850312002", "连写130533" + strings.Repeat("*", 23) + "2002"},
		{"电话 0319-7631779，金额 25000.00 元，2026年7月1日", "电话 0319-7631779，金额 25000.00 元，2026年7月1日"},
		{"12345678901234", "12345678901234"},
		{"sha256 " + digest, "sha256 " + digest},
		{"130533********0021", "130533********0021"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := MaskText(tt.in); got != tt.want {
			t.Errorf("MaskText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// plantedIDs are ID-number-shaped strings of each form MaskText knows.
func plantedID(n int) string {
	switch n % 4 {
	case 0:
		return fmt.Sprintf("1101011990%08d", n) // 18 digits
	case 1:
		return fmt.Sprintf("1101011990%07dX", n) // 17 digits and X
	case 2:
		return fmt.Sprintf("110101900%06d", n) // the old 15 digits
	}
	wide := []rune("０１２３４５６７８９")
	var b strings.Builder
	for _, c := range fmt.Sprintf("1101011990%08d", n) {
		b.WriteRune(wide[c-'0'])
	}
	return b.String() // typed in full-width digits
}

// fill gives every nil pointer of v a zero value and every empty slice one
// element, so that planting reaches every field of the type.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		fill(v.Elem())
	case reflect.Slice:
		if v.Len() == 0 {
			v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		}
		for i := 0; i < v.Len(); i++ {
			fill(v.Index(i))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() && v.Field(i).CanSet() {
				fill(v.Field(i))
			}
		}
	}
}

// TestMaskEveryField plants a different ID number in every text of a case
// file (found by reflection over the Case type, so a new field cannot be
// forgotten) and in its file name, and checks that none survives in either
// PDF, its JSON or the HTML, while masked forms of them do appear.
func TestMaskEveryField(t *testing.T) {
	font := testFont(t)
	data, err := os.ReadFile("testdata/good.toml")
	if err != nil {
		t.Fatal(err)
	}
	c, ps := ParseCase("casefiles/good.toml", data)
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	fill(reflect.ValueOf(c).Elem())
	var planted []string
	eachString(reflect.ValueOf(c), "", func(path string, s reflect.Value) {
		id := plantedID(len(planted))
		planted = append(planted, id)
		s.SetString(s.String() + id)
	})
	if len(planted) < 40 {
		t.Fatalf("planted into %d texts only; the walk misses fields", len(planted))
	}
	c.File = "casefiles/" + plantedID(len(planted)) + ".toml"
	planted = append(planted, plantedID(len(planted)))

	p := period.Period{Year: 2026, Half: 1}
	longRun := regexp.MustCompile(`[0-9０-９]{15,}`)
	seen := map[string]bool{}
	for _, kind := range []string{KindEvaluation, KindFiling} {
		files, err := Build([]*Case{c}, testSettings, kind, p, font, Issue{})
		if err != nil {
			t.Fatal(err)
		}
		var e *Evaluation
		var f *Filing
		var doc *Document
		if kind == KindEvaluation {
			e = Evaluate([]*Case{c}, testSettings, p)
			MaskIDs(e)
			doc = EvaluationDocument(e, Issue{})
		} else {
			f = BuildFiling([]*Case{c}, testSettings, p)
			MaskIDs(f)
			doc = FilingDocument(f, Issue{})
		}
		MaskIDs(doc)
		var html bytes.Buffer
		if err := RenderHTML(doc, &html); err != nil {
			t.Fatal(err)
		}
		outputs := map[string]string{"html": html.String()}
		for _, file := range files {
			if strings.HasSuffix(file.Name, ".pdf") {
				outputs[file.Name] = noSpace(strings.Join(pdfText(t, file.Data), ""))
			} else {
				outputs[file.Name] = string(file.Data)
				if run := longRun.FindString(file.Name + string(file.Data)); run != "" {
					t.Errorf("%s: unmasked run of digits %s", file.Name, run)
				}
			}
		}
		if run := longRun.FindString(html.String()); run != "" {
			t.Errorf("%s HTML: unmasked run of digits %s", kind, run)
		}
		for name, text := range outputs {
			for _, id := range planted {
				if strings.Contains(text, id) {
					t.Errorf("%s shows the planted ID number %s", name, id)
				}
				if strings.Contains(text, MaskText(id)) {
					seen[id] = true
				}
			}
		}
	}
	if len(seen) < 10 {
		t.Errorf("only %d of %d planted ID numbers reach a report masked; the test plants into fields no report shows", len(seen), len(planted))
	}
}

// FuzzMaskText checks, for any text, that masking keeps every character
// other than masked digits in place, is idempotent, and leaves no run of
// 15 or more digits outside a hexadecimal digest.
func FuzzMaskText(f *testing.F) {
	f.Add("张某130533198503120021住东街")
	f.Add("１３０５３３１９８５０３１２００２１")
	f.Add("13053319850312002X" + "9f2c1b7e4a0d3c5b8e6f1a2d3c4b5a69012345678901234587e6d5c4b3a2f1e0")
	run := regexp.MustCompile(`[0-9０-９]{15,}`)
	f.Fuzz(func(t *testing.T, s string) {
		m := MaskText(s)
		if MaskText(m) != m {
			t.Fatalf("masking %q twice changes it", s)
		}
		a, b := []rune(s), []rune(m)
		if len(a) != len(b) {
			t.Fatalf("MaskText(%q) = %q: %d characters, want %d", s, m, len(b), len(a))
		}
		for i := range a {
			if a[i] != b[i] && (b[i] != '*' || !isDigit(a[i])) {
				t.Fatalf("MaskText(%q) = %q changes %q at %d", s, m, a[i], i)
			}
		}
		for _, loc := range run.FindAllStringIndex(m, -1) {
			i, j := len([]rune(m[:loc[0]])), len([]rune(m[:loc[1]]))
			if !inDigest(b, i, j) {
				t.Fatalf("MaskText(%q) = %q keeps the digits %s", s, m, m[loc[0]:loc[1]])
			}
		}
	})
}
