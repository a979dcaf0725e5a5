package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Record is one thing a search can find: a work item, a duty, a unit, a
// service, a boundary matter or role, a paragraph of a supervision system.
type Record struct {
	URL   string   // site-absolute URL, e.g. "/duties/01/#item-01-03"
	Title string   // shown as the hit's link; matches here rank first
	Body  string   // the rest of the searchable text; may be empty
	Part  string   // id of one of Input.Parts, e.g. "duties"
	Units []string // ids of the responsible units, from Input.Units
}

// Label is a part or a unit: something records are filtered by.
type Label struct {
	ID     string // used in the search page's URL, e.g. "services", "zcfg"
	Name   string // shown with each hit, e.g. "服务", "政策法规股（信访室）"
	Parent string // id of the unit this unit belongs to: filtering by the parent finds its records too
	// URL is the unit's page relative to the site's root, for a unit
	// whose page is not units/<ID>/ (a department's unit in a county's
	// index); only units have one.
	URL string
}

// Input is everything the index is built from.
type Input struct {
	Parts    []Label // the parts records belong to, in the order filters show them
	Units    []Label // the units records name, in the order filters show them
	Records  []Record
	Synonyms [][]string // groups of words that mean the same, applied at query time
}

// Limits sets the sizes the index is split by.
type Limits struct {
	ShardBytes int // average bytes of a shard: the number of shards doubles until it is met
	BigBytes   int // postings longer than this get a file of their own
	Chunk      int // records per chunk file
}

// DefaultLimits suits sites from the seed's few hundred records to tens of
// thousands; BENCHMARKS.md has the measurements they were chosen from.
var DefaultLimits = Limits{ShardBytes: 1 << 10, BigBytes: 1 << 10, Chunk: 4}

// File is one file of the index, named relative to the search/ folder.
type File struct {
	Name string
	Data []byte
}

// Manifest is index.json, the one file every query reads first.
type Manifest struct {
	Version   string     `json:"version"`   // hash of all other files; added to their URLs to defeat stale caches
	Records   int        `json:"records"`   // number of records, ids 0..Records-1
	Chunk     int        `json:"chunk"`     // records per chunk: record i is in r/<i/Chunk>.json
	ShardBits int        `json:"shardBits"` // 1<<ShardBits shards, chosen by the top bits of Hash
	Parts     [][]string `json:"parts"`     // [id, name]; filter token of part i is "#p<i>"
	Units     [][]any    `json:"units"`     // [id, name, parent index or -1, URL if not units/<id>/]; filter token of unit i is "#u<i>", which includes the units under it
	Synonyms  [][]string `json:"synonyms"`
}

// Build turns records into the files of the index. Record ids are given
// shortest title first, then shortest body, so that ranking breaks ties by
// id alone: among equal matches the most focused record comes first.
func Build(in Input, lim Limits) ([]File, error) {
	if lim.ShardBytes <= 0 || lim.BigBytes <= 0 || lim.Chunk <= 0 {
		return nil, fmt.Errorf("search limits must be positive: %+v", lim)
	}
	partIndex, parts := labels(in.Parts)
	unitIndex, _ := labels(in.Units)
	parent := make([]int, len(in.Units))
	units := make([][]any, len(in.Units))
	for i, u := range in.Units {
		p, ok := unitIndex[u.Parent]
		if !ok {
			p = -1
		}
		parent[i] = p
		units[i] = []any{u.ID, u.Name, p}
		if u.URL != "" {
			units[i] = append(units[i], u.URL)
		}
	}
	recs := sortRecords(in.Records)

	postings := map[string]*postingList{}
	list := func(tok string) *postingList {
		l := postings[tok]
		if l == nil {
			l = &postingList{}
			// A token's text is part of its record's text; the map keeps
			// a copy, not the whole record.
			postings[strings.Clone(tok)] = l
		}
		return l
	}
	var tokens recordTokens
	rows := make([][]any, len(recs))
	for id, r := range recs {
		part, ok := partIndex[r.Part]
		if !ok {
			return nil, fmt.Errorf("search record %s: unknown part %q", r.URL, r.Part)
		}
		unitIDs := []int{}
		for _, u := range r.Units {
			i, ok := unitIndex[u]
			if !ok {
				return nil, fmt.Errorf("search record %s: unknown unit %q", r.URL, u)
			}
			if !slices.Contains(unitIDs, i) {
				unitIDs = append(unitIDs, i)
			}
		}
		rows[id] = []any{r.URL, r.Title, r.Body, part, unitIDs}
		tokens.collect(r)
		for i, tok := range tokens.order {
			list(tok).add(id, tokens.pos[i])
		}
		filters := []int{}
		for _, u := range unitIDs {
			// Walk up to the top unit; the bound stops a cycle of parents.
			for n := 0; u >= 0 && n <= len(in.Units) && !slices.Contains(filters, u); n++ {
				filters = append(filters, u)
				u = parent[u]
			}
		}
		list("#p"+strconv.Itoa(part)).add(id, nil)
		for _, u := range filters {
			list("#u"+strconv.Itoa(u)).add(id, nil)
		}
	}

	total := 0
	for tok, l := range postings {
		if len(l.b) <= lim.BigBytes {
			total += len(tok) + len(l.b) + 6
		}
	}
	bits := 0
	for bits < 16 && total>>bits > lim.ShardBytes {
		bits++
	}

	var files []File
	shards := map[uint32]map[string]any{}
	big := map[uint32]int{}
	names := make([]string, 0, len(postings))
	for tok := range postings {
		names = append(names, tok)
	}
	sort.Strings(names)
	for _, tok := range names {
		s := shardOf(tok, bits)
		if shards[s] == nil {
			shards[s] = map[string]any{}
		}
		e := postings[tok].b
		if len(e) <= lim.BigBytes {
			shards[s][tok] = string(e)
			continue
		}
		big[s]++
		shards[s][tok] = big[s]
		files = append(files, File{shardName(s, bits) + "-" + strconv.Itoa(big[s]) + ".txt", e})
	}
	for s, m := range shards {
		data, err := marshal(m)
		if err != nil {
			return nil, err
		}
		files = append(files, File{shardName(s, bits) + ".json", data})
	}
	for start := 0; start < len(rows); start += lim.Chunk {
		data, err := marshal(rows[start:min(start+lim.Chunk, len(rows))])
		if err != nil {
			return nil, err
		}
		files = append(files, File{"r/" + strconv.Itoa(start/lim.Chunk) + ".json", data})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })

	sum := sha256.New()
	for _, f := range files {
		fmt.Fprintf(sum, "%s %d\n", f.Name, len(f.Data))
		sum.Write(f.Data)
	}
	synonyms := in.Synonyms
	if synonyms == nil {
		synonyms = [][]string{}
	}
	manifest, err := marshal(Manifest{
		Version:   hex.EncodeToString(sum.Sum(nil))[:12],
		Records:   len(recs),
		Chunk:     lim.Chunk,
		ShardBits: bits,
		Parts:     parts,
		Units:     units,
		Synonyms:  synonyms,
	})
	if err != nil {
		return nil, err
	}
	return append([]File{{"index.json", manifest}}, files...), nil
}

// labels numbers parts or units in order, for the manifest.
func labels(ls []Label) (map[string]int, [][]string) {
	index := map[string]int{}
	rows := make([][]string, len(ls))
	for i, l := range ls {
		index[l.ID] = i
		rows[i] = []string{l.ID, l.Name}
	}
	return index, rows
}

// sortRecords returns the records shortest title first, then shortest
// body, in their given order among equals.
func sortRecords(in []Record) []Record {
	title, body := make([]int, len(in)), make([]int, len(in))
	order := make([]int, len(in))
	for i, r := range in {
		title[i], body[i], order[i] = utf8.RuneCountInString(r.Title), utf8.RuneCountInString(r.Body), i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if title[a] != title[b] {
			return title[a] - title[b]
		}
		return body[a] - body[b]
	})
	recs := make([]Record, len(in))
	for i, j := range order {
		recs[i] = in[j]
	}
	return recs
}

// recordTokens are the distinct tokens of one record, in order of first
// occurrence, with their positions. One value is reused for every record.
type recordTokens struct {
	index map[string]int // token -> its place in order
	order []string
	pos   [][]int // positions of order[i]: 2*ordinal+1 in the title, 2*ordinal in the body
}

// collect finds the tokens of r.
func (t *recordTokens) collect(r Record) {
	if t.index == nil {
		t.index = map[string]int{}
	}
	clear(t.index)
	t.order, t.pos = t.order[:0], t.pos[:0]
	add := func(tok string, p int) {
		i, ok := t.index[tok]
		if !ok {
			i = len(t.order)
			t.index[tok] = i
			t.order = append(t.order, tok)
			if i < cap(t.pos) {
				t.pos = t.pos[:i+1]
				t.pos[i] = t.pos[i][:0]
			} else {
				t.pos = append(t.pos, nil)
			}
		}
		t.pos[i] = append(t.pos[i], p)
	}
	bodyStart := 0
	for _, tok := range Tokens(r.Title) {
		add(tok.Text, 2*tok.Pos+1)
		bodyStart = tok.Pos + 3 // past the title's last unit and a gap
	}
	for _, tok := range Tokens(r.Body) {
		add(tok.Text, 2*(bodyStart+tok.Pos))
	}
}

// shardName is the file name of shard s, in as many hex digits as needed.
func shardName(s uint32, bits int) string {
	return fmt.Sprintf("s/%0*x", max(1, (bits+3)/4), s)
}

// marshal encodes v as compact JSON without HTML escaping.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode search index: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
