package preview

import (
	"strings"
	"testing"

	"qingdan/msg"
)

func TestCatalogue(t *testing.T) { msg.Check(t) }

// The problems box and the error page speak the language asked for, and
// show the problems as they are.
func TestProblemsBoxLanguages(t *testing.T) {
	defer msg.SetLang(msg.ZH)
	failure := "content/duties.toml:11:10: <x>\n"
	for lang, want := range map[msg.Lang][]string{
		msg.ZH: {"内容有错误：网站没有更新", `lang="zh-CN"`, "网站生成失败"},
		msg.EN: {"The content has mistakes", `lang="en"`, "The site could not be built"},
	} {
		msg.SetLang(lang)
		got := problemsBox(failure) + errorPageText.S()
		for _, w := range append(want, "content/duties.toml:11:10: &lt;x&gt;") {
			if !strings.Contains(got, w) {
				t.Errorf("lang %v: %q not in\n%s", lang, w, got)
			}
		}
	}
}
