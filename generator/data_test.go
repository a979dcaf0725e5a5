package generator

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"testing"
)

// readCSV checks the BOM and returns the records after it.
func readCSV(t *testing.T, out memOutput, name string) [][]string {
	t.Helper()
	data, ok := out[name]
	if !ok {
		t.Fatalf("%s was not written", name)
	}
	if !bytes.HasPrefix(data, []byte(utf8BOM)) {
		t.Fatalf("%s does not start with the UTF-8 BOM: % x", name, data[:min(3, len(data))])
	}
	records, err := csv.NewReader(bytes.NewReader(data[len(utf8BOM):])).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return records
}

func TestOpenDataCSV(t *testing.T) {
	for _, tc := range []struct {
		name string
		site func(t *testing.T) *Site
	}{
		{"fixture", func(t *testing.T) *Site { return fixture(t, "/") }},
		{"content", func(t *testing.T) *Site { site, _ := loadContent(t); return site }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := tc.site(t)
			out := render(t, site)
			for _, f := range openDataFiles {
				if f.rows == nil {
					continue
				}
				records := readCSV(t, out, "data/"+f.Name)
				if len(records) == 0 || len(records[0]) != len(f.Fields) || records[0][0] != f.Fields[0].Title {
					t.Errorf("%s: header %q does not match its %d documented fields", f.Name, records[0], len(f.Fields))
				}
			}
			// Every item comes back, character for character.
			records := readCSV(t, out, "data/items.csv")[1:]
			var want [][]string
			for _, d := range site.Duties {
				for _, it := range d.Items {
					var ids, names []string
					for _, u := range it.Units {
						ids = append(ids, u.ID)
						names = append(names, u.Name)
					}
					want = append(want, []string{d.ID, d.Text, it.ID, it.Text, strings.Join(ids, ";"), strings.Join(names, "、"), it.UnitsNote})
				}
			}
			if len(records) != len(want) {
				t.Fatalf("items.csv has %d rows, the site %d items", len(records), len(want))
			}
			for i := range want {
				if !slices.Equal(records[i], want[i]) {
					t.Errorf("items.csv row %d:\n got %q\nwant %q", i+1, records[i], want[i])
				}
			}
			services := readCSV(t, out, "data/services.csv")[1:]
			if len(services) != len(site.Services) {
				t.Errorf("services.csv has %d rows, the site %d services", len(services), len(site.Services))
			}
			for i, s := range site.Services {
				if i < len(services) && (services[i][0] != s.ID || services[i][1] != s.Name || services[i][2] != s.Content) {
					t.Errorf("services.csv row %d = %q, want service %s %s", i+1, services[i], s.ID, s.Name)
				}
			}
		})
	}
}

// jsonPaths lists the key paths of a decoded JSON value in the notation
// of openDataFiles: "duties[].items[].id".
func jsonPaths(v any, prefix string, paths map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			paths[p] = true
			jsonPaths(x, p, paths)
		}
	case []any:
		for _, x := range v {
			if _, ok := x.(map[string]any); ok {
				jsonPaths(x, prefix+"[]", paths)
			}
		}
	}
}

// TestOpenDataJSONDocumented checks that the /data/ page documents every
// leaf key of qingdan.json and nothing that is not there.
func TestOpenDataJSONDocumented(t *testing.T) {
	out := render(t, fixture(t, "/"))
	var v any
	if err := json.Unmarshal(out["data/qingdan.json"], &v); err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	jsonPaths(v, "", found)
	documented := map[string]bool{}
	for _, f := range openDataFiles[0].Fields {
		documented[f.Name] = true
	}
	var missing, extra []string
	for p := range found {
		// Keys holding a list of objects are documented through their keys.
		if !documented[p] && !found[p+"[].id"] && !found[p+"[].key"] && !found[p+"[].department"] {
			missing = append(missing, p)
		}
	}
	for p := range documented {
		if !found[p] {
			extra = append(extra, p)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("qingdan.json keys not documented: %q; documented but absent: %q", missing, extra)
	}
	page := string(out["data/index.html"])
	for _, f := range openDataFiles {
		if !strings.Contains(page, f.Name) {
			t.Errorf("the /data/ page does not mention %s", f.Name)
		}
	}
}

func TestInertCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1", "'+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(1)", "'@SUM(1)"},
		{"\tx", "'\tx"},
		{"7631779", "7631779"},
		{"负责=收养", "负责=收养"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := inertCell(tt.in); got != tt.want {
			t.Errorf("inertCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
