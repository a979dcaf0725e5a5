package generator

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"qingdan/msg"
	"qingdan/source"
)

func TestCatalogue(t *testing.T) { msg.Check(t) }

// loadCase loads the fixture with the files of a broken-content case, in
// the current language, and returns every problem as printed.
func loadCase(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile("testdata/broken/" + name + ".txtar")
	if err != nil {
		t.Fatal(err)
	}
	return loadArchive(t, txtar.Parse(raw)).String()
}

// loadArchive loads the fixture site with the files of a case replaced,
// or deleted ("(delete)"), and returns the problems of site.toml and of the
// content.
func loadArchive(t *testing.T, a *txtar.Archive) source.Problems {
	t.Helper()
	fsys := fixtureFS(t)
	var cfgData []byte
	for _, f := range a.Files {
		switch {
		case f.Name == "site.toml":
			cfgData = f.Data
		case string(f.Data) == "(delete)\n":
			delete(fsys, f.Name)
		default:
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	cfg, ps := fixtureConfig(t, cfgData)
	if !ps.HasErrors() {
		var cps source.Problems
		_, cps = Load(fsys, cfg)
		ps = append(ps, cps...)
	}
	return ps
}

// TestProblemsInBothLanguages loads a sample of the broken-content corpus
// (whose archives hold the Chinese) in both languages: the same positions,
// each text in its language.
func TestProblemsInBothLanguages(t *testing.T) {
	defer msg.SetLang(msg.ZH)
	for _, tt := range []struct{ name, zh, en string }{
		{"unit-ref-typo",
			"content/duties.toml:11:10: 错误：责任单位 \"zcgf\" 不在 units.toml 中\n  提示：是不是 \"zcfg\"（政策法规股（信访室））？\n",
			"content/duties.toml:11:10: error: unit \"zcgf\" is not in units.toml\n  hint: did you mean \"zcfg\" (政策法规股（信访室）)?\n"},
		{"unit-ref-by-name",
			"content/duties.toml:11:19: 错误：单位 \"政策法规股(信访室)\" 写的是名称，不是 id\n  提示：改写成单位的 id：\"zcfg\"（政策法规股（信访室））\n",
			"content/duties.toml:11:19: error: unit \"政策法规股(信访室)\" is written by name, not by id\n  hint: write the unit's id: \"zcfg\" (政策法规股（信访室）)\n"},
		{"unknown-field-typo",
			"content/duties.toml:6:1: 错误：\"txet\" 不是 [duty[0]] 里能写的名称\n  提示：是不是 \"text\"？\n",
			"content/duties.toml:6:1: error: unknown key \"txet\" in [duty[0]]\n  hint: did you mean \"text\"?\n"},
		{"missing-required",
			"content/services.toml:4:1: 错误：[service[0]] 缺少 \"content\"\n  提示：加上一行：content = \"文字\"\n",
			"content/services.toml:4:1: error: [service[0]] is missing \"content\"\n  hint: add a line: content = \"文字\"\n"},
		{"duplicate-item-id",
			"content/duties.toml:14:6: 错误：事项编号 \"01-01\" 重复了\n  提示：编号永不复用；给这条事项另编一个新编号（第一次出现在 content/duties.toml:9:6）\n",
			"content/duties.toml:14:6: error: duplicate item id \"01-01\"\n  hint: ids are never reused; give this item a new id (the first is at content/duties.toml:9:6)\n"},
		{"warn-blank-unit",
			"content/duties.toml:8:1: 警告：事项 \"01-01\" 没有责任单位\n",
			"content/duties.toml:8:1: warning: item \"01-01\" has no responsible unit\n"},
		{"dates-reversed",
			"content/boundaries.toml:3:11: 错误：updated 2026-01-01 早于 published 2026-11-28\n",
			"content/boundaries.toml:3:11: error: updated 2026-01-01 is before published 2026-11-28\n"},
		{"missing-file",
			"content/services.toml: 错误：读不出 services.toml：文件不存在\n",
			"content/services.toml: error: cannot read services.toml: file does not exist\n"},
		{"bad-phone",
			"content/services.toml:9:22: 错误：\"763-1779x\" 不是电话号码\n",
			"content/services.toml:9:22: error: \"763-1779x\" is not a telephone number\n"},
		{"wrong-type-units",
			"content/duties.toml:11:9: 错误：units 应该是列表，不是文字 \"zcfg\"\n",
			"content/duties.toml:11:9: error: units should be a list, not text \"zcfg\"\n"},
	} {
		for _, lang := range []msg.Lang{msg.ZH, msg.EN} {
			msg.SetLang(lang)
			want := tt.zh
			if lang == msg.EN {
				want = tt.en
			}
			if got := loadCase(t, tt.name); !strings.Contains(got, want) {
				t.Errorf("%s (%v):\n%s\nwant:\n%s", tt.name, lang, got, want)
			}
		}
	}
}
