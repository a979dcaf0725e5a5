package generator

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"qingdan/msg"
	"qingdan/period"
	"qingdan/source"
)

// validator turns decoded content files into the Site, checking every rule
// an editor can break and resolving every reference.
type validator struct {
	ps   *source.Problems
	site *Site
	// unitsUnread is set when units.toml could not be read at all: its
	// problem says why, and no reference to a unit is reported missing.
	unitsUnread bool
}

// DefaultUnitKinds are the kinds of unit every site has; units.toml adds a
// county's own with kinds = ["科"].
var DefaultUnitKinds = []string{"股室", "站", "中心", "室", "协会", "处", "所"}

var (
	unitIDPattern = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	numIDPattern  = regexp.MustCompile(`^[0-9]{2,}$`)
	itemIDPattern = regexp.MustCompile(`^[0-9]{2,}-[0-9]{2,}$`)
	phonePattern  = regexp.MustCompile(`^(0[0-9]{2,3}-)?[1-9][0-9]{6,7}$|^1[3-9][0-9]{9}$|^400-?[0-9]{3}-?[0-9]{4}$|^12[0-9]{3}$`)
)

// keyPath is a key path of a content file ("duty[3].text"), whose
// position is looked up only when a problem is reported there: most
// entries have none, and a list of tens of thousands of items would spend
// most of its validation on them.
type keyPath struct {
	at    *source.Positions
	path  string
	fixed source.Pos // the position when at is nil
}

func (w keyPath) pos() source.Pos {
	if w.at == nil {
		return w.fixed
	}
	return w.at.Of(w.path)
}

// index is the path of element i of the array key: "duty[3]".
func index(key string, i int) string { return key + "[" + strconv.Itoa(i) + "]" }

// ids tracks the ids of one kind of entry, to report duplicates.
type seenIDs map[string]keyPath

// unique records id at w; it reports a duplicate and returns false.
func (v *validator) unique(seen seenIDs, kind, id string, w keyPath) bool {
	if first, ok := seen[id]; ok {
		if kind == "department" {
			v.ps.Add(w.pos(), deptTwiceFix.S(first.pos()), deptTwice.S(id))
			return false
		}
		v.ps.Add(w.pos(), idDuplicateFix.S(entryKind(kind), first.pos()), idDuplicate.S(entryKind(kind), id))
		return false
	}
	seen[id] = w
	return true
}

// id checks an id against its pattern; example shows a good one.
func (v *validator) id(pattern *regexp.Regexp, example func() string, kind, id string, w keyPath) {
	if len(id) > MaxID {
		v.ps.Add(w.pos(), idTooLongHint.S(example()), "%s", idTooLong.S(kind, len(id), MaxID))
		return
	}
	if id != "" && !pattern.MatchString(id) {
		v.ps.Add(w.pos(), idInvalidFix.S(example()), idInvalid.S(entryKind(kind), id))
	}
}

// examples of good ids, for id's hint.
func numIDExample() string  { return numIDExampleMsg.S() }
func unitIDExample() string { return unitIDExampleMsg.S() }

// entryKind names a kind of entry ("unit", "duty", …) in messages.
func entryKind(kind string) string {
	return map[string]msg.Message{"unit": kindUnit, "duty": kindDuty, "item": kindItem,
		"matter": kindMatter, "service": kindService, "system": kindSystem}[kind].S()
}

func (v *validator) text(w keyPath, field, s string) {
	if strings.TrimSpace(s) != s && s != "" {
		v.ps.Warn(w.pos(), textSpacesFix.S(), textSpaces.S(field))
	}
}

func (v *validator) phone(w keyPath, p string) {
	if !phonePattern.MatchString(p) {
		v.ps.Add(w.pos(), phoneInvalidFix.S(), phoneInvalid.S(p))
	}
}

func (v *validator) units(entries []unitEntry, extraKinds []string, at *source.Positions) {
	unitKinds := append(slices.Clone(DefaultUnitKinds), extraKinds...)
	v.site.Kinds = unitKinds
	seen := seenIDs{}
	for i, e := range entries {
		p := index("unit", i)
		v.id(unitIDPattern, unitIDExample, "unit", e.ID, keyPath{at: at, path: p + ".id"})
		if !v.unique(seen, "unit", e.ID, keyPath{at: at, path: p + ".id"}) {
			continue
		}
		if e.Kind != "" && !contains(unitKinds, e.Kind) {
			v.ps.Add(at.Of(p+".kind"), unitKindFix.S(strings.Join(unitKinds, "、"), e.Kind), unitKindUnknown.S(e.Kind))
		}
		if e.Phone != "" {
			v.phone(keyPath{at: at, path: p + ".phone"}, e.Phone)
		}
		u := &Unit{ID: e.ID, Name: e.Name, ShortName: e.ShortName, Kind: e.Kind, Phone: e.Phone,
			Aliases: e.Aliases, Description: e.Description, Pos: e.Pos}
		if u.ShortName == "" {
			u.ShortName = u.Name
		}
		v.site.Units = append(v.site.Units, u)
		v.site.UnitByID[u.ID] = u
	}
	for i, e := range entries {
		u := v.site.UnitByID[e.ID]
		if e.Parent == "" || u == nil || u.Pos != e.Pos {
			continue
		}
		if parent := v.unitRef(keyPath{at: at, path: index("unit", i) + ".parent"}, e.Parent); parent != nil {
			u.Parent = parent
			parent.Children = append(parent.Children, u)
		}
	}
	for _, u := range v.site.Units {
		for p, n := u.Parent, 0; p != nil; p, n = p.Parent, n+1 {
			if p == u || n > len(v.site.Units) {
				v.ps.Add(u.Pos, unitCycleFix.S(), unitCycle.S(u.ID))
				u.Parent = nil
				break
			}
		}
	}
}

// unitRef resolves a unit id written at pos, suggesting the right id when
// the editor wrote a name, an alias or a near miss.
func (v *validator) unitRef(w keyPath, id string) *Unit {
	if u := v.site.UnitByID[id]; u != nil || v.unitsUnread {
		return u
	}
	hint := unitByID.S()
	var idList []string
	for _, u := range v.site.Units {
		idList = append(idList, u.ID)
		if id == u.Name || id == u.ShortName || contains(u.Aliases, id) {
			v.ps.Add(w.pos(), unitByNameFix.S(u.ID, u.Name), unitByName.S(id))
			return nil
		}
	}
	if s := source.Suggest(id, idList); s != "" {
		hint = unitMeant.S(s, v.site.UnitByID[s].Name)
	} else if u := v.nearestUnitName(id); u != nil {
		hint = unitMeant.S(u.ID, u.Name)
	}
	v.ps.Add(w.pos(), hint, unitMissing.S(id))
	return nil
}

// nearestUnitName finds a unit whose name or alias is close to s.
func (v *validator) nearestUnitName(s string) *Unit {
	var names []string
	byName := map[string]*Unit{}
	for _, u := range v.site.Units {
		for _, n := range append([]string{u.Name, u.ShortName}, u.Aliases...) {
			names = append(names, n)
			byName[n] = u
		}
	}
	return byName[source.Suggest(s, names)]
}

func (v *validator) duties(entries []dutyEntry, at *source.Positions) {
	seenDuty, seenItem := seenIDs{}, seenIDs{}
	for i, e := range entries {
		p := index("duty", i)
		v.id(numIDPattern, numIDExample, "duty", e.ID, keyPath{at: at, path: p + ".id"})
		if !v.unique(seenDuty, "duty", e.ID, keyPath{at: at, path: p + ".id"}) {
			continue
		}
		v.text(keyPath{at: at, path: p + ".text"}, "text", e.Text)
		d := &Duty{ID: e.ID, Title: e.Title, Text: e.Text, Note: e.Note, Pos: e.Pos}
		if d.Title == "" {
			d.Title = shortTitle(e.Text)
		}
		if len(e.Items) == 0 {
			v.ps.Warn(e.Pos, dutyNoItemsFix.S(), dutyNoItems.S(e.ID))
		}
		for j, ie := range e.Items {
			ip := p + "." + index("item", j)
			example := func() string { return itemIDExampleMsg.S(e.ID) }
			v.id(itemIDPattern, example, "item", ie.ID, keyPath{at: at, path: ip + ".id"})
			if !v.unique(seenItem, "item", ie.ID, keyPath{at: at, path: ip + ".id"}) {
				continue
			}
			if ie.ID != "" && e.ID != "" && !strings.HasPrefix(ie.ID, e.ID+"-") {
				v.ps.Warn(at.Of(ip+".id"), itemElsewhereFix.S(e.ID+"-01"), itemElsewhere.S(ie.ID, e.ID))
			}
			v.text(keyPath{at: at, path: ip + ".text"}, "text", ie.Text)
			it := &Item{ID: ie.ID, Text: ie.Text, UnitsNote: ie.UnitsNote, Duty: d, Pos: ie.Pos}
			it.Units = v.unitRefs(at, ip+".units", ie.Units)
			if len(ie.Units) == 0 {
				v.ps.Warn(ie.Pos, itemNoUnitFix.S(), itemNoUnit.S(ie.ID))
			}
			for _, u := range it.Units {
				u.Items = append(u.Items, it)
			}
			d.Items = append(d.Items, it)
		}
		v.site.Duties = append(v.site.Duties, d)
	}
}

// unitRefs resolves a list of unit ids at path, each once.
func (v *validator) unitRefs(at *source.Positions, path string, refs []string) []*Unit {
	var out []*Unit
	seen := map[string]bool{}
	for k, ref := range refs {
		w := keyPath{at: at, path: index(path, k)}
		if seen[ref] {
			v.ps.Add(w.pos(), unitTwiceFix.S(), unitTwice.S(ref))
			continue
		}
		seen[ref] = true
		if u := v.unitRef(w, ref); u != nil {
			out = append(out, u)
		}
	}
	return out
}

func (v *validator) matters(entries []matterEntry, at *source.Positions) {
	seen := seenIDs{}
	for i, e := range entries {
		p := index("matter", i)
		v.id(numIDPattern, numIDExample, "matter", e.ID, keyPath{at: at, path: p + ".id"})
		if !v.unique(seen, "matter", e.ID, keyPath{at: at, path: p + ".id"}) {
			continue
		}
		m := &Matter{ID: e.ID, Title: e.Title, Basis: e.Basis, Cases: e.Cases, Pos: e.Pos}
		if len(e.Roles) == 0 {
			v.ps.Add(e.Pos, matterNoRolesFix.S(), matterNoRoles.S(e.ID))
		}
		lead := 0
		depts := seenIDs{}
		for j, re := range e.Roles {
			rp := p + "." + index("role", j)
			if !v.unique(depts, "department", re.Department, keyPath{at: at, path: rp + ".department"}) {
				continue
			}
			if re.Lead {
				lead++
			}
			m.Roles = append(m.Roles, &Role{Department: re.Department, Lead: re.Lead, Duty: re.Duty, Pos: re.Pos})
		}
		if lead == 0 && len(e.Roles) > 0 {
			v.ps.Warn(e.Pos, matterNoLeadFix.S(), matterNoLead.S(e.ID))
		}
		for k, b := range e.Basis {
			if strings.TrimSpace(b) == "" {
				v.ps.Add(at.Of(fmt.Sprintf("%s.basis[%d]", p, k)), removeEmpty.S(), basisEmpty.S())
			}
		}
		v.site.Matters = append(v.site.Matters, m)
	}
}

func (v *validator) services(entries []serviceEntry, at *source.Positions) {
	seen := seenIDs{}
	for i, e := range entries {
		p := index("service", i)
		v.id(numIDPattern, numIDExample, "service", e.ID, keyPath{at: at, path: p + ".id"})
		if !v.unique(seen, "service", e.ID, keyPath{at: at, path: p + ".id"}) {
			continue
		}
		s := &Service{ID: e.ID, Name: e.Name, Content: e.Content, Handler: e.Handler, Phones: e.Phones, Pos: e.Pos}
		s.Units = v.unitRefs(at, p+".units", e.Units)
		for k, ph := range e.Phones {
			v.phone(keyPath{at: at, path: p + "." + index("phones", k)}, ph)
		}
		if len(e.Phones) == 0 {
			v.ps.Warn(e.Pos, serviceNoPhoneFix.S(), serviceNoPhone.S(e.ID))
		}
		for _, u := range s.Units {
			u.Services = append(u.Services, s)
		}
		v.site.Services = append(v.site.Services, s)
	}
}

func (v *validator) systems(files []systemFile) []*System {
	seen := seenIDs{}
	var out []*System
	for _, f := range files {
		fm := f.front
		if fm.ID == "" {
			continue // reported by the decoder
		}
		v.id(numIDPattern, numIDExample, "system", fm.ID, keyPath{fixed: fm.Pos})
		if !v.unique(seen, "system", fm.ID, keyPath{fixed: source.Pos{File: f.file, Line: 2, Col: 1}}) {
			continue
		}
		body, err := renderMarkdown(f.body)
		if err != nil {
			v.ps.Add(source.Pos{File: f.file}, "", "%v", err)
			continue
		}
		if line, col := rawHTML(f.body); line > 0 {
			v.ps.Warn(source.Pos{File: f.file, Line: line, Col: col}, rawHTMLFix.S(), rawHTMLShown.S())
		}
		if strings.TrimSpace(string(f.body)) == "" {
			v.ps.Add(source.Pos{File: f.file}, systemNoTextFix.S(), systemNoText.S())
		}
		out = append(out, &System{ID: fm.ID, Title: fm.Title, Order: fm.Order, Summary: fm.Summary,
			Body: body, Text: strings.TrimLeft(string(f.body), "\n"), File: f.file, Pos: source.Pos{File: f.file, Line: 1, Col: 1}})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out
}

func (v *validator) changes(entries []changeEntry, at *source.Positions) []*Change {
	var out []*Change
	for i, e := range entries {
		c := &Change{Date: localDate(e.Date), Title: e.Title, Summary: e.Summary, Link: e.Link,
			Notice: e.Notice, NoticeLink: e.NoticeLink, Pos: e.Pos}
		v.adjusts(c, e.Adjusts, at, i)
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.After(out[j].Date) })
	for i, c := range out {
		c.Seq = len(out) - i
	}
	return out
}

// changeLinks checks that every change links to a page the site has, so
// that the feed never points at a missing page. It runs on the finished
// model, since the pages are those the model makes (sitePages).
func (v *validator) changeLinks(entries []changeEntry, at *source.Positions) {
	pages := map[string]bool{}
	for _, p := range sitePages(v.site) {
		pages[p.Path] = true
	}
	for i, e := range entries {
		if e.Link == "" {
			continue
		}
		path, _, _ := strings.Cut(e.Link, "#")
		if !strings.HasPrefix(path, "/") || !pages[strings.TrimPrefix(path, "/")] {
			v.ps.Add(at.Of(fmt.Sprintf("change[%d].link", i)), changeLinkFix.S(), changeLinkBad.S(e.Link))
		}
	}
}

func (v *validator) synonyms(groups [][]string, at *source.Positions) [][]string {
	for i, g := range groups {
		if len(g) < 2 {
			v.ps.Add(at.Of(fmt.Sprintf("synonyms[%d]", i)), synonymShortFix.S(), synonymShort.S())
		}
		for k, w := range g {
			if strings.TrimSpace(w) == "" {
				v.ps.Add(at.Of(fmt.Sprintf("synonyms[%d][%d]", i, k)), synonymEmptyFix.S(), synonymEmpty.S())
			}
		}
	}
	return groups
}

func (v *validator) part(key, title string, m partMeta, at *source.Positions) *Part {
	p := &Part{Key: key, Title: title, Index: m.Index, Published: localDate(m.Published), Updated: localDate(m.Updated), Pos: at.Of("")}
	if p.Updated.IsZero() {
		p.Updated = p.Published
	}
	if !m.Updated.IsZero() && m.Updated.Before(m.Published) {
		v.ps.Add(at.Of("updated"), datesReversedFix.S(), datesReversed.S(m.Updated.Format("2006-01-02"), m.Published.Format("2006-01-02")))
	}
	return p
}

// rawHTML returns the line and column of the first raw HTML in Markdown
// source, which the site leaves out, or 0, 0 when there is none.
func rawHTML(src []byte) (line, col int) {
	doc := markdown.Parser().Parse(text.NewReader(src))
	offset := -1
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if offset >= 0 {
			return ast.WalkStop, nil
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if n.Lines().Len() > 0 {
				offset = n.Lines().At(0).Start
			}
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				offset = n.Segments.At(0).Start
			}
		}
		return ast.WalkContinue, nil
	})
	if offset < 0 {
		return 0, 0
	}
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	return bytes.Count(src[:offset], []byte("\n")) + 1, utf8.RuneCount(src[start:offset]) + 1
}

// localDate reads a date of the content as that day in China: TOML local
// dates carry no zone, and the bureau's dates are Beijing time.
func localDate(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, period.Zone)
}

// shortTitle derives a duty's title from its text: the first clause when
// it is short, else the first characters. It is display only: the text
// itself is published whole.
func shortTitle(text string) string {
	if i := strings.IndexAny(text, "，；。,;"); i > 0 && utf8.RuneCountInString(text[:i]) <= 32 {
		return text[:i]
	}
	if r := []rune(text); len(r) > 24 {
		return string(r[:24]) + "…"
	}
	return strings.TrimRight(text, "。")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
