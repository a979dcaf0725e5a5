package config

import "testing"

func TestPipelineConfig(t *testing.T) {
	checkProblems(t, []problemCase{
		{"none", "", ""},
		{"full", `[reports]
contact = "孙某"
phone = "0319-7631779"
[pipeline]
first_period = "2025H2"
retry_backoff = "1m"
retry_backoff_max = "2h"
[pipeline.schedule]
evaluation = "0 9 5 1,7 *"
filing = "@monthly"
[pipeline.smtp]
host = "mail.weixian.gov.cn"
from = "rkjsj@weixian.gov.cn"
to = ["fzb@weixian.gov.cn"]
username = "rkjsj"
password_env = "QINGDAN_SMTP_PASSWORD"
`, ""},
		{"bad cron", "[pipeline]\nfirst_period = \"2025H2\"\n[pipeline.schedule]\nevaluation = \"0 9 5 13 *\"\n", "site.toml:8:14: cron spec \"0 9 5 13 *\""},
		{"cron that panics the parser", "[pipeline]\nfirst_period = \"2025H2\"\n[pipeline.schedule]\nevaluation = \"TZ=\"\n", "sets a time zone"},
		{"cron never fires", "[pipeline]\nfirst_period = \"2025H2\"\n[pipeline.schedule]\nfiling = \"0 9 30 2 *\"\n", "never fires"},
		{"six fields", "[pipeline]\nfirst_period = \"2025H2\"\n[pipeline.schedule]\nfiling = \"0 0 9 5 1,7 *\"\n", "cron spec"},
		{"no first period", "[pipeline.schedule]\nevaluation = \"0 9 5 1,7 *\"\n", "first_period is required"},
		{"bad first period", "[pipeline]\nfirst_period = \"2025H3\"\n", "site.toml:6:16: first_period"},
		{"bad backoff", "[pipeline]\nretry_backoff = \"often\"\n", "retry_backoff \"often\" is not a duration"},
		{"backoff range", "[pipeline]\nretry_backoff = \"2h\"\nretry_backoff_max = \"1h\"\n", "shorter than retry_backoff"},
		{"smtp without host", "[pipeline.smtp]\nfrom = \"a@b.cn\"\n", "has no host"},
		{"smtp bad address", "[pipeline.smtp]\nhost = \"m\"\nfrom = \"not an address\"\nto = [\"fzb@weixian.gov.cn\"]\n", "from \"not an address\""},
		{"smtp no recipients", "[pipeline.smtp]\nhost = \"m\"\nfrom = \"a@b.cn\"\n", "no recipients"},
		{"password in file", "[pipeline.smtp]\nhost = \"m\"\nfrom = \"a@b.cn\"\nto = [\"c@d.cn\"]\npassword_env = \"hunter2!\"\n", "not an environment variable name"},
		{"username without password", "[pipeline.smtp]\nhost = \"m\"\nfrom = \"a@b.cn\"\nto = [\"c@d.cn\"]\nusername = \"u\"\n", "no password_env"},
	})
}

func TestPipelineDefaults(t *testing.T) {
	c, ps := Parse("site/site.toml", []byte(minimal+"[pipeline]\nfirst_period = \"2025H2\"\n[pipeline.schedule]\nevaluation = \"0 9 5 1,7 *\"\n[pipeline.smtp]\nhost = \"m\"\nfrom = \"a@b.cn\"\nto = [\"c@d.cn\"]\n"))
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	p := c.Pipeline
	if c.Path(p.Ledger) != "site/ledger.jsonl" || c.Path(p.Outbox) != "site/outbox" || p.SMTP.Port != 587 || p.Backoff.String() != "5m0s" || p.BackoffMax.String() != "6h0m0s" {
		t.Errorf("defaults: ledger %s outbox %s port %d backoff %v..%v", p.Ledger, p.Outbox, p.SMTP.Port, p.Backoff, p.BackoffMax)
	}
	if len(p.Specs) != 1 || p.Specs[0].Kind != "evaluation" || p.First.String() != "2025H2" {
		t.Errorf("specs %+v first %v", p.Specs, p.First)
	}
}

func FuzzParseCron(f *testing.F) {
	for _, s := range []string{"0 9 5 1,7 *", "TZ=", "CRON_TZ=x", "@every 1h", "@monthly", "* * * * *", "0 0 30 2 *", "1-", "*/0 * * * *", "5/ * * * *"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		s, err := ParseCron(spec) // must not panic
		if err == nil && s == nil {
			t.Fatal("nil schedule without error")
		}
	})
}
