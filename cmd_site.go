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
	site, err := loadSite(*cfgPath, false)
	if err != nil {
		return err
	}
	target := *out
	if target == "" {
		target = site.Config.Path(site.Config.Output)
	}
	theme, err := themes.Open(site.Config.Dir, site.Config.Theme)
	if err != nil {
		return err
	}
	dir, err := output.NewDir(target, keepOut(&site.Config)...)
	if err != nil {
		return err
	}
	prog := newProgress(os.Stderr, dir, 0)
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
	stats, err := dir.Commit()
	if err != nil {
		prog.Stop()
		return err
	}
	prog.Done(target, stats, start)
	return nil
}

func runCheck(ctx context.Context, args []string) error {
	fs := newFlags("check", checkUsage)
	cfgPath := fs.String("config", "site.toml", "the site's configuration `file`")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	site, err := loadSite(*cfgPath, true)
	if err != nil {
		return err
	}
	if ps := themes.Check(site.Config.Dir, site.Config.Theme); len(ps) > 0 {
		return report(ps)
	}
	if err := output.Check(site.Config.Path(site.Config.Output), keepOut(&site.Config)...); err != nil {
		return err
	}
	items := 0
	for _, d := range site.Duties {
		items += len(d.Items)
	}
	fmt.Fprintf(os.Stderr, "qingdan: ok: %d units, %d duties, %d items, %d boundary matters, %d services, %d supervision systems\n",
		len(site.Units), len(site.Duties), items, len(site.Matters), len(site.Services), len(site.Systems))
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
	if ps.HasErrors() {
		return nil, report(ps)
	}
	switch {
	case verbose:
		fmt.Fprint(os.Stderr, ps.String())
	case len(ps) > 0:
		fmt.Fprintf(os.Stderr, "qingdan: %d warning(s); run \"qingdan check\" to see them\n", len(ps))
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
	fmt.Fprintf(os.Stderr, "qingdan: %d error(s); nothing was written\n", n)
	return errReported
}
