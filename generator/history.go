package generator

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"qingdan/source"
)

// History (动态调整). Every change of content/changes.toml may list the
// ids it touches, each as a [[change.adjust]] table: the kind of entry,
// its id, what was done (新增, 调整, 取消, 改号, 合并) and, for an entry that
// is gone, where its work went. Against the record of what was published
// before (content/published.json, see manifest.go), history resolves:
//
//   - every published id that is no longer in the content must be removed
//     by an adjustment, or Load refuses the content;
//   - each removed id becomes a Removed: its URL keeps answering, with a
//     page (or, for a work item, an anchor on its duty's page) that says
//     when and by which notice it was removed and where its work went;
//   - a work item published under one duty and now under another keeps
//     its anchor on the old duty's page too (a Moved), saying where it
//     went and by which adjustment; the record keeps that place as an
//     entry of the item's id under the old duty, with the date it left;
//   - each entry still in the list gets the adjustments that touched it,
//     shown on its page.

// The kinds of entry an adjustment names. They are the words editors
// write in kind = "…".
const (
	KindUnit    = "unit"
	KindDuty    = "duty"
	KindItem    = "item"
	KindMatter  = "matter"
	KindService = "service"
	KindSystem  = "system"
)

// kindOrder is the order kinds are listed in, and kindTitles their names.
var (
	kindOrder  = []string{KindUnit, KindDuty, KindItem, KindMatter, KindService, KindSystem}
	kindTitles = map[string]string{
		KindUnit: "单位", KindDuty: "主要职责", KindItem: "具体工作事项",
		KindMatter: "职责边界事项", KindService: "公共服务事项", KindSystem: "监督管理制度",
	}
)

// The actions of an adjustment.
const (
	ActionAdded   = "added"   // 新增
	ActionChanged = "changed" // 调整: the text or the units changed
	ActionRemoved = "removed" // 取消: the entry is gone; To may name where its work went
	ActionRenamed = "renamed" // 改号: the entry now has the id To
	ActionMerged  = "merged"  // 合并: the entry was merged into To
)

// actionWords are what editors may write as action, in Chinese or English.
var actionWords = map[string]string{
	"新增": ActionAdded, "added": ActionAdded,
	"调整": ActionChanged, "修改": ActionChanged, "changed": ActionChanged,
	"取消": ActionRemoved, "删除": ActionRemoved, "removed": ActionRemoved,
	"改号": ActionRenamed, "renamed": ActionRenamed,
	"合并": ActionMerged, "merged": ActionMerged,
}

var actionTitles = map[string]string{
	ActionAdded: "新增", ActionChanged: "调整", ActionRemoved: "取消", ActionRenamed: "改号", ActionMerged: "合并",
}

// Adjust is one id a change touches.
type Adjust struct {
	Kind   string // KindItem, KindDuty, …
	ID     string
	Action string // ActionAdded, …
	To     string // for a gone entry: the id of the same kind its work went to; may be empty
	Note   string // what the change did to it, as the editor wrote it
	Change *Change
	// Path is the site path of the entry: its page, its tombstone or an
	// item's anchor.
	Path string
	// ToPath is the site path of To's page ("duties/02/#item-02-04"),
	// empty when To is empty.
	ToPath string
	Pos    source.Pos
	// where its action and its to are written, for problems
	actionAt, toAt source.Pos
}

// Gone reports whether the adjustment took the entry out of the list.
func (a *Adjust) Gone() bool {
	return a.Action == ActionRemoved || a.Action == ActionRenamed || a.Action == ActionMerged
}

// ActionTitle is the action in Chinese: 新增, 调整, 取消, 改号, 合并.
func (a *Adjust) ActionTitle() string { return actionTitles[a.Action] }

// KindTitle names the kind of entry in Chinese: 具体工作事项, 单位, ….
func (a *Adjust) KindTitle() string { return kindTitles[a.Kind] }

// Removed is an entry that was published and is no longer in the list: a
// tombstone. Its URL stays, with a page that says what it was and what
// happened to it.
type Removed struct {
	Kind  string
	ID    string
	Title string // its last published title (an item's text); empty when no record has it
	Duty  string // an item's duty id
	By    *Adjust
	// Items are the removed items of a removed duty, and Moved those that
	// went to another duty: they keep their anchors on its page.
	Items []*Removed
	Moved []Moved
}

// KindTitle names the kind of entry in Chinese.
func (r *Removed) KindTitle() string { return kindTitles[r.Kind] }

// Moved is a work item that was published on the page of another duty
// than the one it is under now. That page keeps the item's anchor, with a
// line saying where it went: a published URL, fragment included, never
// lands nowhere.
type Moved struct {
	ID    string
	Title string  // its text when last published there
	Duty  string  // the duty it was published under
	To    string  // the duty it is under now
	By    *Adjust // the item's adjustment that moved it
}

// Path is where the item is now: its anchor on its duty's page.
func (m Moved) Path() string { return entryPath(KindItem, m.ID, m.To) }

// Path is where the entry was published: a page, or for a work item its
// anchor on its duty's page.
func (r *Removed) Path() string { return entryPath(r.Kind, r.ID, r.Duty) }

// Page is the tombstone's own page, for every kind but items.
func (r *Removed) Page() string { return entryPath(r.Kind, r.ID, "") }

// entryPath is the site path of an entry of kind with id; an item's
// needs its duty.
func entryPath(kind, id, duty string) string {
	switch kind {
	case KindItem:
		return PartDuties + "/" + duty + "/#item-" + id
	case KindDuty:
		return PartDuties + "/" + id + "/"
	case KindUnit:
		return sectionUnits + "/" + id + "/"
	case KindMatter:
		return PartBoundaries + "/" + id + "/"
	case KindService:
		return PartServices + "/" + id + "/"
	case KindSystem:
		return PartSupervision + "/" + id + "/"
	}
	return ""
}

// entryBefore orders entries by kind (kindOrder), then by id.
func entryBefore(kindA, idA, kindB, idB string) bool {
	if kindA != kindB {
		return slices.Index(kindOrder, kindA) < slices.Index(kindOrder, kindB)
	}
	return idA < idB
}

// entryKey names one entry of the list.
type entryKey struct{ kind, id string }

// place is where a work item was published: its id under a duty.
type place struct{ id, duty string }

// liveEntry is an entry of the content as history sees it.
type liveEntry struct {
	title   string
	duty    string // an item's duty
	item    *Item  // the item, for an item
	history *[]*Adjust
}

// live lists every entry of the content.
func (v *validator) live() map[entryKey]liveEntry {
	s := v.site
	m := map[entryKey]liveEntry{}
	for _, u := range s.Units {
		m[entryKey{KindUnit, u.ID}] = liveEntry{title: u.Name, history: &u.History}
	}
	for _, d := range s.Duties {
		m[entryKey{KindDuty, d.ID}] = liveEntry{title: d.Title, history: &d.History}
		for _, it := range d.Items {
			m[entryKey{KindItem, it.ID}] = liveEntry{title: it.Text, duty: d.ID, item: it, history: &it.History}
		}
	}
	for _, x := range s.Matters {
		m[entryKey{KindMatter, x.ID}] = liveEntry{title: x.Title, history: &x.History}
	}
	for _, x := range s.Services {
		m[entryKey{KindService, x.ID}] = liveEntry{title: x.Name, history: &x.History}
	}
	for _, x := range s.Systems {
		m[entryKey{KindSystem, x.ID}] = liveEntry{title: x.Title, history: &x.History}
	}
	return m
}

// adjusts reads the [[change.adjust]] tables of change i.
func (v *validator) adjusts(c *Change, entries []adjustEntry, at *source.Positions, i int) {
	for j, e := range entries {
		p := fmt.Sprintf("change[%d].adjust[%d]", i, j)
		a := &Adjust{Kind: strings.TrimSpace(e.Kind), ID: strings.TrimSpace(e.ID), To: strings.TrimSpace(e.To), Note: e.Note, Change: c, Pos: e.Pos}
		if kindTitles[a.Kind] == "" {
			v.ps.Add(at.Of(p+".kind"), histKindFix.S(strings.Join(kindOrder, "、")), "%s", histKindUnknown.S(e.Kind))
			continue
		}
		action, ok := actionWords[strings.TrimSpace(e.Action)]
		if !ok {
			v.ps.Add(at.Of(p+".action"), histActionFix.S(), "%s", histActionUnknown.S(e.Action))
			continue
		}
		a.Action = action
		a.actionAt, a.toAt = at.Of(p+".action"), at.Of(p+".to")
		if (a.Action == ActionRenamed || a.Action == ActionMerged) && a.To == "" {
			v.ps.Add(at.Of(p), histToMissingFix.S(actionTitles[a.Action]), "%s", histToMissing.S(actionTitles[a.Action], a.ID))
			continue
		}
		if !a.Gone() && a.To != "" {
			v.ps.Warn(at.Of(p+".to"), histToUnusedFix.S(), "%s", histToUnused.S(actionTitles[a.Action]))
			a.To = ""
		}
		c.Adjusts = append(c.Adjusts, a)
	}
}

// history checks the adjustments against the content and the record of
// what was published, and makes the tombstones. It runs on the finished
// model.
func (v *validator) history(published []PublishedEntry, manifestFile string) {
	live := v.live()
	// Every adjustment of each entry, oldest first (Changes are newest first).
	byKey := map[entryKey][]*Adjust{}
	for i := len(v.site.Changes) - 1; i >= 0; i-- {
		for _, a := range v.site.Changes[i].Adjusts {
			k := entryKey{a.Kind, a.ID}
			byKey[k] = append(byKey[k], a)
		}
	}
	keys := make([]entryKey, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].kind != keys[j].kind {
			return keys[i].kind < keys[j].kind
		}
		return keys[i].id < keys[j].id
	})
	for _, k := range keys {
		list := byKey[k]
		last := list[len(list)-1]
		_, isLive := live[k]
		switch {
		case last.Gone() && isLive:
			v.ps.Add(last.actionAt, histStillThereFix.S(), "%s", histStillThere.S(kindTitles[k.kind], k.id, actionTitles[last.Action]))
		case !last.Gone() && !isLive:
			v.ps.Warn(last.actionAt, histNotThereFix.S(), "%s", histNotThere.S(kindTitles[k.kind], k.id, actionTitles[last.Action]))
		}
		for _, a := range list {
			if a.To != "" {
				to, ok := live[entryKey{a.Kind, a.To}]
				if !ok {
					v.ps.Add(a.toAt, histToUnknownFix.S(kindTitles[a.Kind]), "%s", histToUnknown.S(a.To, kindTitles[a.Kind]))
				} else {
					a.ToPath = entryPath(a.Kind, a.To, to.duty)
					*to.history = append(*to.history, a)
				}
			}
			if e, ok := live[k]; ok {
				*e.history = append(*e.history, a)
			}
		}
	}
	for _, e := range live {
		sort.SliceStable(*e.history, func(i, j int) bool {
			return (*e.history)[i].Change.Date.Before((*e.history)[j].Change.Date)
		})
	}

	// Tombstones: the published entries that are gone, and the gone ones
	// the record does not know (removed before it was kept). An item the
	// record has under several duties (it was moved, then removed) keeps
	// its anchor under each.
	removed := map[entryKey]*Removed{}
	var elsewhere []*Removed // the removed items' other places
	moved := map[place]Moved{}
	for i, p := range published {
		k := entryKey{p.Kind, p.ID}
		if e, ok := live[k]; ok {
			if at := (place{p.ID, p.Duty}); e.item != nil && p.Duty != "" && p.Duty != e.duty && moved[at].ID == "" {
				moved[at] = v.moved(p, e.item, byKey[k])
			}
			continue
		}
		if r := removed[k]; r != nil {
			if r.Kind == KindItem && r.Duty != p.Duty && !slices.ContainsFunc(elsewhere, func(o *Removed) bool { return o.ID == p.ID && o.Duty == p.Duty }) {
				elsewhere = append(elsewhere, &Removed{Kind: p.Kind, ID: p.ID, Title: p.Title, Duty: p.Duty, By: r.By})
			}
			continue
		}
		list := byKey[k]
		if len(list) == 0 || !list[len(list)-1].Gone() {
			pos := source.Pos{File: manifestFile, Line: manifestFirstLine + i, Col: 1}
			v.ps.Add(pos, histUnrecordedFix.S(p.Kind, p.ID), "%s", histUnrecorded.S(kindTitles[p.Kind], p.ID, excerpt(p.Title, 40)))
			continue
		}
		removed[k] = &Removed{Kind: p.Kind, ID: p.ID, Title: p.Title, Duty: p.Duty, By: list[len(list)-1]}
	}
	for _, k := range keys {
		list := byKey[k]
		last := list[len(list)-1]
		if _, ok := live[k]; ok || removed[k] != nil || !last.Gone() {
			continue
		}
		r := &Removed{Kind: k.kind, ID: k.id, By: last}
		if k.kind == KindItem {
			r.Duty, _, _ = strings.Cut(k.id, "-")
		}
		removed[k] = r
	}
	v.tombstones(removed, elsewhere, moved)
	for k, list := range byKey {
		path := ""
		if e, ok := live[k]; ok {
			path = entryPath(k.kind, k.id, e.duty)
		} else if r := removed[k]; r != nil {
			path = r.Path()
		}
		for _, a := range list {
			a.Path = path
		}
	}
}

// moved is the Moved of item it, published as p under another duty; its
// adjustments (oldest first) must record the move: the one of the day the
// record says it left, or when the record does not say yet, the last.
func (v *validator) moved(p PublishedEntry, it *Item, adjusts []*Adjust) Moved {
	m := Moved{ID: p.ID, Title: p.Title, Duty: p.Duty, To: it.Duty.ID}
	for _, a := range slices.Backward(adjusts) {
		if p.Removed == "" || a.Change.Date.Format("2006-01-02") == p.Removed {
			m.By = a
			break
		}
	}
	if m.By == nil && len(adjusts) > 0 {
		m.By = adjusts[len(adjusts)-1]
	}
	if m.By == nil {
		v.ps.Add(it.Pos, histMovedFix.S(p.ID), "%s", histMoved.S(p.ID, p.Duty, it.Duty.ID))
	}
	return m
}

// tombstones files the removed entries, items under their duty (live or
// removed), the others as pages of their own; and the moved items under
// the duty they left.
func (v *validator) tombstones(removed map[entryKey]*Removed, elsewhere []*Removed, moved map[place]Moved) {
	duties := map[string]*Duty{}
	for _, d := range v.site.Duties {
		duties[d.ID] = d
	}
	var all []*Removed
	for _, r := range removed {
		if r.Kind != KindItem {
			all = append(all, r)
		}
	}
	items := elsewhere
	for _, r := range removed {
		if r.Kind == KindItem {
			items = append(items, r)
		}
	}
	sort.Slice(items, func(i, j int) bool {
		if items[i].ID != items[j].ID {
			return items[i].ID < items[j].ID
		}
		return items[i].Duty < items[j].Duty
	})
	// owner is the tombstone of a removed duty that items were published on.
	owner := func(duty string) *Removed {
		o := removed[entryKey{KindDuty, duty}]
		if o == nil {
			// The duty's page was published with the item on it; with no
			// record of the duty itself, its page keeps the item alone.
			o = &Removed{Kind: KindDuty, ID: duty}
			removed[entryKey{KindDuty, duty}] = o
			all = append(all, o)
		}
		return o
	}
	// at is where the anchors of the items once under duty stay: on the
	// duty's page, or on its tombstone's.
	at := func(duty string) (*[]*Removed, *[]Moved) {
		if d := duties[duty]; d != nil {
			return &d.Removed, &d.Moved
		}
		o := owner(duty)
		return &o.Items, &o.Moved
	}
	for _, r := range items {
		list, _ := at(r.Duty)
		*list = append(*list, r)
	}
	gone := slices.SortedFunc(maps.Values(moved), func(a, b Moved) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.Duty, b.Duty))
	})
	for _, m := range gone {
		_, list := at(m.Duty)
		*list = append(*list, m)
	}
	sort.Slice(all, func(i, j int) bool { return entryBefore(all[i].Kind, all[i].ID, all[j].Kind, all[j].ID) })
	v.site.Removed = all
}
