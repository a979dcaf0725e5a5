package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"qingdan/config"
	"qingdan/generator"
	"qingdan/output"
	"qingdan/source"
	"qingdan/themes"
)

func runBuild(ctx context.Context, args []string) error {
	fs := newFlags("build", buildUsage.S())
	cfgPath := fs.String("config", "site.toml", cliConfigFlag.S())
	out := fs.String("out", "", cliOutFlag.S())
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	start := time.Now()
	site, err := loadSite(*cfgPath, false)
	if err != nil {
		return err
	}
	target := *out
	if target == "" {
		target = site.Config.Path(site.Config.Output)
	}
	if site.Config.CaseFilesOverlap(target) {
		return buildOverlap.Error(target, site.Config.Reports.CaseFiles)
	}
	theme, err := themes.Open(site.Config.Dir, site.Config.Theme)
	if err != nil {
		return err
	}
	dir, err := output.NewDir(target)
	if err != nil {
		return err
	}
	prog := newProgress(os.Stderr, dir, 0)
	if err := generator.Render(site, theme, prog); err != nil {
		prog.Stop()
		dir.Abort()
		return buildFailed.Error(target, err)
	}
	if err := ctx.Err(); err != nil {
		prog.Stop()
		dir.Abort()
		return buildInterrupted.Error(target)
	}
	stats, err := dir.Commit()
	if err != nil {
		prog.Stop()
		return err
	}
	prog.Done(target, stats, start)
	return nil
}

func runCheck(ctx context.Context, args []string) error {
	fs := newFlags("check", checkUsage.S())
	cfgPath := fs.String("config", "site.toml", cliConfigFlag.S())
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	site, err := loadSite(*cfgPath, true)
	if err != nil {
		return err
	}
	items := 0
	for _, d := range site.Duties {
		items += len(d.Items)
	}
	fmt.Fprintln(os.Stderr, checkOK.S(len(site.Units), len(site.Duties), items, len(site.Matters), len(site.Services), len(site.Systems)))
	return nil
}

// loadSite reads the configuration and the content and fails, printing
// every problem to stderr, when any is an error. Warnings are printed in
// full when verbose (check), else counted (build).
func loadSite(cfgPath string, verbose bool) (*generator.Site, error) {
	cfg, ps := config.Load(cfgPath)
	if ps.HasErrors() {
		return nil, report(ps)
	}
	site, cps := generator.Load(cfg)
	ps = append(ps, cps...)
	if verbose {
		ps = append(ps, cfg.GovWarnings()...)
	}
	if ps.HasErrors() {
		return nil, report(ps)
	}
	switch {
	case verbose:
		fmt.Fprint(os.Stderr, ps.String())
	case len(ps) > 0:
		fmt.Fprintln(os.Stderr, warningsCounted.S(len(ps)))
	}
	return site, nil
}

// report prints problems and a closing count; it returns errReported.
func report(ps source.Problems) error {
	fmt.Fprint(os.Stderr, ps.String())
	n := 0
	for _, p := range ps {
		if p.Severity == source.Error {
			n++
		}
	}
	fmt.Fprintln(os.Stderr, errorsCounted.S(n))
	return errReported
}
