package msg

import (
	"testing"
)

func TestParseLang(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"zh", ZH, true}, {"zh-CN", ZH, true}, {"zh_CN.UTF-8", ZH, true}, {"中文", ZH, true},
		{"en", EN, true}, {"EN", EN, true}, {"en_US.UTF-8", EN, true}, {"English", EN, true},
		{"", ZH, false}, {"fr", ZH, false}, {"enx", ZH, false},
	} {
		got, ok := ParseLang(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseLang(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestFormatInBothLanguages(t *testing.T) {
	m := Message{ID: "test.unit", ZH: "责任单位 %q 不在 units.toml 中", EN: "unit %q is not in units.toml"}
	if got := m.In(ZH, "zcgf"); got != `责任单位 "zcgf" 不在 units.toml 中` {
		t.Errorf("ZH: %s", got)
	}
	if got := m.In(EN, "zcgf"); got != `unit "zcgf" is not in units.toml` {
		t.Errorf("EN: %s", got)
	}
	if got := (Message{ZH: "100%", EN: "100%"}).In(ZH); got != "100%" {
		t.Errorf("a message without arguments is not a format: %s", got)
	}
}

func TestDefaultIsChinese(t *testing.T) {
	if Current() != ZH {
		t.Fatalf("default language is %v, want ZH", Current())
	}
	m := Message{ZH: "中文", EN: "English"}
	if m.S() != "中文" {
		t.Errorf("S() = %s", m.S())
	}
	SetLang(EN)
	defer SetLang(ZH)
	if m.S() != "English" || m.Error().Error() != "English" {
		t.Errorf("after SetLang(EN): %s", m.S())
	}
}

func TestDuplicateIDPanics(t *testing.T) {
	New("test.dup", "一", "one")
	defer func() {
		if recover() == nil {
			t.Error("declaring an id twice did not panic")
		}
	}()
	New("test.dup", "二", "two")
}

// The catalogue holds only the messages of packages linked into a test
// binary: each package that declares messages calls Check in a test too.
func TestCatalogue(t *testing.T) { Check(t) }

func TestCheckFindsMismatch(t *testing.T) {
	if err := check(Message{ID: "x", ZH: "单位 %q", EN: "unit %d"}); err == "" {
		t.Error("different verbs not found")
	}
	if err := check(Message{ID: "x", ZH: "单位", EN: ""}); err == "" {
		t.Error("empty English not found")
	}
	if err := check(Message{ID: "x", ZH: "单位 %q，第 %d 行", EN: "unit %q on line %d"}); err != "" {
		t.Error(err)
	}
}
