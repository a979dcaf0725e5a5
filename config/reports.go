package config

import "qingdan/source"

// Reports configures the compliance pipeline (owned by the reports work).
type Reports struct {
	CaseFiles string `toml:"casefiles"` // folder of case files; never under content/
}

func (r *Reports) validate(c *Config, at *source.Positions, ps *source.Problems) {}
