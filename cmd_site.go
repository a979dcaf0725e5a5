package main

import (
	"context"
	"fmt"
	iofs "io/fs"
	"os"
	"time"

	"qingdan/build"
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
	var target string
	var prog *progress
	var stats output.Stats
	_, ps, err := build.Site(*cfgPath, nil, func(cfg *config.Config, site *generator.Site, theme iofs.FS) error {
		target = *out
		if target == "" {
			target = cfg.Path(cfg.Output)
		}
		dir, err := output.NewDir(target, keepOut(cfg)...)
		if err != nil {
			return err
		}
		prog = newProgress(os.Stderr, dir, 0)
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
		stats, err = dir.Commit()
		if err == nil {
			err = build.Record(cfg, site)
		}
		if err != nil {
			prog.Stop()
		}
		return err
	})
	if ps.HasErrors() {
		return report(ps)
	}
	if err != nil {
		return err
	}
	printWarnings(ps, false)
	prog.Done(target, stats, start)
	return nil
}

func runCheck(ctx context.Context, args []string) error {
	fs := newFlags("check", checkUsage.S())
	cfgPath := fs.String("config", "site.toml", cliConfigFlag.S())
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	cfg, site, ps := build.Load(*cfgPath, nil)
	if cfg != nil {
		ps = append(ps, cfg.GovWarnings()...)
	}
	if ps.HasErrors() {
		return report(ps)
	}
	if tps := themes.Check(cfg.Dir, cfg.Theme); len(tps) > 0 {
		return report(tps)
	}
	if err := output.Check(cfg.Path(cfg.Output), keepOut(cfg)...); err != nil {
		return err
	}
	printWarnings(ps, true)
	if c := site.County; c != nil {
		fmt.Fprintln(os.Stderr, countyOK.S(len(c.Departments), c.Units, c.Duties, c.Items, c.Matters, c.Services, c.Systems))
		return nil
	}
	items := 0
	for _, d := range site.Duties {
		items += len(d.Items)
	}
	fmt.Fprintln(os.Stderr, checkOK.S(len(site.Units), len(site.Duties), items, len(site.Matters), len(site.Services), len(site.Systems)))
	return nil
}

// printWarnings prints the warnings of a good load: in full when verbose
// (check), else counted (build).
func printWarnings(ps source.Problems, verbose bool) {
	switch {
	case verbose:
		fmt.Fprint(os.Stderr, ps.String())
	case len(ps) > 0:
		fmt.Fprintln(os.Stderr, warningsCounted.S(len(ps)))
	}
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
