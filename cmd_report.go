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

const reportUsage = `
usage: qingdan report <check | rules | evaluate | filing | correct> [flags]

Case files and the semiannual compliance reports.

  check     validate every case file (一案一卷) of [reports] casefiles, or of
            -dir, and print each problem as file:line:col
  rules     print the rules of the case-file evaluation as Markdown
            (docs/rules.md is this table; -o writes it to a file)
  evaluate  file the 案卷评查报告 of one half year by hand
  filing    file the 重大征收或处罚决定备案报告 of one half year by hand
  correct   re-issue a filed report as a correction (更正), from the case
            files as they are now

evaluate and filing go through the pipeline's ledger, exactly as the daemon
does: a period already in the ledger is not produced again, and the PDF and
its JSON are delivered to the outbox (and by e-mail when configured).

With -draft they file nothing: the report, marked 草稿 on every page, is
written to the -out folder (default drafts/ beside site.toml) and the ledger
is not touched. The example case files (a folder with 示例.txt) can only be
drafted.

correct makes a new version of a filed report with its own 文号, naming the
one it corrects (文号, date, SHA-256) and listing what changed; the ledger
and the outbox keep both. It refuses when nothing changed, so running it
twice files one correction.

Examples:
  qingdan report check
  qingdan report check -dir examples/casefiles
  qingdan report rules -o docs/rules.md
  qingdan report evaluate -period 2026H1 -draft
  qingdan report evaluate -period 2026H1
  qingdan report filing -period 2026H1 -config /srv/qingdan/site.toml
  qingdan report correct -period 2026H1 -kind evaluation -reason "补充评查人员评分"
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
	case "correct":
		return runReportCorrect(ctx, args)
	}
	return usageError{fmt.Sprintf("unknown subcommand %q; use check, rules, evaluate, filing or correct", sub)}
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
	var cfg *config.Config
	if folder == "" {
		var err error
		if cfg, err = loadConfig(*configPath); err != nil {
			return err
		}
		folder = cfg.Path(cfg.Reports.CaseFiles)
	}
	if info, err := os.Stat(folder); err != nil || !info.IsDir() {
		return fmt.Errorf("no folder of case files at %s; create it, or set [reports] casefiles in site.toml", folder)
	}
	cases, ps := reports.LoadFolder(folder)
	if cfg != nil {
		if years := reportOptions(cfg).Settings.Days.Uncovered(cases); len(years) > 0 {
			ps.Warn(source.Pos{File: cfg.File}, msgHolidaysHint.S(), "%s", msgHolidaysWarn.S(reports.YearList(years)))
		}
	}
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
	draft := fs.Bool("draft", false, "write a draft (草稿) to -out; file nothing, leave the ledger alone")
	out := fs.String("out", "", "folder for drafts (default: drafts beside site.toml)")
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
	if !made {
		fmt.Println(msgCorrectHint.S(p, kind))
	}
	return nil
}

// periodFlag parses the required -period flag.
func periodFlag(s string) (period.Period, error) {
	if s == "" {
		return period.Period{}, usageError{"-period is required, such as -period 2026H1"}
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
	fs := newFlags("report correct", reportUsage)
	configPath := fs.String("config", "site.toml", "path of site.toml")
	per := fs.String("period", "", "the half year, such as 2026H1 (required)")
	kind := fs.String("kind", "", "evaluation or filing (required)")
	reason := fs.String("reason", "", "why it is corrected, in Chinese (required)")
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
