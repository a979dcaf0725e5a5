package config

import (
	"strings"
	"testing"

	"qingdan/msg"
)

// minimal is the smallest valid site.toml; tests append sections to it.
const minimal = `title = "t"
base_url = "https://example.gov.cn/"
[org]
name = "威县人口和计划生育局"
`

// problemCase is one row of a table test of Parse.
type problemCase struct {
	name    string
	section string // appended to minimal
	want    string // substring of the problems in English; "" for none
}

// checkProblems parses minimal with each case's section appended and
// checks its problems, in English, contain want, or that there are none.
// TestProblemsChinese checks the Chinese of the same messages.
func checkProblems(t *testing.T, tests []problemCase) {
	t.Helper()
	msg.SetLang(msg.EN)
	defer msg.SetLang(msg.ZH)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ps := Parse("site.toml", []byte(minimal+tt.section))
			got := ""
			for _, p := range ps {
				got += p.Pos.String() + ": " + p.Message + "\n  " + p.Hint + "\n"
			}
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

// TestProblemsChinese checks the default, Chinese, text of a sample of
// site.toml's problems, with their positions.
func TestProblemsChinese(t *testing.T) {
	for _, tt := range []struct{ name, toml, want string }{
		{"bad base_url", strings.Replace(minimal, "https://example.gov.cn/", "example.gov.cn", 1), "site.toml:2:12: 错误：base_url \"example.gov.cn\" 不是完整的 http(s) 网址\n  提示：写完整的网址"},
		{"area code", minimal + "area_code = \"O319\"\n", "site.toml:5:13: 错误：area_code \"O319\" 不是电话区号\n  提示：区号只写数字"},
		{"bad backoff", minimal + "[pipeline]\nretry_backoff = \"often\"\n", "site.toml:6:17: 错误：retry_backoff \"often\" 不是时间长度"},
		{"smtp no recipients", minimal + "[pipeline.smtp]\nhost = \"m\"\nfrom = \"a@b.cn\"\n", "site.toml:5:1: 错误：pipeline.smtp 没有收件人\n  提示：加上 to = [\"fzb@weixian.gov.cn\"]"},
		{"unknown key", minimal + "titel = \"x\"\n", "site.toml:5:1: 错误：\"titel\" 不是 [org] 里能写的名称"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, ps := Parse("site.toml", []byte(tt.toml))
			if got := ps.String(); !strings.Contains(got, tt.want) {
				t.Fatalf("problems:\n%s\nwant one containing %q", got, tt.want)
			}
		})
	}
}

func TestCatalogue(t *testing.T) { msg.Check(t) }
