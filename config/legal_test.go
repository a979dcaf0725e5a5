package config

import (
	"testing"
	"time"
)

func TestDayCountingAndNumbers(t *testing.T) {
	checkProblems(t, []problemCase{
		{"calendar", "[reports]\nday_counting = \"calendar\"\n", ""},
		{"working with holidays", "[reports]\nday_counting = \"working\"\nholidays = [2026-01-01, 2026-02-16]\nworkdays = [2026-02-14]\n", ""},
		{"working without holidays", "[reports]\nday_counting = \"working\"\n", "site.toml:6:16: counting working days"},
		{"unknown counting", "[reports]\nday_counting = \"工作日\"\n", `day_counting "工作日" is not "calendar" or "working"`},
		{"number pattern", "[pipeline]\nnumber = \"威人口〔{year}〕{n}号\"\n", ""},
		{"number without sequence", "[pipeline]\nnumber = \"威人口〔{year}〕号\"\n", "has no {n}"},
		{"wait for reviews", "[pipeline]\nwait_for_reviews = 15\n", ""},
		{"wait too long", "[pipeline]\nwait_for_reviews = 400\n", "wait_for_reviews = 400"},
		{"smtp timeouts", "[pipeline.smtp]\nhost = \"mail.weixian.gov.cn\"\nfrom = \"a@weixian.gov.cn\"\nto = [\"b@weixian.gov.cn\"]\ntimeout = \"30s\"\ndata_timeout = \"10m\"\n", ""},
		{"smtp timeout not a duration", "[pipeline.smtp]\nhost = \"mail.weixian.gov.cn\"\nfrom = \"a@weixian.gov.cn\"\nto = [\"b@weixian.gov.cn\"]\ntimeout = \"一分钟\"\n", `smtp.timeout "一分钟" is not a duration`},
	})
	c, ps := Parse("site.toml", []byte(minimal+"[reports]\nday_counting = \"working\"\nholidays = [2026-02-16]\n"))
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	if h := c.Reports.Holidays; len(h) != 1 || h[0].Year() != 2026 || h[0].Month() != time.February || h[0].Day() != 16 {
		t.Errorf("holidays = %v", h)
	}
	if c, _ := Parse("site.toml", []byte(minimal)); c.Reports.DayCounting != CalendarDays {
		t.Errorf("default day counting %q, want calendar", c.Reports.DayCounting)
	}
}
