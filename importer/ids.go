package importer

import (
	"fmt"
	"strconv"
	"strings"
)

// ids gives entries the ids content/README.md asks for: duties, matters,
// services and systems two-digit numbers ("01"), items the duty's id and a
// number ("01-03"), units short lowercase ids. An entry whose text matches
// one of the folder's existing content keeps that entry's id; a new entry
// gets a number above every one in use, so that no id is ever reused.
type ids struct {
	used  map[string]map[string]bool // kind → ids taken
	known map[string]map[string][]string
}

// The kinds of entry ids are kept for.
const (
	kindDuty    = "duty"
	kindItem    = "item"
	kindMatter  = "matter"
	kindService = "service"
	kindSystem  = "system"
	kindUnit    = "unit"
)

func newIDs(existing *List) *ids {
	a := &ids{used: map[string]map[string]bool{}, known: map[string]map[string][]string{}}
	for _, k := range []string{kindDuty, kindItem, kindMatter, kindService, kindSystem, kindUnit} {
		a.used[k], a.known[k] = map[string]bool{}, map[string][]string{}
	}
	if existing == nil {
		return a
	}
	for _, d := range existing.Duties {
		a.remember(kindDuty, d.Text, d.ID)
		for _, it := range d.Items {
			a.remember(kindItem, it.Text, it.ID)
		}
	}
	for _, m := range existing.Matters {
		a.remember(kindMatter, m.Title, m.ID)
	}
	for _, s := range existing.Services {
		a.remember(kindService, s.Name, s.ID)
	}
	for _, s := range existing.Systems {
		a.remember(kindSystem, s.Title, s.ID)
	}
	for _, u := range existing.Units {
		a.reserve(kindUnit, u.ID)
	}
	return a
}

// remember records an existing entry: its id is taken, and an entry of
// the same text may have it back.
func (a *ids) remember(kind, text, id string) {
	a.reserve(kind, id)
	a.known[kind][text] = append(a.known[kind][text], id)
}

func (a *ids) reserve(kind, id string) { a.used[kind][id] = true }

// match returns the id of an existing entry with this text, once.
func (a *ids) match(kind, text string) (string, bool) {
	list := a.known[kind][text]
	if len(list) == 0 {
		return "", false
	}
	a.known[kind][text] = list[1:]
	return list[0], true
}

// taken reports whether an id is used by another entry of this import or
// of the existing content (matched entries give theirs back through match).
func (a *ids) take(kind, id string) { a.used[kind][id] = true }

// next returns the next free two-digit number: above every number used.
func (a *ids) next(kind, prefix string) string {
	n := 0
	for id := range a.used[kind] {
		if !strings.HasPrefix(id, prefix) {
			continue
		}
		if v, err := strconv.Atoi(id[len(prefix):]); err == nil && v > n {
			n = v
		}
	}
	id := fmt.Sprintf("%s%02d", prefix, n+1)
	a.take(kind, id)
	return id
}
