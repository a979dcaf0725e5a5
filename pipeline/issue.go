package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"qingdan/period"
)

// Issue is what the pipeline decides about a filing it is about to
// produce, and passes to the Producer: its 文号, the day it is issued, its
// version, and for a correction (更正) the filing it corrects.
type Issue struct {
	Number   string    // 发文字号 from Options.Number; "" when no pattern is set
	Seq      int       // the n of the number, counted per year
	Date     time.Time // when it is produced: its 成文日期, never back-dated to the due day
	Version  int       // 1 for the first filing, 2… for each correction
	Corrects *Filed    // the filing a correction replaces; nil for the first
	Reason   string    // why it is corrected
}

// Filed is a filing already in the ledger, as a correction names it.
type Filed struct {
	Number string    // its 文号 ("" when it had none)
	Date   time.Time // when it was produced
	Files  []File    // its files, read back from the outbox and checked against the ledger
	Sums   []FileSum // as the ledger recorded them
}

// Number makes a 文号 from a pattern such as 威人口〔{year}〕{n}号.
func Number(pattern string, year, n int) string {
	r := strings.NewReplacer("{year}", strconv.Itoa(year), "{n}", strconv.Itoa(n))
	return r.Replace(pattern)
}

// issue is the Issue of a filing produced now, taking the next number of
// the year when a pattern is set.
func (p *Pipeline) issue(now time.Time, version int) Issue {
	is := Issue{Date: now, Version: version}
	if p.o.Number != "" {
		is.Seq = p.nextSeq(now.Year())
		is.Number = Number(p.o.Number, now.Year(), is.Seq)
	}
	return is
}

// nextSeq is one more than the highest number the ledger gave in year: a
// number is never given twice, and a failed attempt gives none (only the
// "produced" record takes it).
func (p *Pipeline) nextSeq(year int) int {
	n := 0
	for _, r := range p.ledger.Records() {
		if r.Event == Produced && r.Seq > 0 && r.At.In(period.Zone).Year() == year {
			n = max(n, r.Seq)
		}
	}
	return n + 1
}

// latest is the newest produced version of (kind, per), or nil.
func (p *Pipeline) latest(kind string, per period.Period) *filing {
	var last *filing
	for k, f := range filings(p.ledger.Records()) {
		if k.Kind == kind && k.Period == per && f.Produced != nil && (last == nil || f.Version > last.Version) {
			last = f
		}
	}
	return last
}

// Correct re-issues the filed report of kind for per as a correction: a
// new version with its own number, naming the newest version filed, made
// from the case files as they are now, and delivered like the first. The
// earlier versions stay in the ledger and the outbox as they were. The
// Producer fails when nothing changed, so running the same correction
// twice files it once.
func (p *Pipeline) Correct(ctx context.Context, kind string, per period.Period, reason string) (Record, error) {
	if strings.TrimSpace(reason) == "" {
		return Record{}, errReasonMissing.Error()
	}
	// A correction committed by an earlier run cut short goes out first.
	p.deliver(ctx, &soonest{})
	last := p.latest(kind, per)
	if last == nil {
		return Record{}, errNothingToCorrect.Error(per.String(), kind)
	}
	old := Filed{Number: last.Produced.Number, Date: last.Produced.At, Sums: last.Produced.Files}
	for _, want := range last.Produced.Files {
		path := filepath.Join(p.o.Outbox, per.String(), want.Name)
		data, err := os.ReadFile(path)
		if err == nil && sumOf(data) != want.SHA256 {
			err = errSumDiffers.Error(want.SHA256)
		}
		if err != nil {
			return Record{}, errFiledCopyBad.Error(path, err)
		}
		old.Files = append(old.Files, File{Name: want.Name, Data: data})
	}
	is := p.issue(p.now(), last.Version+1)
	is.Corrects, is.Reason = &old, reason
	rec, err := p.produceIssue(ctx, kind, per, time.Time{}, is)
	if err != nil {
		return Record{}, err
	}
	p.deliver(ctx, &soonest{})
	return rec, nil
}
