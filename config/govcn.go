package config

import (
	"qingdan/msg"
	"qingdan/source"
)

// govField is a setting every page of a gov.cn site shows (the footer
// carries the 网站标识码, the ICP and 公安备案 numbers and how to reach the
// publisher; the 联系我们 page the address, phone and e-mail).
type govField struct {
	key   string // its path in site.toml
	value func(*Config) string
	name  msg.Message
	hint  msg.Message
}

var govFields = []govField{
	{"gov.site_id_code", func(c *Config) string { return c.Gov.SiteIDCode }, govSiteIDCode, govSiteIDCodeFix},
	{"gov.icp", func(c *Config) string { return c.Gov.ICP }, govICP, govICPFix},
	{"gov.police_record", func(c *Config) string { return c.Gov.PoliceRecord }, govPolice, govPoliceFix},
	{"org.address", func(c *Config) string { return c.Org.Address }, govAddress, govAddressFix},
	{"org.phone", func(c *Config) string { return c.Org.Phone }, govPhone, govPhoneFix},
	{"org.email", func(c *Config) string { return c.Org.Email }, govEmail, govEmailFix},
}

// GovWarnings warns, at its place in site.toml, for each setting a gov.cn
// site must show that is empty: the footer and the 联系我们 page would
// silently lack it. "qingdan check" prints them; they never stop a build.
func (c *Config) GovWarnings() source.Problems {
	var ps source.Problems
	for _, f := range govFields {
		if f.value(c) == "" {
			ps.Warn(c.at.Of(f.key), f.hint.S(), govEmpty.S(f.name.S(), f.key))
		}
	}
	ps.Sort()
	return ps
}
