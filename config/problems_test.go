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
		{"major amount nan", minimal + "[reports]\nmajor_amount = nan\n", "site.toml:6:16: 错误：major_amount NaN 不是数字\n  提示：按元填写金额"},
		{"empty contact", minimal + "[reports]\ncontact = \"\"\n", "site.toml:6:11: 警告：[reports] contact 为空：备案报告的附注中联系人和联系电话将留空白"},
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

// TestGovWarnings: each empty setting a gov.cn site must show is a
// warning at its key, naming it, in both languages; a filled one is not.
func TestGovWarnings(t *testing.T) {
	defer msg.SetLang(msg.ZH)
	cfg, ps := Parse("site.toml", []byte(minimal+"address = \"威县人民路 1 号\"\n[gov]\nsite_id_code = \"\"\nicp = \"冀ICP备12345678号\"\n"))
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	for lang, want := range map[msg.Lang]string{
		msg.ZH: "site.toml:3:1: 警告：本局电话（org.phone）是空的，政府网站的每个页面都应显示这一项\n" +
			"  提示：在 [org] 里填写办公室（总机）电话，不含区号，如 phone = \"7631779\"\n" +
			"site.toml:3:1: 警告：本局电子邮箱（org.email）是空的，政府网站的每个页面都应显示这一项\n" +
			"  提示：在 [org] 里填写对外公开的电子邮箱，如 email = \"rkjsj@weixian.gov.cn\"\n" +
			"site.toml:6:1: 警告：公网安备号（gov.police_record）是空的，政府网站的每个页面都应显示这一项\n" +
			"  提示：填写公安机关备案号，如 police_record = \"冀公网安备 13053402000001号\"\n" +
			"site.toml:7:16: 警告：网站标识码（gov.site_id_code）是空的，政府网站的每个页面都应显示这一项\n",
		msg.EN: "site.toml:3:1: warning: the bureau's phone (org.phone) is empty; every page of a government site should show it\n",
	} {
		msg.SetLang(lang)
		got := cfg.GovWarnings().String()
		if !strings.HasPrefix(got, want) {
			t.Errorf("got:\n%s\nwant it to begin:\n%s", got, want)
		}
		if strings.Count(got, "\n  ") != 4 || strings.Contains(got, "gov.icp") || strings.Contains(got, "org.address") {
			t.Errorf("want four warnings (phone, email, site_id_code, police_record), got:\n%s", got)
		}
	}
}
