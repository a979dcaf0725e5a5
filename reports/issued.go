package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"qingdan/period"
)

// dataJSON is a report's data as indented JSON, with the issue first under
// "issue" when it is not the zero Issue.
func dataJSON(data any, issue Issue) ([]byte, error) {
	js, err := json.MarshalIndent(data, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding report data: %w", err)
	}
	if issue.Number == "" && issue.Date.IsZero() && !issue.Draft && issue.Corrects == nil {
		return append(js, '\n'), nil
	}
	is, err := json.MarshalIndent(issue, "  ", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding report issue: %w", err)
	}
	var b bytes.Buffer
	b.WriteString("{\n  \"issue\": ")
	b.Write(is)
	b.WriteString(",")
	b.Write(js[1:]) // data without its opening brace
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// issueSuffix ends the file names of a draft or a correction, so that they
// never take the name of the filed report.
func issueSuffix(is Issue) string {
	switch {
	case is.Draft:
		return "-草稿"
	case is.Corrects != nil && is.Number != "":
		return "-更正-" + is.Number
	case is.Corrects != nil:
		return "-更正-" + is.Date.In(period.Zone).Format("20060102-150405")
	}
	return ""
}

// maxChanges is how many changes a correction lists one by one.
const maxChanges = 60

// Changes lists what differs between the data of two reports (their JSON,
// as Build writes it), one line each, the issue and its date left out. Lists of cases,
// decisions, groups and rules are compared by their number, case, name,
// category or rule, so that one added case file is one line.
func Changes(old, new []byte) ([]string, error) {
	var a, b any
	if err := json.Unmarshal(old, &a); err != nil {
		return nil, fmt.Errorf("reading the corrected report's data: %w", err)
	}
	if err := json.Unmarshal(new, &b); err != nil {
		return nil, fmt.Errorf("reading the report's data: %w", err)
	}
	for _, m := range []any{a, b} {
		if obj, ok := m.(map[string]any); ok {
			// The issue, and the date it puts on the report, are not
			// what the case files say.
			delete(obj, "issue")
			delete(obj, "date")
		}
	}
	var out []string
	diff("", a, b, &out)
	if len(out) > maxChanges {
		out = append(out[:maxChanges], changesMore.S(len(out)-maxChanges))
	}
	return out, nil
}

// idKeys name the field that identifies an element of a list in a report's
// data, in order of preference.
var idKeys = []string{"number", "case", "rule", "category", "name"}

func diff(path string, a, b any, out *[]string) {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			break
		}
		keys := map[string]bool{}
		for k := range x {
			keys[k] = true
		}
		for k := range y {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			diff(join(path, k), x[k], y[k], out)
		}
		return
	case []any:
		y, ok := b.([]any)
		if !ok {
			break
		}
		if id := listID(x, y); id != "" {
			diffByID(path, id, x, y, out)
			return
		}
		if scalars(x) && scalars(y) {
			diffSet(path, x, y, out)
			return
		}
		for i := 0; i < max(len(x), len(y)); i++ {
			var ea, eb any
			if i < len(x) {
				ea = x[i]
			}
			if i < len(y) {
				eb = y[i]
			}
			diff(fmt.Sprintf("%s[%d]", path, i), ea, eb, out)
		}
		return
	}
	if fmt.Sprint(a) == fmt.Sprint(b) && sameKind(a, b) {
		return
	}
	switch {
	case a == nil:
		*out = append(*out, changeAdded.S(path, show(b)))
	case b == nil:
		*out = append(*out, changeRemoved.S(path, show(a)))
	default:
		*out = append(*out, changeValue.S(path, show(a), show(b)))
	}
}

func sameKind(a, b any) bool { return fmt.Sprintf("%T", a) == fmt.Sprintf("%T", b) }

// listID is the key that identifies every element of both lists, or "".
func listID(lists ...[]any) string {
	for _, k := range idKeys {
		all := true
		for _, l := range lists {
			for _, e := range l {
				m, ok := e.(map[string]any)
				if _, has := m[k]; !ok || !has {
					all = false
				}
			}
		}
		if all {
			return k
		}
	}
	return ""
}

func diffByID(path, id string, a, b []any, out *[]string) {
	index := func(l []any) (map[string]any, []string) {
		m := map[string]any{}
		var order []string
		for _, e := range l {
			k := fmt.Sprint(e.(map[string]any)[id])
			if _, dup := m[k]; !dup {
				order = append(order, k)
			}
			m[k] = e
		}
		return m, order
	}
	ma, oa := index(a)
	mb, ob := index(b)
	for _, k := range oa {
		if _, ok := mb[k]; !ok {
			*out = append(*out, changeRemoved.S(path, k))
		}
	}
	for _, k := range ob {
		if _, ok := ma[k]; !ok {
			*out = append(*out, changeAdded.S(path, k))
			continue
		}
		diff(path+"["+k+"]", ma[k], mb[k], out)
	}
}

// labels name the fields of a report's data in change lines.
var labels = map[string]string{
	"total": "合计", "by_township": "按乡镇", "by_kind": "按案件类型", "by_category": "各类别失分",
	"problems": "主要问题", "cases": "案卷", "rectification": "整改要求", "decisions": "重大决定",
	"average": "平均分", "lost": "失分", "points": "分值", "excellent": "优秀", "pass": "合格",
	"fail": "不合格", "fatal": "直接不合格", "pending": "待评", "score": "得分", "grade": "等次",
	"deductions": "扣分", "share": "占比", "amount": "金额", "party": "当事人", "decision": "决定书",
	"decision_date": "决定日期", "execution": "执行情况", "discussion": "集体讨论", "reason": "重大理由",
	"fees": "征收社会抚养费件数", "penalties": "行政处罚件数", "details": "发现的问题", "settings": "设置",
}

func join(path, key string) string {
	if l, ok := labels[key]; ok {
		key = l
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// scalars reports whether a list holds no objects or lists.
func scalars(l []any) bool {
	for _, e := range l {
		switch e.(type) {
		case map[string]any, []any:
			return false
		}
	}
	return true
}

// diffSet lists what a list of plain values gained and lost, whatever the
// order.
func diffSet(path string, a, b []any, out *[]string) {
	count := func(l []any) map[string]int {
		m := map[string]int{}
		for _, e := range l {
			m[show(e)]++
		}
		return m
	}
	ca, cb := count(a), count(b)
	left, right := count(a), count(b)
	for _, e := range a {
		if k := show(e); left[k] > cb[k] {
			*out = append(*out, changeRemoved.S(path, k))
			left[k]--
		}
	}
	for _, e := range b {
		if k := show(e); right[k] > ca[k] {
			*out = append(*out, changeAdded.S(path, k))
			right[k]--
		}
	}
}

// show writes a JSON value of a report's data for a change line.
func show(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = show(e)
		}
		return "[" + strings.Join(parts, "、") + "]"
	case map[string]any:
		if id := listID([]any{x}); id != "" {
			return fmt.Sprint(x[id])
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		return "{" + strings.Join(keys, "、") + "}"
	}
	return fmt.Sprint(v)
}
