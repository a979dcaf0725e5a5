package e2e

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// baseURL is base_url of the real site.toml.
const baseURL = "https://www.weixian.gov.cn/zfxxgk/qingdan/"

// parsedPage is an HTML page of the output with what the link check needs.
type parsedPage struct {
	ids   map[string]bool
	links []link
}

// link is one URL attribute of a page.
type link struct {
	attr, value string
}

// linkAttrs are the attributes that hold a URL the browser follows or
// fetches; data-index is the search index the search page loads.
var linkAttrs = map[string]bool{"href": true, "src": true, "action": true, "data-index": true, "poster": true}

// parsePage reads the ids and the URL attributes of an HTML file.
func parsePage(t testing.TB, file string) parsedPage {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	p := parsedPage{ids: map[string]bool{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch {
				case a.Key == "id" || (a.Key == "name" && n.Data == "a"):
					p.ids[a.Val] = true
				case linkAttrs[a.Key]:
					p.links = append(p.links, link{a.Key, a.Val})
				case a.Key == "srcset":
					for _, c := range strings.Split(a.Val, ",") {
						if f := strings.Fields(c); len(f) > 0 {
							p.links = append(p.links, link{a.Key, f[0]})
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return p
}

// localFile maps an internal URL path (under siteRoot) to the file of the
// output that serves it, or "" when the path is outside the site.
func localFile(p string) string {
	if !strings.HasPrefix(p, siteRoot) {
		return ""
	}
	rel := strings.TrimPrefix(p, siteRoot)
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	return rel
}

// TestLinks checks every internal href, src and action of every page: the
// file exists, and a #fragment names an id of the target page.
func TestLinks(t *testing.T) {
	dir := buildSite(t, newSite(t))
	checked := newCounter(t, "links", "internal links and fragments checked")
	checked.add(checkLinks(t, dir))
	if checked.n < 500 {
		t.Errorf("only %d internal links checked; the parser probably missed them", checked.n)
	}
}

// checkLinks checks the internal links of every page of the site built in
// dir, served under siteRoot, and returns how many it checked.
func checkLinks(t *testing.T, dir string) int {
	t.Helper()
	pages := sitePages(t, dir)
	parsed := map[string]parsedPage{}
	for _, p := range pages {
		parsed[p.file] = parsePage(t, filepath.Join(dir, p.file))
	}
	base, _ := url.Parse(baseURL)
	checked := 0
	for _, p := range pages {
		pageURL := base.ResolveReference(&url.URL{Path: siteRoot + p.path})
		if p.file == "404.html" {
			// The server shows 404.html at any missing address, so its
			// relative links must not depend on where it is; they are
			// resolved from the site root.
			pageURL = base
		}
		for _, l := range parsed[p.file].links {
			u, err := url.Parse(strings.TrimSpace(l.value))
			if err != nil {
				t.Errorf("/%s: %s=%q does not parse: %v", p.file, l.attr, l.value, err)
				continue
			}
			if u.Scheme == "tel" || u.Scheme == "mailto" {
				continue
			}
			abs := pageURL.ResolveReference(u)
			if abs.Host != base.Host || (abs.Scheme != "https" && abs.Scheme != "http") {
				continue // another site: not ours to check
			}
			checked++
			target := localFile(abs.Path)
			if target == "" {
				t.Errorf("/%s: %s=%q leaves the site root %s", p.file, l.attr, l.value, siteRoot)
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(target))); err != nil {
				t.Errorf("/%s: %s=%q: no file %s in the output", p.file, l.attr, l.value, target)
				continue
			}
			if abs.Fragment == "" {
				continue
			}
			tp, ok := parsed[target]
			if !ok {
				t.Errorf("/%s: %s=%q: fragment on a non-HTML file", p.file, l.attr, l.value)
				continue
			}
			if !tp.ids[abs.Fragment] {
				t.Errorf("/%s: %s=%q: /%s has no element with id %q", p.file, l.attr, l.value, target, abs.Fragment)
			}
		}
	}
	return checked
}

// TestSitemapAndFeed parses sitemap.xml and feed.xml: the sitemap lists
// exactly the HTML pages of the site except 404.html, and every feed entry
// links to a page that exists.
func TestSitemapAndFeed(t *testing.T) {
	dir := buildSite(t, newSite(t))
	var sm struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(data, &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	var listed, want []string
	for _, u := range sm.URLs {
		if !strings.HasPrefix(u.Loc, baseURL) {
			t.Errorf("sitemap.xml: %s is not under %s", u.Loc, baseURL)
			continue
		}
		if u.LastMod == "" {
			t.Errorf("sitemap.xml: %s has no lastmod", u.Loc)
		}
		listed = append(listed, localFile(siteRoot+strings.TrimPrefix(u.Loc, baseURL)))
	}
	for _, p := range sitePages(t, dir) {
		if p.file != "404.html" {
			want = append(want, p.file)
		}
	}
	sort.Strings(listed)
	if strings.Join(listed, "\n") != strings.Join(want, "\n") {
		t.Errorf("sitemap.xml lists:\n%s\nthe site's pages are:\n%s", strings.Join(listed, "\n"), strings.Join(want, "\n"))
	}

	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Entries []struct {
			Title string `xml:"title"`
			ID    string `xml:"id"`
			Links []struct {
				Rel  string `xml:"rel,attr"`
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	data, err = os.ReadFile(filepath.Join(dir, "feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(data, &feed); err != nil {
		t.Fatalf("feed.xml: %v", err)
	}
	if feed.Title == "" || feed.Updated == "" || len(feed.Entries) == 0 {
		t.Errorf("feed.xml: title %q, updated %q, %d entries; want all three", feed.Title, feed.Updated, len(feed.Entries))
	}
	ids := map[string]bool{}
	for _, e := range feed.Entries {
		if ids[e.ID] {
			t.Errorf("feed.xml: entry id %s twice", e.ID)
		}
		ids[e.ID] = true
		for _, l := range e.Links {
			if !strings.HasPrefix(l.Href, baseURL) {
				t.Errorf("feed.xml: entry %q links outside the site: %s", e.Title, l.Href)
				continue
			}
			f := localFile(path.Join(siteRoot, strings.TrimPrefix(l.Href, baseURL)) + trailingSlash(l.Href))
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
				t.Errorf("feed.xml: entry %q links to %s, which is not in the output", e.Title, l.Href)
			}
		}
	}
}

// trailingSlash is "/" when u ends with one (path.Join drops it).
func trailingSlash(u string) string {
	if strings.HasSuffix(u, "/") {
		return "/"
	}
	return ""
}

// htmlValidate is html-validate as ./test.sh installs it.
var htmlValidate = filepath.Join(repoRoot, "tools", "node_modules", "html-validate", "bin", "html-validate.mjs")

// TestHTMLValid runs html-validate (recommended rules; see
// tools/htmlvalidate.config.mjs for the few turned off, and why) on every page.
func TestHTMLValid(t *testing.T) {
	dir := buildSite(t, newSite(t))
	var files []string
	for _, p := range sitePages(t, dir) {
		files = append(files, filepath.Join(dir, p.file))
	}
	validateHTML(t, dir, files)
	c := newCounter(t, "html", "pages validated with html-validate")
	c.add(len(files))
}

// validateHTML runs html-validate on files of the site in dir, with the
// project's configuration, and reports what it finds as test errors.
func validateHTML(t *testing.T, dir string, files []string) {
	t.Helper()
	needTool(t, htmlValidate, "html-validate")
	node, err := exec.LookPath("node")
	if err != nil {
		if ciMode() {
			t.Fatal("node not found (./test.sh installs it)")
		}
		t.Skip("node not found")
	}
	cfg, err := filepath.Abs(filepath.Join(repoRoot, "tools", "htmlvalidate.config.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{htmlValidate, "--config", cfg, "--formatter", "text"}, files...)
	out, err := exec.Command(node, args...).CombinedOutput()
	if err != nil {
		t.Errorf("html-validate found errors (%v):\n%s", err, bytes.ReplaceAll(out, []byte(dir+"/"), nil))
	}
}
