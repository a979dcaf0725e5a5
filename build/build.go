// Package build is the one way from a site.toml to a built site. Every
// command that makes the site goes through Site: "qingdan build" (and
// publish.sh, which runs it) and "qingdan serve", which is handed Site as
// its build function; "qingdan check" runs Load, the same stages without
// the rendering. An edit of content/duties.toml follows these stages:
//
//	config.Load(site.toml)                 the configuration, checked (package config)
//	generator.Load(content folder, cfg)    content → *generator.Site, every problem at file:line:col
//	themes.Open(folder of site.toml, name) the theme: the embedded default, overridden on disk
//	render(cfg, site, theme)               the caller's Render: the whole site into an output.Dir
//	                                       (build), or only what changed into an output.Memory (serve)
//
// The stages read only site.toml, the content folder and the theme folder;
// nothing is rendered when a problem is an error.
package build

import (
	"io/fs"
	"os"

	"qingdan/config"
	"qingdan/generator"
	"qingdan/source"
	"qingdan/themes"
)

// Render makes the pages and files of a loaded site with its theme and
// writes them where its caller wants them.
type Render = func(cfg *config.Config, site *generator.Site, theme fs.FS) error

// Load reads the configuration at cfgPath and the content folder it names.
// ld keeps decoded content from one load to the next (the preview's); nil
// decodes everything afresh. cfg is nil when site.toml has an error, site
// is nil when anything has; the problems are those of site.toml, then
// those of the content.
func Load(cfgPath string, ld *generator.Loader) (*config.Config, *generator.Site, source.Problems) {
	cfg, ps := config.Load(cfgPath)
	if ps.HasErrors() {
		return nil, nil, ps
	}
	var site *generator.Site
	var cps source.Problems
	switch {
	case len(cfg.Departments) > 0:
		site, cps = generator.LoadCounty(cfg, os.DirFS, ld)
	case ld != nil:
		site, cps = ld.Load(os.DirFS(cfg.Path(cfg.Content)), cfg)
	default:
		site, cps = generator.Load(os.DirFS(cfg.Path(cfg.Content)), cfg)
	}
	ps = append(ps, cps...)
	if site != nil && ld == nil { // not in the preview, which loads after every edit
		ps = append(ps, checkPublished(cfg, site)...)
		if ps.HasErrors() {
			site = nil
		}
	}
	return cfg, site, ps
}

// Site runs the pipeline once: Load, then, when no problem is an error,
// the theme and render. It returns the configuration when site.toml could
// be read, every problem (warnings included), and the error of opening the
// theme or of render.
func Site(cfgPath string, ld *generator.Loader, render Render) (*config.Config, source.Problems, error) {
	cfg, site, ps := Load(cfgPath, ld)
	if ps.HasErrors() {
		return cfg, ps, nil
	}
	if tps := themes.Check(cfg.Dir, cfg.Theme); len(tps) > 0 {
		return cfg, append(ps, tps...), nil
	}
	theme, err := themes.Open(cfg.Dir, cfg.Theme)
	if err != nil {
		return cfg, ps, err
	}
	return cfg, ps, render(cfg, site, theme)
}
