package generator

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"sort"
	"unicode/utf8"

	"qingdan/source"
)

// The record of what was published (已发布编号记录). Every build writes it
// twice with the same bytes: into the output as data/published.json (open
// data, and the record of what the site at hand has published), and into
// the content folder as content/published.json, which editors commit with
// the content, so that the next check, on any machine, knows every id the
// public has seen. It lists every entry ever published, the removed ones
// included (a work item moved to another duty has an entry under each
// duty it was published under, the old ones with the day it left), one
// JSON object per line:
//
//	{"about": "…", "entries": [
//	{"kind":"duty","id":"01","title":"贯彻执行……"},
//	{"kind":"item","id":"01-03","duty":"01","title":"……","removed":"2026-12-15"}
//	]}
//
// Load reads content/published.json when it is there (a site that was
// never built has none) and refuses content that leaves out a published id
// without an adjustment that removes it (history.go).

// ManifestFile is the record's name in the content folder.
const ManifestFile = "published.json"

// manifestFirstLine is the line of the first entry, for problem positions.
const manifestFirstLine = 2

// maxManifest is the largest record read: 50,000 items take about 10 MB.
const maxManifest = 64 << 20

// PublishedEntry is one entry of the record.
type PublishedEntry struct {
	Kind    string `json:"kind"`
	ID      string `json:"id"`
	Duty    string `json:"duty,omitempty"` // an item's duty
	Title   string `json:"title"`
	Removed string `json:"removed,omitempty"` // date of its removal, YYYY-MM-DD
}

type manifest struct {
	About   string           `json:"about"`
	Entries []PublishedEntry `json:"entries"`
}

const manifestAbout = "已发布编号记录：由 qingdan build 生成，请勿手改；与内容一起提交 / every id this list has published, written by qingdan build; commit it, never edit it"

// readManifest reads the record from the content folder, if it is there.
func (l *loader) readManifest() ([]PublishedEntry, source.Problems) {
	var ps source.Problems
	name := l.name(ManifestFile)
	f, err := l.fsys.Open(ManifestFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err == nil {
		var st fs.FileInfo
		if st, err = f.Stat(); err == nil && st.Size() > maxManifest {
			f.Close()
			ps.Add(source.Pos{File: name}, manifestBrokenFix.S(), "%s", manifestTooBig.S(st.Size()>>20, maxManifest>>20))
			return nil, ps
		}
		f.Close()
	}
	data, err := fs.ReadFile(l.fsys, ManifestFile)
	if err != nil {
		ps.Add(source.Pos{File: name}, manifestBrokenFix.S(), "%s", manifestUnreadable.S(err))
		return nil, ps
	}
	return parseManifest(data, name)
}

// parseManifest decodes a record of published ids; name is how problems
// name the file.
func parseManifest(data []byte, name string) ([]PublishedEntry, source.Problems) {
	var ps source.Problems
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		pos := source.Pos{File: name}
		var se *json.SyntaxError
		if errors.As(err, &se) && se.Offset <= int64(len(data)) {
			before := data[:se.Offset]
			pos.Line = bytes.Count(before, []byte("\n")) + 1
			pos.Col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:])
		}
		ps.Add(pos, manifestBrokenFix.S(), "%s", manifestUnreadable.S(err))
		return nil, ps
	}
	for i, e := range m.Entries {
		if kindTitles[e.Kind] == "" || e.ID == "" {
			ps.Add(source.Pos{File: name, Line: manifestFirstLine + i, Col: 1}, manifestBrokenFix.S(), "%s", manifestBadEntry.S(e.Kind, e.ID))
			return nil, ps
		}
	}
	return m.Entries, nil
}

// CheckPublished compares the site with the record a build left beside
// its output (data/published.json of the published site), named name in
// problems: every id it lists must still be in the list or removed by an
// adjustment, as for content/published.json. It catches a record in the
// content folder that was lost or not committed.
func CheckPublished(site *Site, record []byte, name string) source.Problems {
	if len(record) > maxManifest {
		var ps source.Problems
		ps.Add(source.Pos{File: name}, manifestBrokenFix.S(), "%s", manifestTooBig.S(len(record)>>20, maxManifest>>20))
		return ps
	}
	entries, ps := parseManifest(record, name)
	if ps.HasErrors() {
		return ps
	}
	known := map[entryKey]bool{}
	for _, e := range Manifest(site) {
		known[entryKey{e.Kind, e.ID}] = true
	}
	for i, e := range entries {
		if !known[entryKey{e.Kind, e.ID}] {
			pos := source.Pos{File: name, Line: manifestFirstLine + i, Col: 1}
			ps.Add(pos, histUnrecordedFix.S(e.Kind, e.ID), "%s", histUnrecorded.S(kindTitles[e.Kind], e.ID, excerpt(e.Title, 40)))
		}
	}
	return ps
}

// Manifest is the record after this build: every entry of the site and
// every removed one, by kind and id.
func Manifest(site *Site) []PublishedEntry {
	var out []PublishedEntry
	add := func(kind, id, duty, title string) {
		out = append(out, PublishedEntry{Kind: kind, ID: id, Duty: duty, Title: title})
	}
	for _, u := range site.Units {
		add(KindUnit, u.ID, "", u.Name)
	}
	for _, d := range site.Duties {
		add(KindDuty, d.ID, "", d.Title)
		for _, it := range d.Items {
			add(KindItem, it.ID, d.ID, it.Text)
		}
		for _, r := range d.Removed {
			out = append(out, removedEntry(r))
		}
		for _, m := range d.Moved {
			out = append(out, movedEntry(m))
		}
	}
	for _, m := range site.Matters {
		add(KindMatter, m.ID, "", m.Title)
	}
	for _, s := range site.Services {
		add(KindService, s.ID, "", s.Name)
	}
	for _, s := range site.Systems {
		add(KindSystem, s.ID, "", s.Title)
	}
	for _, r := range site.Removed {
		out = append(out, removedEntry(r))
		for _, it := range r.Items {
			out = append(out, removedEntry(it))
		}
		for _, m := range r.Moved {
			out = append(out, movedEntry(m))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return entryBefore(out[i].Kind, out[i].ID, out[j].Kind, out[j].ID) })
	return out
}

func removedEntry(r *Removed) PublishedEntry {
	e := PublishedEntry{Kind: r.Kind, ID: r.ID, Duty: r.Duty, Title: r.Title}
	if r.By != nil {
		e.Removed = r.By.Change.Date.Format("2006-01-02")
	}
	return e
}

// movedEntry records the place a moved item left: its id under the old
// duty, removed from there on the day of the move.
func movedEntry(m Moved) PublishedEntry {
	return removedEntry(&Removed{Kind: KindItem, ID: m.ID, Duty: m.Duty, Title: m.Title, By: m.By})
}

// ManifestBytes is the record as written: one entry per line, so that a
// commit shows each added or removed id as one line.
func ManifestBytes(site *Site) ([]byte, error) {
	var b bytes.Buffer
	about, _ := json.Marshal(manifestAbout)
	b.WriteString(`{"about": ` + string(about) + `, "entries": [` + "\n")
	entries := Manifest(site)
	for i, e := range entries {
		line, err := json.Marshal(e)
		if err != nil {
			return nil, err
		}
		b.Write(line)
		if i < len(entries)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	return b.Bytes(), nil
}

// publishedFile documents data/published.json on the open-data page.
var publishedFile = DataFile{
	Name:  ManifestFile,
	Title: "已发布编号记录（JSON）",
	About: "清单发布过的每个编号，包括已取消的；已取消的条目网址仍然有效，页面说明取消的日期和依据。",
	Fields: []DataField{
		{"entries[].kind", "条目类别", "unit、duty、item、matter、service、system"},
		{"entries[].id", "编号", "与网址中的编号一致"},
		{"entries[].duty", "所属职责编号", "仅工作事项有"},
		{"entries[].title", "名称", "最后一次发布时的名称或原文"},
		{"entries[].removed", "取消日期", "YYYY-MM-DD；仍在清单中的条目没有此项"},
	},
	Columns: jsonColumns,
	build:   ManifestBytes,
}
