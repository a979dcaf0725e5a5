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
)

const buildUsage = `
Usage: qingdan build [-config site.toml] [-out DIR]

Build the site from site.toml and its content folder. The new site is
written beside the output folder and swapped into place in one step: when
anything is wrong nothing is written and the previous site stays as it was.
Files whose bytes did not change keep their modification time.

Examples:
  qingdan build                 # writes the folder named by output in site.toml (public/)
  qingdan build -out /srv/www   # writes /srv/www instead
`

const checkUsage = `
Usage: qingdan check [-config site.toml]

Check site.toml and every content file, and print each problem as
path:line:col: message, with a hint where one helps. Warnings are printed
too but do not fail. Exit status 1 when there is any error.

Example:
  qingdan check
`

func runBuild(ctx context.Context, args []string) error {
	fs := newFlags("build", buildUsage)
	cfgPath := fs.String("config", "site.toml", "the site's configuration `file`")
	out := fs.String("out", "", "output `folder` (default: output in site.toml)")
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
		if cfg.CaseFilesOverlap(target) {
			return fmt.Errorf("output folder %s overlaps the case files (%s): case files hold personal data and are never published; choose another -out", target, cfg.Reports.CaseFiles)
		}
		dir, err := output.NewDir(target)
		if err != nil {
			return err
		}
		prog = newProgress(os.Stderr, dir, 0)
		if err := generator.Render(site, theme, prog); err != nil {
			prog.Stop()
			dir.Abort()
			return fmt.Errorf("building %s: %w", target, err)
		}
		if err := ctx.Err(); err != nil {
			prog.Stop()
			dir.Abort()
			return fmt.Errorf("build interrupted; %s is unchanged", target)
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
	fs := newFlags("check", checkUsage)
	cfgPath := fs.String("config", "site.toml", "the site's configuration `file`")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	_, site, ps := build.Load(*cfgPath, nil)
	if ps.HasErrors() {
		return report(ps)
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
	fmt.Fprintf(os.Stderr, "qingdan: ok: %d units, %d duties, %d items, %d boundary matters, %d services, %d supervision systems\n",
		len(site.Units), len(site.Duties), items, len(site.Matters), len(site.Services), len(site.Systems))
	return nil
}

// printWarnings prints the warnings of a good load: in full when verbose
// (check), else counted (build).
func printWarnings(ps source.Problems, verbose bool) {
	switch {
	case verbose:
		fmt.Fprint(os.Stderr, ps.String())
	case len(ps) > 0:
		fmt.Fprintf(os.Stderr, "qingdan: %d warning(s); run \"qingdan check\" to see them\n", len(ps))
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
	fmt.Fprintf(os.Stderr, "qingdan: %d error(s); nothing was written\n", n)
	return errReported
}
