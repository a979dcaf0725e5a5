package reports

import "time"

// Issue is what the filing office decides about one issued report, as
// opposed to what the case files say: its 发文字号, the day it is issued,
// whether it is a draft, and, for a correction (更正), the report it
// corrects. The pipeline keeps the sequence of numbers in its ledger and
// passes an Issue to the report it produces; the report only lays it out.
// The zero Issue is an unnumbered report dated on the period's close.
type Issue struct {
	Number   string      `json:"number,omitempty"`   // 发文字号, such as 威人口〔2026〕3号; empty for a draft
	Date     time.Time   `json:"date,omitzero"`      // 成文日期: the day the report is actually issued
	Draft    bool        `json:"draft,omitempty"`    // a draft: marked 草稿 on every page, never filed
	Corrects *Correction `json:"corrects,omitempty"` // the report this one corrects, or nil
}

// Correction names the filed report that a correction (更正) replaces, and
// what changed.
type Correction struct {
	Number  string    `json:"number"`  // its 发文字号
	Date    time.Time `json:"date"`    // its 成文日期
	SHA256  string    `json:"sha256"`  // of its PDF, as the ledger recorded it
	Reason  string    `json:"reason"`  // why it is corrected, in the filing office's words
	Changes []string  `json:"changes"` // what changed, one line each, in Chinese
}
