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

const reportUsage = `
usage: qingdan report <check | rules | evaluate | filing> [flags]

Case files and the semiannual compliance reports.

  check     validate every case file (一案一卷) of [reports] casefiles, or of
            -dir, and print each problem as file:line:col
  rules     print the rules of the case-file evaluation as Markdown
            (docs/rules.md is this table; -o writes it to a file)
  evaluate  file the 案卷评查报告 of one half year by hand
  filing    file the 重大征收或处罚决定备案报告 of one half year by hand

evaluate and filing go through the pipeline's ledger, exactly as the daemon
does: a period already in the ledger is not produced again, and the PDF and
its JSON are delivered to the outbox (and by e-mail when configured).

Examples:
  qingdan report check
  qingdan report check -dir examples/casefiles
  qingdan report rules -o docs/rules.md
  qingdan report evaluate -period 2026H1
  qingdan report filing -period 2026H1 -config /srv/qingdan/site.toml
`

// runReport is "qingdan report": case-file checks, the rules table, and
// one report of one period by hand.
func runReport(ctx context.Context, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fs := newFlags("report", reportUsage)
		if err := parseFlags(fs, args, 0); err != nil {
			return err
		}
		return usageError{"name a subcommand: check, rules, evaluate or filing"}
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
	return usageError{fmt.Sprintf("unknown subcommand %q; use check, rules, evaluate or filing", sub)}
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
	fs := newFlags("report check", reportUsage)
	configPath := fs.String("config", "site.toml", "path of site.toml")
	dir := fs.String("dir", "", "folder of case files (default: [reports] casefiles of site.toml)")
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
		return fmt.Errorf("no folder of case files at %s; create it, or set [reports] casefiles in site.toml", folder)
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
	fmt.Printf("%d case files checked in %s: %d errors, %d warnings\n", len(cases), folder, errs, warns)
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
	fs := newFlags("report rules", reportUsage)
	out := fs.String("o", "", "write the table to this file instead of standard output")
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
	fs := newFlags("report "+kind, reportUsage)
	configPath := fs.String("config", "site.toml", "path of site.toml")
	per := fs.String("period", "", "the half year, such as 2026H1 (required)")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	if *per == "" {
		return usageError{"-period is required, such as -period 2026H1"}
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
	what := "filed"
	if !made {
		what = "already in the ledger since " + rec.At.Format("2006-01-02 15:04") + ", not produced again"
	}
	fmt.Printf("%s %s: %s\n", p, kind, what)
	for _, f := range rec.Files {
		fmt.Printf("  %s  %d bytes  sha256 %s\n", f.Name, f.Size, f.SHA256)
	}
	return nil
}
