package generator

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// The machine-readable files at the site's root: the Atom feed of the
// 更新记录, the sitemap and robots.txt. Dates come from the content, never
// from the build clock, so rebuilding an unchanged site changes nothing.

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	Title   string    `xml:"title"`
	ID      string    `xml:"id"`
	Updated string    `xml:"updated"`
	Link    *atomLink `xml:"link,omitempty"`
	Summary string    `xml:"summary,omitempty"`
}

// writeFeed writes feed.xml, one entry per change, newest first.
func writeFeed(site *Site, out Output) error {
	c := site.Config
	feed := atomFeed{
		Title:   c.Title + " 更新记录",
		ID:      c.BaseURL,
		Updated: atomTime(lastUpdated(site)),
		Author:  atomPerson{Name: c.Publication.Publisher},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: c.BaseURL + "feed.xml"},
			{Rel: "alternate", Type: "text/html", Href: c.BaseURL},
		},
	}
	for i, ch := range site.Changes {
		// Changes are newest first; numbering them from the oldest keeps
		// each entry's id when new changes are added on top.
		e := atomEntry{
			Title:   ch.Title,
			ID:      fmt.Sprintf("%sfeed.xml#change-%s-%d", c.BaseURL, ch.Date.Format("2006-01-02"), len(site.Changes)-i),
			Updated: atomTime(ch.Date),
			Summary: feedSummary(ch),
		}
		if ch.Link != "" {
			e.Link = &atomLink{Rel: "alternate", Type: "text/html", Href: c.BaseURL + sitePath(ch.Link)}
		}
		feed.Entries = append(feed.Entries, e)
	}
	data, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		return fmt.Errorf("feed: %w", err)
	}
	if err := out.WriteFile("feed.xml", append([]byte(xml.Header), append(data, '\n')...)); err != nil {
		return fmt.Errorf("write feed.xml: %w", err)
	}
	return nil
}

// atomTime formats a content date for Atom (RFC 3339).
func atomTime(t time.Time) string {
	return t.Format(time.RFC3339)
}

// sitePath turns a link written in content ("/duties/01/", "/") into a
// path relative to the site's root ("duties/01/", "").
func sitePath(link string) string {
	return strings.TrimPrefix(link, "/")
}

type urlSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// writeSitemap writes sitemap.xml with the absolute URL of every page
// search engines should index.
func writeSitemap(site *Site, pages []*Page, out Output) error {
	var set urlSet
	for _, p := range pages {
		if p.NoIndex {
			continue
		}
		u := sitemapURL{Loc: site.Config.BaseURL + p.Path}
		if !p.Updated.IsZero() {
			u.LastMod = p.Updated.Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	data, err := xml.MarshalIndent(set, "", "  ")
	if err != nil {
		return fmt.Errorf("sitemap: %w", err)
	}
	if err := out.WriteFile("sitemap.xml", append([]byte(xml.Header), append(data, '\n')...)); err != nil {
		return fmt.Errorf("write sitemap.xml: %w", err)
	}
	return nil
}

// writeRobots writes robots.txt. Crawlers read robots.txt only at a
// domain's root; under a sub-path the file is still useful to copy there.
func writeRobots(site *Site, out Output) error {
	text := "User-agent: *\nAllow: /\n\nSitemap: " + site.Config.BaseURL + "sitemap.xml\n"
	if err := out.WriteFile("robots.txt", []byte(text)); err != nil {
		return fmt.Errorf("write robots.txt: %w", err)
	}
	return nil
}

// feedSummary is a change's summary with the notice that ordered it and
// the ids it touched (动态调整).
func feedSummary(ch *Change) string {
	s := ch.Summary
	if ch.Notice != "" {
		s += "（依据" + ch.Notice + "）"
	}
	var adj []string
	for _, a := range ch.Adjusts {
		adj = append(adj, a.ActionTitle()+a.KindTitle()+" "+a.ID)
	}
	if len(adj) > 0 {
		s += "调整：" + strings.Join(adj, "；") + "。"
	}
	return s
}
