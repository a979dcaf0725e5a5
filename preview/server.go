// Package preview serves a site from memory while editors work on it, and
// rebuilds and reloads the browser on every saved edit.
//
// A Server is handed the site's build pipeline (build.Site, as "qingdan
// build" runs it), renders the site with it into an output.Memory and
// serves it under the site's root path (Config.Root), so that links behave
// as on the published site. Every 50 ms, and on Linux as
// soon as inotify reports a saved file, it looks at the modification times
// of site.toml, the content folder and the themes folder; when one changed
// it rebuilds, and open pages reload through Server-Sent Events (a small
// script added to HTML pages, only in preview). A rebuild decodes only the
// content tables the edit changed (generator.Loader).
//
// A rebuild renders only the pages that show what the edit changed
// (generator.Incremental) and serves them at once; the search index, the
// open data, the search page and the sitemap follow at the next quiet look.
// BenchmarkEditToServe measures the time from saving an edit to the new
// page being served.
//
// When a rebuild finds problems, the last good site stays served, every HTML
// page shows the problems (path:line:col: message) in a box at the bottom,
// and the terminal prints them; fixing the file clears them. Before any build
// succeeded, every page is an error page listing the problems.
package preview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"qingdan/config"
	"qingdan/generator"
	"qingdan/output"
	"qingdan/source"
	"qingdan/themes"
)

// pollInterval is how often the watched files are looked at where nothing
// tells the preview that a file was saved (no inotify: Windows, macOS),
// often enough that a saved edit shows within a tenth of a second on big
// sites; it is also the pause between serving a build's pages and making
// its search index and open data. A look is one stat per watched file.
const pollInterval = 50 * time.Millisecond

// notifiedPoll is how often the files are looked at where inotify wakes the
// preview as soon as a file is saved (notify_linux.go): the looks only
// catch what it might miss. A province's 100 content folders hold 1,100
// files: looked at 20 times a second, an idle preview used some 15% of a
// core.
const notifiedPoll = time.Second

// Build is the site's one build pipeline, build.Site: it reads site.toml at
// configPath and the content it names, reusing what ld decoded before, and
// when nothing is wrong calls render with the site and its theme. It
// returns the configuration when site.toml could be read, every problem,
// and the error of the theme or of render.
type Build func(configPath string, ld *generator.Loader, render func(*config.Config, *generator.Site, fs.FS) error) (*config.Config, source.Problems, error)

// Server is a live preview of one site.
type Server struct {
	buildSite Build // the build pipeline the server was handed

	config string    // path of site.toml
	log    io.Writer // where builds and problems are reported
	site   *output.Memory
	events broker
	inc    generator.Incremental // what the served site was made from; used by Build only
	loader generator.Loader      // keeps decoded content tables between builds

	mu       sync.Mutex
	root     string   // Config.Root of the last good build
	built    bool     // some build succeeded
	failure  string   // the problems of the last build; empty when it was good
	warnings string   // the warnings of the last build, printed when they change
	watched  []string // files and folders whose changes trigger a rebuild
}

// New returns a server for the site whose configuration is at configPath,
// made by build (build.Site). Nothing is read until Build or Run.
func New(configPath string, log io.Writer, build Build) *Server {
	dir := filepath.Dir(configPath)
	return &Server{
		buildSite: build,
		config:    configPath,
		log:       log,
		site:      output.NewMemory(),
		inc:       generator.Incremental{Templates: themes.Default()},
		root:      "/",
		watched:   []string{configPath, filepath.Join(dir, "content"), filepath.Join(dir, "themes")},
	}
}

// Build loads and renders the site. When it succeeds the new site replaces
// the served one; otherwise the last good site stays and its problems are
// shown. Open pages are told to reload when a file or the problems changed.
func (s *Server) Build() {
	if rest := s.build(); rest != nil {
		rest()
	}
}

// build is Build up to serving the new pages; it returns what is left to
// do, the search index and the open data, or nil.
func (s *Server) build() (rest func()) {
	start := time.Now()
	cfg, failure, warnings, st, rest := s.render()

	s.mu.Lock()
	if cfg != nil {
		s.watched = append([]string{s.config, filepath.Join(cfg.Dir, "themes")}, cfg.ContentFolders()...)
	}
	first := !s.built && failure == ""
	if failure == "" {
		s.root = cfg.Root // the root the served pages link to
		s.built = true
	}
	built := s.built
	old := s.failure
	s.failure = failure
	newWarnings := warnings != s.warnings
	s.warnings = warnings
	s.mu.Unlock()

	if newWarnings {
		fmt.Fprint(s.log, warnings)
	}

	took := time.Since(start).Round(time.Millisecond)
	switch {
	case first:
		fmt.Fprintln(s.log, logBuilt.S(took, st.Written))
	case failure != "" && failure != old && built:
		fmt.Fprint(s.log, logStillServed.S(failure))
	case failure != "" && failure != old:
		fmt.Fprint(s.log, logNotBuilt.S(failure))
	case failure != "":
		// The same problems as last time: already printed.
	case old != "":
		fmt.Fprintln(s.log, logFixed.S(took, st))
	case st.Changed+st.Removed > 0:
		fmt.Fprintln(s.log, logRebuilt.S(took, st))
	}
	if st.Changed+st.Removed > 0 || failure != old {
		s.events.publish()
	}
	return rest
}

// render builds the site into s.site through s.buildSite, rendering only
// the pages an edit changed (generator.Incremental). It returns the
// configuration when it could be read, the problems as text when the build
// failed, and the warnings of a good build. The search index and the open
// data take long to make and pages do not show them, so a good build serves
// the new pages first and returns rest, which makes those files.
func (s *Server) render() (cfg *config.Config, failure, warnings string, st output.Stats, rest func()) {
	cfg, ps, err := s.buildSite(s.config, &s.loader, func(_ *config.Config, site *generator.Site, theme fs.FS) error {
		if _, err := s.inc.Render(site, theme, s.site, true); err != nil {
			return err
		}
		if s.inc.Pending() {
			rest = func() {
				if _, err := s.inc.Render(site, theme, s.site, false); err != nil {
					s.site.Discard()
					fmt.Fprintln(s.log, logRest.S(err))
					return
				}
				s.site.Commit()
			}
		}
		return nil
	})
	ps.Sort()
	switch {
	case ps.HasErrors():
		return cfg, ps.String(), "", st, nil
	case err != nil:
		s.site.Discard()
		return cfg, err.Error() + "\n", "", st, nil
	}
	return cfg, "", ps.String(), s.site.Commit(), rest
}

// state returns what the handler needs to answer a request.
func (s *Server) state() (root string, built bool, failure string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.root, s.built, s.failure
}

// Run builds the site and serves it on ln until ctx is done, rebuilding when
// a watched file changes. It then shuts the server down, ending open event
// streams, and returns nil.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	w := s.startWatch() // before the first build reads a file
	defer w.notify.close()
	s.Build()
	root, _, _ := s.state()
	fmt.Fprintln(s.log, logServing.S(ln.Addr(), root))

	hs := &http.Server{
		Handler:           checkHost(s, ln.Addr()),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		// Requests end with ctx, so that event streams let Shutdown finish.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()

	s.watch(ctx, w)

	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return fmt.Errorf("stopping the preview server: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("preview server: %w", err)
	}
	return nil
}
