package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"qingdan/config"
	"qingdan/output"
	"qingdan/period"
	"qingdan/pipeline"
	"qingdan/reports"
	"qingdan/source"
)

// runReport is "qingdan report": case-file checks, the rules table, and
// one report of one period by hand.
func runReport(ctx context.Context, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fs := newFlags("report", reportUsage.S())
		if err := parseFlags(fs, args, 0); err != nil {
			return err
		}
		return usageError{reportNameSub.S()}
	}
	sub, args := args[0], args[1:]
	switch sub {
	case "check":
		return runReportCheck(args)
	case "rules":
		return runReportRules(args)
	case "evaluate":
		return runReportFile(ctx, reports.KindEvaluation, args)
	case "filing":
		return runReportFile(ctx, reports.KindFiling, args)
	case "correct":
		return runReportCorrect(ctx, args)
	}
	return usageError{reportUnknownSub.S(sub)}
}

// loadConfig loads site.toml and prints its problems.
func loadConfig(path string) (*config.Config, error) {
	cfg, ps := config.Load(path)
	fmt.Fprint(os.Stderr, ps.String())
	if ps.HasErrors() {
		return nil, errReported
	}
	return cfg, nil
}

func runReportCheck(args []string) error {
	fs := newFlags("report check", reportUsage.S())
	configPath := fs.String("config", "site.toml", siteTomlPathFlag.S())
	dir := fs.String("dir", "", reportDirFlag.S())
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	folder := *dir
	var cfg *config.Config
	fontSettings := reports.FontSettings{}
	if folder == "" {
		var err error
		if cfg, err = loadConfig(*configPath); err != nil {
			return err
		}
		folder = cfg.Path(cfg.Reports.CaseFiles)
		fontSettings = fontSettingsOf(cfg)
	}
	if info, err := os.Stat(folder); err != nil || !info.IsDir() {
		return reportNoFolder.Error(folder)
	}
	cases, ps := reports.LoadFolder(folder)
	if cfg != nil {
		if years := reportOptions(cfg).Settings.Days.Uncovered(cases); len(years) > 0 {
			ps.Warn(source.Pos{File: cfg.File}, msgHolidaysHint.S(), "%s", msgHolidaysWarn.S(reports.YearList(years)))
		}
	}
	fonts, err := reports.LoadFonts(fontSettings)
	if err != nil {
		return err
	}
	for _, w := range fonts.Warnings {
		ps.Warn(source.Pos{File: *configPath}, "", "%s", w)
	}
	ps = append(ps, reports.OnDisk(folder, reports.GlyphProblems(cases, fonts))...)
	ps.Sort()
	fmt.Fprint(os.Stderr, ps.String())
	errs, warns := count(ps)
	fmt.Println(reportChecked.S(len(cases), folder, errs, warns))
	if errs > 0 {
		return errReported
	}
	return nil
}

func count(ps source.Problems) (errs, warns int) {
	for _, p := range ps {
		if p.Severity == source.Warning {
			warns++
		} else {
			errs++
		}
	}
	return errs, warns
}

func runReportRules(args []string) error {
	fs := newFlags("report rules", reportUsage.S())
	out := fs.String("o", "", reportOutFlag.S())
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	md := reports.RulesMarkdown()
	if *out == "" {
		_, err := fmt.Print(md)
		return err
	}
	return output.WriteFile(*out, []byte(md), 0o644)
}

// runReportFile files one report of one period through the pipeline's
// ledger and lock, as the daemon would.
func runReportFile(ctx context.Context, kind string, args []string) error {
	fs := newFlags("report "+kind, reportUsage.S())
	configPath := fs.String("config", "site.toml", siteTomlPathFlag.S())
	per := fs.String("period", "", reportPeriodFlag.S())
	draft := fs.Bool("draft", false, msgDraftFlag.S())
	out := fs.String("out", "", msgOutFlag.S())
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	p, err := periodFlag(*per)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(*configPath)
	if err != nil {
		return err
	}
	if *draft {
		return writeDraft(cfg, kind, p, *out)
	}
	if *out != "" {
		return usageError{msgOutNeedsDraft.S()}
	}
	pl, err := openFiling(cfg)
	if err != nil {
		return err
	}
	defer pl.Close()
	rec, filedNow, err := pl.File(ctx, kind, p)
	if err != nil {
		return err
	}
	what := reportFiled.S()
	if !filedNow {
		what = reportInLedger.S(rec.At.Format("2006-01-02 15:04"))
	}
	fmt.Printf("%s %s: %s\n", p, kind, what)
	for _, f := range rec.Files {
		fmt.Printf("  %s  %d bytes  sha256 %s\n", f.Name, f.Size, f.SHA256)
	}
	if !filedNow {
		fmt.Println(msgCorrectHint.S(p, kind))
	}
	return nil
}

// periodFlag parses the required -period flag.
func periodFlag(s string) (period.Period, error) {
	if s == "" {
		return period.Period{}, usageError{reportNeedPeriod.S()}
	}
	p, err := period.Parse(s)
	if err != nil {
		return period.Period{}, usageError{err.Error()}
	}
	return p, nil
}

// writeDraft makes a report marked 草稿 into a scratch folder, without the
// pipeline: no ledger, no number, no outbox, no e-mail.
func writeDraft(cfg *config.Config, kind string, p period.Period, out string) error {
	dir := cfg.Path("drafts")
	if out != "" {
		dir = out
	}
	if pub := cfg.PublishedOverlap(dir); pub != "" {
		return usageError{msgDraftPublished.S(dir, pub)}
	}
	files, err := reports.Produce(reportOptions(cfg), reports.Request{Kind: kind, Period: p, Issue: reports.Issue{Draft: true, Date: time.Now().In(period.Zone)}})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	fmt.Println(msgDraftWritten.S(p, kind, dir))
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		if err := output.WriteFile(path, f.Data, 0o644); err != nil {
			return err
		}
		fmt.Printf("  %s  %d bytes\n", path, len(f.Data))
	}
	return nil
}

// runReportCorrect re-issues a filed report as a correction.
func runReportCorrect(ctx context.Context, args []string) error {
	fs := newFlags("report correct", reportUsage.S())
	configPath := fs.String("config", "site.toml", siteTomlPathFlag.S())
	per := fs.String("period", "", reportPeriodFlag.S())
	kind := fs.String("kind", "", msgKindFlag.S())
	reason := fs.String("reason", "", msgReasonFlag.S())
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	p, err := periodFlag(*per)
	if err != nil {
		return err
	}
	if *kind != reports.KindEvaluation && *kind != reports.KindFiling {
		return usageError{msgKindRequired.S()}
	}
	cfg, err := loadConfig(*configPath)
	if err != nil {
		return err
	}
	pl, err := openFiling(cfg)
	if err != nil {
		return err
	}
	defer pl.Close()
	rec, err := pl.Correct(ctx, *kind, p, *reason)
	if err != nil {
		return err
	}
	fmt.Println(msgCorrected.S(p, *kind, rec.Number, rec.Corrects))
	for _, f := range rec.Files {
		fmt.Printf("  %s  %d bytes  sha256 %s\n", f.Name, f.Size, f.SHA256)
	}
	return nil
}

// openFiling opens the pipeline for filing by hand, refusing the example
// case files before the ledger is touched.
func openFiling(cfg *config.Config) (*pipeline.Pipeline, error) {
	if err := refuseExamples(cfg); err != nil {
		return nil, err
	}
	return pipeline.Open(pipelineOptions(cfg, log.New(os.Stderr, "qingdan report: ", log.LstdFlags)))
}
