package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"

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
	fontSettings := reports.FontSettings{}
	if folder == "" {
		cfg, err := loadConfig(*configPath)
		if err != nil {
			return err
		}
		folder = cfg.Path(cfg.Reports.CaseFiles)
		fontSettings = reports.FontSettingsOf(cfg)
	}
	if info, err := os.Stat(folder); err != nil || !info.IsDir() {
		return reportNoFolder.Error(folder)
	}
	cases, ps := reports.LoadFolder(folder)
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
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	if *per == "" {
		return usageError{reportNeedPeriod.S()}
	}
	p, err := period.Parse(*per)
	if err != nil {
		return usageError{err.Error()}
	}
	cfg, err := loadConfig(*configPath)
	if err != nil {
		return err
	}
	pl, err := pipeline.Open(pipelineOptions(cfg, log.New(os.Stderr, "qingdan report: ", log.LstdFlags)))
	if err != nil {
		return err
	}
	defer pl.Close()
	rec, made, err := pl.File(ctx, kind, p)
	if err != nil {
		return err
	}
	what := reportFiled.S()
	if !made {
		what = reportInLedger.S(rec.At.Format("2006-01-02 15:04"))
	}
	fmt.Printf("%s %s: %s\n", p, kind, what)
	for _, f := range rec.Files {
		fmt.Printf("  %s  %d bytes  sha256 %s\n", f.Name, f.Size, f.SHA256)
	}
	return nil
}
