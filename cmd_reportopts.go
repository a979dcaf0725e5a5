package main

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"qingdan/config"
	"qingdan/period"
	"qingdan/pipeline"
	"qingdan/reports"
)

// reportOptions are what package reports takes from site.toml: the case
// files, the fonts and the settings of the rubric and the letters.
func reportOptions(cfg *config.Config) reports.Options {
	r := cfg.Reports
	return reports.Options{
		CaseFiles: cfg.Path(r.CaseFiles),
		Fonts:     fontSettingsOf(cfg),
		Settings: reports.Settings{
			Org:              cfg.Org.Name,
			Excellent:        r.Excellent,
			Pass:             r.Pass,
			MajorAmount:      int64(math.Round(r.MajorAmount * 100)),
			LitigationMonths: r.LitigationMonths,
			Reviewers:        r.Reviewers,
			Approver:         r.Approver,
			LegalOffice:      r.LegalOffice,
			Signer:           r.Signer,
			EvaluationTo:     r.EvaluationTo,
			CopyTo:           r.CopyTo,
			Contact:          r.Contact,
			Phone:            r.Phone,
			Days: reports.Days{
				Working:  r.DayCounting == config.WorkingDays,
				Holidays: days(r.Holidays),
				Workdays: days(r.Workdays),
			},
		},
	}
}

// fontSettingsOf takes the font settings of [reports] in site.toml, with
// paths resolved against its folder.
func fontSettingsOf(cfg *config.Config) reports.FontSettings {
	r := cfg.Reports
	path := func(p string) string {
		if p == "" {
			return ""
		}
		return cfg.Path(p)
	}
	s := reports.FontSettings{First: path(r.Font), Body: path(r.FontBody), Title: path(r.FontTitle)}
	for _, p := range r.Fonts {
		s.Chain = append(s.Chain, path(p))
	}
	return s
}

// days turns the dates of site.toml into the calendar days the rules
// compare (midnight UTC of the day written).
func days(ts []time.Time) []time.Time {
	var out []time.Time
	for _, t := range ts {
		out = append(out, time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
	}
	return out
}

// reportProducer makes the reports of a kind for a period with package
// reports, from the case files site.toml points to, as the pipeline's
// Issue says: numbered, dated the day it is made and, for a correction,
// naming the filing it corrects. Example case files are refused.
func reportProducer(cfg *config.Config) pipeline.Producer {
	o := reportOptions(cfg)
	return func(ctx context.Context, kind string, p period.Period, is pipeline.Issue) ([]pipeline.File, error) {
		if err := reports.RefuseExample(o.CaseFiles); err != nil {
			return nil, err
		}
		req := reports.Request{Kind: kind, Period: p, Issue: reports.Issue{Number: is.Number, Date: is.Date}}
		if c := is.Corrects; c != nil {
			corr := &reports.Correction{Number: c.Number, Date: c.Date, Reason: is.Reason}
			for i, f := range c.Files {
				switch {
				case strings.HasSuffix(f.Name, ".pdf"):
					corr.SHA256 = c.Sums[i].SHA256
				case strings.HasSuffix(f.Name, ".json"):
					req.Previous = f.Data
				}
			}
			if req.Previous == nil {
				return nil, msgNoPreviousData.Error()
			}
			if corr.Number == "" {
				corr.Number = fmt.Sprintf("%v%s", p, kindTitle(kind))
			}
			req.Issue.Corrects = corr
		}
		files, err := reports.Produce(o, req)
		if err != nil {
			return nil, err
		}
		out := make([]pipeline.File, len(files))
		for i, f := range files {
			out[i] = pipeline.File{Name: f.Name, Data: f.Data}
		}
		return out, nil
	}
}

// kindTitle is the title of a report kind.
func kindTitle(kind string) string {
	if kind == reports.KindFiling {
		return reports.FilingTitle
	}
	return reports.EvaluationTitle
}

// reviewHold holds the evaluation of a half year while any of its case
// files lacks a reviewer's score, naming how many and which.
func reviewHold(cfg *config.Config) pipeline.Hold {
	dir := cfg.Path(cfg.Reports.CaseFiles)
	return func(kind string, p period.Period) string {
		if kind != reports.KindEvaluation {
			return ""
		}
		cases, ps := reports.LoadFolder(dir)
		if ps.HasErrors() {
			return "" // producing reports the errors
		}
		var waiting []string
		for _, c := range reports.InPeriod(cases, p) {
			if c.Review == nil {
				waiting = append(waiting, c.Number)
			}
		}
		if len(waiting) == 0 {
			return ""
		}
		return msgAwaitingReview.S(len(waiting), strings.Join(waiting, "、"))
	}
}

// refuseExamples fails before the ledger is opened when site.toml points
// at the example case files.
func refuseExamples(cfg *config.Config) error {
	return reports.RefuseExample(cfg.Path(cfg.Reports.CaseFiles))
}
