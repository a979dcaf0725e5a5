package preview

import (
	"bytes"
	"html"
	"net/http"
	"path"
	"strings"

	"qingdan/output"
)

// contentTypes are the types of the files a site holds. Others are left to
// http.ServeContent, which guesses from the extension or the bytes.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".svg":  "image/svg+xml",
	".json": "application/json",
	".csv":  "text/csv; charset=utf-8",
	".xml":  "application/xml; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
}

// ServeHTTP serves the site under its root path: "/" redirects to the root,
// a folder serves its index.html, a miss serves 404.html with status 404.
// HTML pages get the reload script and, after a failed build, the problems.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case eventsPath:
		s.events.ServeHTTP(w, r)
		return
	case reloadPath:
		w.Header().Set("Content-Type", contentTypes[".js"])
		w.Header().Set("Cache-Control", "no-cache")
		w.Write([]byte(reloadJS))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	root, built, failure := s.state()
	if !built {
		s.serveHTML(w, http.StatusInternalServerError, []byte(errorPageText.S()), failure)
		return
	}
	p := r.URL.Path
	if p == "/" || p+"/" == root {
		http.Redirect(w, r, root, http.StatusFound)
		return
	}
	name, ok := strings.CutPrefix(p, root)
	if !ok {
		s.notFound(w, failure)
		return
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	f, ok := s.site.Open(name)
	if !ok {
		if _, ok := s.site.Open(name + "/index.html"); ok {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
		s.notFound(w, failure)
		return
	}
	if path.Ext(name) == ".html" {
		s.serveHTML(w, http.StatusOK, f.Data, failure)
		return
	}
	s.serveFile(w, r, name, f)
}

// serveFile serves a file as it is, with its ETag, so that the browser
// revalidates it cheaply.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, name string, f *output.File) {
	if t, ok := contentTypes[path.Ext(name)]; ok {
		w.Header().Set("Content-Type", t)
	}
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("ETag", f.ETag)
	http.ServeContent(w, r, name, f.ModTime, bytes.NewReader(f.Data))
}

// serveHTML serves a page with the reload script and the problems added. It
// sends no validators: the same page reads differently as problems come and
// go.
func (s *Server) serveHTML(w http.ResponseWriter, status int, page []byte, failure string) {
	w.Header().Set("Content-Type", contentTypes[".html"])
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(inject(page, failure))
}

func (s *Server) notFound(w http.ResponseWriter, failure string) {
	page := []byte(notFoundText.S())
	if f, ok := s.site.Open("404.html"); ok {
		page = f.Data
	}
	s.serveHTML(w, http.StatusNotFound, page, failure)
}

// reloadPath serves reloadJS. A file rather than an inline script, so that a
// theme's Content-Security-Policy of script-src 'self' still allows it.
const reloadPath = "/__qingdan/reload.js"

// reloadJS reloads the page when the server says the site changed.
const reloadJS = `new EventSource("` + eventsPath + `").onmessage = function () { location.reload(); };
`

// reloadScript loads reloadJS; it is added to every HTML page in preview.
const reloadScript = `<script src="` + reloadPath + `"></script>`

// inject returns page with the reload script, and the problems box when
// failure is not empty, placed before the last </body> (or at the end).
func inject(page []byte, failure string) []byte {
	add := reloadScript
	if failure != "" {
		add = problemsBox(failure) + add
	}
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(add))
	out = append(out, page[:i]...)
	out = append(out, add...)
	return append(out, page[i:]...)
}

// problemsBox shows a failed build's problems over the page, in a box the
// site's own styles do not reach.
func problemsBox(failure string) string {
	return `<div id="qingdan-problems" role="alert" style="all:initial;position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;overflow:auto;box-sizing:border-box;padding:16px 20px;background:#fff4f4;color:#700;border-top:4px solid #c00;font:15px/1.6 sans-serif">` +
		`<strong style="all:unset;display:block;font-weight:bold;margin-bottom:8px">` + boxTitle.S() + `</strong>` +
		`<pre style="all:unset;display:block;white-space:pre-wrap;font:14px/1.6 monospace">` + html.EscapeString(failure) + `</pre></div>`
}
