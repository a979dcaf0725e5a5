package source

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// listFile has the shape of the content files (duties, services,
// boundaries, units), so that real files decode without problems.
type listFile struct {
	Index     string        `toml:"index"`
	Published time.Time     `toml:"published"`
	Updated   time.Time     `toml:"updated"`
	Order     int           `toml:"order"`
	Duties    []listDuty    `toml:"duty"`
	Services  []listService `toml:"service"`
	Matters   []listMatter  `toml:"matter"`
	Units     []listUnit    `toml:"unit"`
}

type listDuty struct {
	ID    string              `toml:"id,required"`
	Title string              `toml:"title"`
	Text  string              `toml:"text,required"`
	Note  string              `toml:"note"`
	Items []listItem          `toml:"item"`
	Extra map[string]listItem `toml:"extra"`
	Pos   Pos
}

type listItem struct {
	ID        string   `toml:"id,required"`
	Text      string   `toml:"text,required"`
	Units     []string `toml:"units"`
	UnitsNote string   `toml:"units_note"`
	Pos       Pos
}

type listService struct {
	ID      string   `toml:"id,required"`
	Name    string   `toml:"name,required"`
	Content string   `toml:"content,required"`
	Units   []string `toml:"units,required"`
	Handler string   `toml:"handler"`
	Phones  []string `toml:"phones"`
	Pos     Pos
}

type listMatter struct {
	ID    string     `toml:"id,required"`
	Title string     `toml:"title,required"`
	Basis []string   `toml:"basis"`
	Cases []string   `toml:"cases"`
	Roles []listRole `toml:"role"`
	Pos   Pos
}

type listRole struct {
	Department string `toml:"department,required"`
	Lead       bool   `toml:"lead"`
	Duty       string `toml:"duty,required"`
	Pos        Pos
}

type listUnit struct {
	ID      string   `toml:"id,required"`
	Name    string   `toml:"name,required"`
	Short   string   `toml:"short_name"`
	Kind    string   `toml:"kind,required"`
	Parent  string   `toml:"parent"`
	Phone   string   `toml:"phone"`
	Aliases []string `toml:"aliases"`
	About   string   `toml:"description"`
	Any     any      `toml:"any"`
	Pos     Pos
}

// splitKeys are the arrays the content files are made of.
var splitKeys = []string{"duty", "service", "matter", "unit"}

const splitDuties = "# 部门职责\nindex = \"X-1\"\npublished = 2026-11-28\n\n[[duty]]\nid = \"01\"\ntext = \"甲\"\n\n[[duty.item]]\nid = \"01-01\"\ntext = \"子\"\nunits = [\"a\",\n  \"b\"]\n\n[[duty]]\nid = \"02\"\ntext = \"乙\"\n[[duty.item]]\nid = \"02-01\"\ntext = \"丑\"\nunits = []\n"

// TestDecodeTOMLSplit decodes each case in pieces and whole, and checks
// that both give the same value, positions and problems, and that the fast
// path was taken exactly where it should be.
func TestDecodeTOMLSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		fast bool // decoded in pieces, not by DecodeTOML
	}{
		{"plain", splitDuties, true},
		{"no head", "[[duty]]\nid = \"01\"\ntext = \"甲\"\n", true},
		{"crlf", strings.ReplaceAll(splitDuties, "\n", "\r\n"), true},
		{"bom", "\uFEFF" + splitDuties, true},
		{"comment after header", "[[duty]] # 第一条\nid = \"01\"\ntext = \"甲\"\n[[duty]]   # 第二条\nid = \"02\"\ntext = \"乙\"\n", true},
		{"blanks in header", "  [[ duty ]]\nid = \"01\"\ntext = \"甲\"\n[[\tduty\t]]\nid = \"02\"\ntext = \"乙\"\n", true},
		{"sub-table", "[[duty]]\nid = \"01\"\ntext = \"甲\"\n[duty.extra.x]\nid = \"x\"\ntext = \"子\"\n[[duty]]\nid = \"02\"\ntext = \"乙\"\n[duty.extra.y]\nid = \"y\"\ntext = \"丑\"\n", true},
		{"quoted keys in a table", "[[duty]]\n\"id\" = \"01\"\n'text' = \"甲 [[duty]]\"\n", true},
		{"multi-line strings", "[[duty]]\nid = \"01\"\ntext = \"\"\"\n甲\n  乙\"\"\"\nnote = '''\n丙'''\n", true},
		{"no final newline", "[[duty]]\nid = \"01\"\ntext = \"甲\"", true},
		{"header inside a multi-line string", "[[duty]]\nid = \"01\"\ntext = \"\"\"\n[[duty]]\nid = \"02\"\n\"\"\"\n", false},
		{"header inside a literal string", "[[duty]]\nid = \"01\"\ntext = '''\n[[duty]]\n'''\n", false},
		{"header inside an array", "[[duty]]\nid = \"01\"\ntext = \"甲\"\n[[duty.item]]\nid = \"01-01\"\ntext = \"x\"\nunits = [\n[[duty]]\n]\n", false},
		{"quoted header", "[[duty]]\nid = \"01\"\ntext = \"甲\"\n[[\"duty\"]]\nid = \"02\"\ntext = \"乙\"\n", false},
		{"head defines the array", "duty = []\n[[duty]]\nid = \"01\"\ntext = \"甲\"\n", false},
		{"head dotted key", "duty.x = 1\n[[duty]]\nid = \"01\"\ntext = \"甲\"\n", false},
		{"head table under the array", "[duty.x]\n[[duty]]\nid = \"01\"\ntext = \"甲\"\n", false},
		{"head quoted path", "\"duty[0].text\" = 1\n[[duty]]\nid = \"01\"\n", false},
		{"other table after", "[[duty]]\nid = \"01\"\ntext = \"甲\"\n[other]\nx = 1\n", false},
		{"standard table after", "[[duty]]\nid = \"01\"\ntext = \"甲\"\n[duty]\nid = \"02\"\n", false},
		{"no array", "index = \"X\"\n", false},
		{"unknown key", "[[duty]]\nid = \"01\"\ntext = \"甲\"\n[[duty]]\nid = \"02\"\ntxet = \"乙\"\n", false},
		{"missing required", splitDuties + "[[duty]]\nid = \"03\"\n", false},
		{"syntax error in a table", splitDuties + "[[duty]]\nid = “03”\n", false},
		{"syntax error in the head", "index = “X”\n" + splitDuties, false},
		{"wrong type in the head", "order = \"一\"\n" + splitDuties, false},
		{"bad utf-8", splitDuties + "[[duty]]\nid = \"\xff\"\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSplit(t, tt.in)
			var v listFile
			if _, fast := decodeSplit("f.toml", []byte(tt.in), "duty", &v, nil); fast != tt.fast {
				t.Errorf("decoded in pieces: %v, want %v", fast, tt.fast)
			}
		})
	}
}

// TestDecodeTOMLSplitPositions checks a few positions by hand, so that a
// mistake shared with DecodeTOML would show too.
func TestDecodeTOMLSplitPositions(t *testing.T) {
	var v listFile
	at, ps := DecodeTOMLSplit("d.toml", []byte(splitDuties), "duty", &v, &SplitCache{})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	for path, want := range map[string]string{
		"":                         "d.toml:1:1",
		"published":                "d.toml:3:13",
		"duty[0]":                  "d.toml:5:1",
		"duty[0].item[0].units[1]": "d.toml:13:3",
		"duty[1].item[0].units":    "d.toml:21:9",
		"duty[1].item[0].missing":  "d.toml:18:1",
		"duty[2].id":               "d.toml:1:1",
		"duty[01]":                 "d.toml:1:1",
	} {
		if got := at.Of(path).String(); got != want {
			t.Errorf("Of(%q) = %s, want %s", path, got, want)
		}
	}
	if got := at.KeyOf("duty[1].id").String(); got != "d.toml:16:1" {
		t.Errorf("KeyOf(duty[1].id) = %s", got)
	}
	if got := v.Duties[1].Items[0].Pos.String(); got != "d.toml:18:1" {
		t.Errorf("Pos of duty[1].item[0] = %s", got)
	}
}

// TestSplitCache checks that a second decode reuses the tables whose text
// did not change, decodes the edited one, moves the Pos of the tables that
// moved without changing what the first decode returned, and keeps only
// the tables of the last decode.
func TestSplitCache(t *testing.T) {
	var cache SplitCache
	var first listFile
	if _, ps := DecodeTOMLSplit("d.toml", []byte(splitDuties), "duty", &first, &cache); len(ps) > 0 {
		t.Fatal(ps)
	}
	entries := cache.files[splitFile{"d.toml", "duty", reflect.TypeOf(listDuty{})}]
	if len(entries) != 2 {
		t.Fatalf("%d tables cached, want 2", len(entries))
	}
	firstCopy := cloneList(t, splitDuties)

	// The first table edited and one line longer: the second moves.
	edited := strings.Replace(splitDuties, "text = \"甲\"\n", "text = \"甲（改）\"\nnote = \"新\"\n", 1)
	var second listFile
	if _, ps := DecodeTOMLSplit("d.toml", []byte(edited), "duty", &second, &cache); len(ps) > 0 {
		t.Fatal(ps)
	}
	after := cache.files[splitFile{"d.toml", "duty", reflect.TypeOf(listDuty{})}]
	if len(after) != 2 {
		t.Fatalf("%d tables cached after the edit, want 2", len(after))
	}
	var reused, moved int
	for text, e := range after {
		old, ok := entries[text]
		switch {
		case !ok:
		case e.at != old.at:
			t.Errorf("table decoded again although its text is the same")
		default:
			reused++
			if e.valueLines != old.valueLines {
				moved++
			}
		}
	}
	if reused != 1 || moved != 1 {
		t.Errorf("reused %d tables (moved %d), want 1 (1)", reused, moved)
	}
	if got := second.Duties[1].Items[0].Pos.Line; got != 19 {
		t.Errorf("moved item on line %d, want 19", got)
	}
	if !reflect.DeepEqual(first, firstCopy) {
		t.Errorf("the first value changed:\n%+v\nwant\n%+v", first, firstCopy)
	}
	checkSplit(t, edited)
}

// cloneList decodes in a fresh value, as a reference.
func cloneList(t testing.TB, in string) listFile {
	t.Helper()
	var v listFile
	DecodeTOML("d.toml", []byte(in), &v)
	return v
}

// FuzzDecodeTOMLSplit checks on any input that decoding in pieces gives
// exactly DecodeTOML's value, positions and problems, with and without
// cached tables, and with cached tables that moved.
func FuzzDecodeTOMLSplit(f *testing.F) {
	for _, name := range []string{"duties.toml", "services.toml", "boundaries.toml", "units.toml"} {
		data, err := os.ReadFile(filepath.Join("..", "content", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	names, _ := filepath.Glob("../generator/testdata/broken/*.txtar")
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range txtar.Parse(data).Files {
			f.Add(string(file.Data))
		}
	}
	f.Add(splitDuties)
	f.Add("\uFEFF" + strings.ReplaceAll(splitDuties, "\n", "\r\n"))
	f.Add("[[duty]]\nid = \"01\"\ntext = \"\"\"\n[[duty]]\nid = \"02\"\n\"\"\"\n[[duty]]\nid = \"03\"\ntext = \"x\"\n")
	f.Add("[[ duty ]] # 注\nid = \"01\"\ntext = \"甲\"\n[duty.extra.\"a.b\"]\nid = \"1\"\ntext = \"2\"\n[[duty]]\n\"id\" = \"02\"\ntext = \"乙\"\n")
	f.Add("x = 1\n[t]\ny = [\n1,\n]\n[[unit]]\nid = \"a\"\nname = \"b\"\nkind = \"股室\"\nany = {a = [1]}\n")
	f.Add("[[unit]]\nid = \"a\"\nname = \"b\"\nkind = \"股室\"\nany = {\"a]\" = 1, \"[9]\" = [2], \"x.y\" = {\"]\" = 3}}\n")
	f.Fuzz(func(t *testing.T, in string) {
		checkSplit(t, in)
	})
}

// checkSplit decodes in whole and in pieces for each array key, and fails
// on any difference. Before the decode that is compared, the cache is
// filled from the same text two lines lower, so that cached tables move.
func checkSplit(t *testing.T, in string) {
	t.Helper()
	var want listFile
	wantAt, wantPs := DecodeTOML("f.toml", []byte(in), &want)
	text, bom := strings.CutPrefix(in, "\uFEFF")
	lower := "#\n\n" + text
	if bom {
		lower = "\uFEFF" + lower
	}
	var lowerWant listFile
	DecodeTOML("f.toml", []byte(lower), &lowerWant)
	for _, key := range splitKeys {
		cache := &SplitCache{}
		var low listFile
		lowAt, lowPs := DecodeTOMLSplit("f.toml", []byte(lower), key, &low, cache)
		lowWantAt, lowWantPs := DecodeTOML("f.toml", []byte(lower), new(listFile))
		sameDecode(t, key+", two lines lower", lowerWant, low, lowWantAt, lowAt, lowWantPs, lowPs)
		for _, run := range []string{"moved from the cache", "again from the cache"} {
			var got listFile
			at, ps := DecodeTOMLSplit("f.toml", []byte(in), key, &got, cache)
			sameDecode(t, key+", "+run, want, got, wantAt, at, wantPs, ps)
		}
		if !reflect.DeepEqual(lowerWant, low) {
			t.Fatalf("%s: a later decode changed an earlier value", key)
		}
	}
}

func sameDecode(t *testing.T, what string, want, got listFile, wantAt, at *Positions, wantPs, ps Problems) {
	t.Helper()
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("%s: value\n%+v\nwant\n%+v", what, got, want)
	}
	if ps.String() != wantPs.String() || len(ps) != len(wantPs) {
		t.Fatalf("%s: problems\n%s\nwant\n%s", what, ps, wantPs)
	}
	if at.File() != wantAt.File() {
		t.Fatalf("%s: file %q, want %q", what, at.File(), wantAt.File())
	}
	for _, path := range probePaths(wantAt, at) {
		if g, w := at.Of(path), wantAt.Of(path); g != w {
			t.Fatalf("%s: Of(%q) = %v, want %v", what, path, g, w)
		}
		if g, w := at.KeyOf(path), wantAt.KeyOf(path); g != w {
			t.Fatalf("%s: KeyOf(%q) = %v, want %v", what, path, g, w)
		}
	}
}

// probePaths lists every path either positions know, with the parts named
// by their index in the file, and paths near them that neither knows.
func probePaths(ps ...*Positions) []string {
	var paths []string
	for _, at := range ps {
		known := []struct {
			prefix string // how the file names the part's array[0]
			at     *Positions
		}{{"", at}}
		for i, pt := range at.parts {
			known = append(known, struct {
				prefix string
				at     *Positions
			}{at.array + "[" + itoa(i) + "]", pt.at})
		}
		for _, k := range known {
			for _, m := range []map[string]Pos{k.at.val, k.at.key} {
				for path := range m {
					if k.prefix != "" {
						path = k.prefix + strings.TrimPrefix(path, at.array+"[0]")
					}
					paths = append(paths, path, path+".missing", path+"[9]", path+"]", parentPath(path))
				}
			}
		}
		paths = append(paths, at.array, at.array+"["+itoa(len(at.parts))+"]", at.array+"[00]", at.array+"[0]x")
	}
	return append(paths, "", "missing", "duty[0]", "duty[1].item[0].units[1]")
}

// TestDecodeTOMLSplitContent checks that the real content files are
// decoded in pieces, as DecodeTOML decodes them.
func TestDecodeTOMLSplitContent(t *testing.T) {
	for file, key := range map[string]string{"duties.toml": "duty", "services.toml": "service", "boundaries.toml": "matter", "units.toml": "unit"} {
		data, err := os.ReadFile(filepath.Join("..", "content", file))
		if err != nil {
			t.Fatal(err)
		}
		checkSplit(t, string(data))
		var v listFile
		if _, fast := decodeSplit(file, data, key, &v, nil); !fast {
			t.Errorf("%s was not decoded in pieces", file)
		}
	}
}
