package search_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"qingdan/search"
)

// TestComparePagefind runs the 30 queries of bench/queries.tsv against a
// site indexed both by qingdan and by Pagefind, in headless Chromium, and
// prints recall and bytes fetched for each. bench/pagefind.sh prepares the
// site and runs it; without QINGDAN_PAGEFIND_SITE it is skipped.
//
// It fails when Pagefind finds a page that qingdan misses on a Chinese
// query, or when qingdan fetches more bytes for a two-character query.
func TestComparePagefind(t *testing.T) {
	dir := os.Getenv("QINGDAN_PAGEFIND_SITE")
	if dir == "" {
		t.Skip("set QINGDAN_PAGEFIND_SITE to a built site indexed by Pagefind (bench/pagefind.sh does)")
	}
	root := os.Getenv("QINGDAN_PAGEFIND_ROOT")
	chromium := tool(t, "chromium", "chromium-browser", "google-chrome")
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	queries := readQueries(t, "../bench/queries.tsv")
	base, log := serve(t, files, root)
	b := startBrowser(t, chromium)
	qs := make([]string, len(queries))
	for i, q := range queries {
		qs[i] = q.text
	}
	ours := queryIndex(t, filepath.Join(dir, "search"), qs...)

	var out strings.Builder
	fmt.Fprintf(&out, "| query | expected pages | qingdan recall | Pagefind recall | qingdan bytes (gzip) | Pagefind bytes |\n|---|---|---|---|---|---|\n")
	var sum struct{ ourFound, theirFound, expected, ourBytes, ourGzip, theirBytes, twoChar int }
	for _, q := range queries {
		// qingdan: a hit finds its page and the pages of its units.
		found := map[string]bool{}
		for _, u := range ours[q.text].URLs {
			found[pageOf(u, root)] = true
		}
		for _, id := range ours[q.text].Units {
			found["units/"+id+"/"] = true
		}

		// qingdan's bytes: the real search page, cold, as a visitor: its
		// script and the index files, as the server sent them.
		b.navigate(base + "search/?q=" + url.QueryEscape(q.text))
		b.waitFor(`document.getElementById("search-status").textContent !== ""`)
		ourBytes, ourGzip := 0, 0
		for _, name := range log.take() {
			if strings.HasPrefix(name, "search/") && name != "search/index.html" || name == "static/search.js" {
				ourBytes += len(files[name])
				ourGzip += gzipLen(files[name])
			}
		}

		// Pagefind: its script, worker, WebAssembly, index and fragments
		// (stored compressed), loaded on a page of the site; the first ten
		// results' fragments, as its UI shows.
		b.navigate(base + "404.html")
		b.waitFor(`document.readyState === "complete"`)
		log.take()
		var theirs struct {
			Bytes int
			URLs  []string
		}
		script := fmt.Sprintf(`(async (all) => {
			const pf = await import(%q);
			const r = await pf.search(%q);
			const data = await Promise.all(r.results.slice(0, all ? undefined : 10).map(x => x.data()));
			return data.map(d => d.url);
		})`, root+"pagefind/pagefind.js", q.text)
		b.eval(script+"(false)", nil)
		for _, name := range log.take() {
			theirs.Bytes += len(files[name])
		}
		b.eval(script+"(true)", &theirs.URLs) // every hit, for recall; not counted

		ourRecall, theirRecall := 0, 0
		theirPages := map[string]bool{}
		for _, u := range theirs.URLs {
			theirPages[pageOf(u, root)] = true
		}
		for _, p := range q.pages {
			if found[p] {
				ourRecall++
			}
			if theirPages[p] {
				theirRecall++
			}
		}
		for p := range theirPages {
			// Pagefind also returns pages that hold only part of a
			// query (信息 for 信息化); only its true hits count.
			holds := bytes.Contains(files[p+"index.html"], []byte(q.text))
			if holds && !found[p] && !listing(p) && hasHan(q.text) {
				t.Errorf("%s: Pagefind finds %s, qingdan does not", q.text, p)
			}
		}
		if len([]rune(q.text)) == 2 && hasHan(q.text) {
			sum.twoChar++
			if ourBytes >= theirs.Bytes {
				t.Errorf("%s: qingdan fetches %d bytes, Pagefind %d", q.text, ourBytes, theirs.Bytes)
			}
		}
		sum.ourFound += ourRecall
		sum.theirFound += theirRecall
		sum.expected += len(q.pages)
		sum.ourBytes += ourBytes
		sum.ourGzip += ourGzip
		sum.theirBytes += theirs.Bytes
		fmt.Fprintf(&out, "| %s | %d | %d/%d | %d/%d | %d (%d) | %d |\n", q.text, len(q.pages),
			ourRecall, len(q.pages), theirRecall, len(q.pages), ourBytes, ourGzip, theirs.Bytes)
	}
	n := len(queries)
	fmt.Fprintf(&out, "| **all %d** | %d | **%d/%d** | **%d/%d** | **%d (%d)** per query | **%d** per query |\n", n, sum.expected,
		sum.ourFound, sum.expected, sum.theirFound, sum.expected, sum.ourBytes/n, sum.ourGzip/n, sum.theirBytes/n)
	fmt.Println(out.String())
	if sum.ourFound < sum.theirFound {
		t.Errorf("qingdan finds %d expected pages, Pagefind %d", sum.ourFound, sum.theirFound)
	}
}

// query is one line of bench/queries.tsv.
type query struct {
	text  string
	pages []string
}

func readQueries(t *testing.T, name string) []query {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var qs []query
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			t.Fatalf("%s: %q has no expected pages", name, line)
		}
		qs = append(qs, query{cols[0], strings.Fields(cols[1])})
	}
	if len(qs) != 30 {
		t.Fatalf("%s has %d queries, want 30", name, len(qs))
	}
	return qs
}

// pageOf is the page of a hit's URL, relative to the site root.
func pageOf(u, root string) string {
	u, _, _ = strings.Cut(u, "#")
	u = strings.TrimPrefix(u, root)
	u = strings.TrimPrefix(u, "/")
	return strings.TrimSuffix(u, "index.html")
}

// listing reports whether a page only lists what other pages hold.
func listing(p string) bool {
	return slices.Contains([]string{"", "duties/", "boundaries/", "services/", "supervision/", "units/", "search/", "data/", "accessibility/", "contact/", "sitemap/", "404.html"}, p)
}

func hasHan(s string) bool {
	for _, r := range s {
		if search.IsHan(r) {
			return true
		}
	}
	return false
}

func gzipLen(data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return buf.Len()
}
