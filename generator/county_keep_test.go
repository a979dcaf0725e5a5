package generator

import (
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"

	"qingdan/themes"
)

// keepingOutput is a FolderKeeper over the site prev: it notes which
// folders it kept and which files were written.
type keepingOutput struct {
	memOutput
	prev    memOutput
	kept    []string
	written []string
}

func (k *keepingOutput) WriteFile(name string, data []byte) error {
	memOutputs.Lock()
	k.written = append(k.written, name)
	memOutputs.Unlock()
	return k.memOutput.WriteFile(name, data)
}

func (k *keepingOutput) Current(name string) ([]byte, error) {
	if data, ok := k.prev[name]; ok {
		return data, nil
	}
	return nil, fs.ErrNotExist
}

func (k *keepingOutput) KeepFolder(dir string) bool {
	n := 0
	for name, data := range k.prev {
		if strings.HasPrefix(name, dir+"/") {
			if err := k.memOutput.WriteFile(name, data); err != nil {
				return false
			}
			n++
		}
	}
	k.kept = append(k.kept, dir)
	return n > 0
}

// renderKeeping renders site over the site prev (nil for none).
func renderKeeping(t *testing.T, site *Site, prev memOutput) *keepingOutput {
	t.Helper()
	out := &keepingOutput{memOutput: memOutput{}, prev: prev}
	if err := Render(site, themes.Default(), out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCountyKeepsUnchangedDepartments: a county's rebuild carries over the
// folder of every department whose inputs are those the replaced site was
// made from, and renders the others; the site is the one a build from
// nothing makes. An edit of the police's role in a matter both list
// changes the police's folder and keeps the bureau's, whose rows link the
// police's entry as before.
func TestCountyKeepsUnchangedDepartments(t *testing.T) {
	site, ps := countySite(t, "负责收养登记后办理落户手续。")
	if site == nil {
		t.Fatal(ps)
	}
	first := renderKeeping(t, site, nil)
	if len(first.kept) != 0 || first.memOutput[inputsFile] == nil {
		t.Fatalf("a build from nothing kept %v, or wrote no %s", first.kept, inputsFile)
	}
	again := renderKeeping(t, site, first.memOutput)
	if !slices.Equal(again.kept, []string{"rkjs", "gaj"}) {
		t.Errorf("the same content again kept %v, not both departments", again.kept)
	}
	for _, name := range again.written {
		if strings.HasPrefix(name, "rkjs/") || strings.HasPrefix(name, "gaj/") {
			t.Errorf("the same content again wrote %s, in a kept department", name)
		}
	}
	if !sameFiles(again.memOutput, first.memOutput) {
		t.Error("the same content again made another site")
	}

	edited, ps := countySite(t, "负责收养登记后的户口迁移。")
	if edited == nil {
		t.Fatal(ps)
	}
	after := renderKeeping(t, edited, again.memOutput)
	fresh := renderKeeping(t, edited, nil)
	if !slices.Equal(after.kept, []string{"rkjs"}) {
		t.Errorf("after an edit of the police's list, kept %v, not the bureau's alone", after.kept)
	}
	if !slices.ContainsFunc(after.written, func(n string) bool { return strings.HasPrefix(n, "gaj/boundaries/") }) {
		t.Error("the police's edited matter was not rendered again")
	}
	if !sameFiles(after.memOutput, fresh.memOutput) {
		t.Error("after the police's edit, the site is not the one a build from nothing makes")
	}

	// The police drop the matter 收养登记: the bureau's row for them no
	// longer links anywhere, so the bureau's folder is made again too.
	police := policeFS(t, "负责收养登记后办理落户手续。")
	police["boundaries.toml"].Data = []byte(strings.SplitN(string(police["boundaries.toml"].Data), "[[matter]]", 3)[0] +
		"[[matter]]" + strings.SplitN(string(police["boundaries.toml"].Data), "[[matter]]", 3)[2])
	dropped, ps := countyOf(t, "site.toml", countySiteTOML, map[string]fs.FS{"rkjs": fixtureFS(t), "gaj": police}, nil)
	if dropped == nil {
		t.Fatal(ps)
	}
	last := renderKeeping(t, dropped, after.memOutput)
	if len(last.kept) != 0 {
		t.Errorf("after the police dropped a matter the bureau links, kept %v", last.kept)
	}
	if !sameFiles(last.memOutput, renderKeeping(t, dropped, nil).memOutput) {
		t.Error("after the police dropped a matter, the site is not the one a build from nothing makes")
	}

	// A replaced site whose sums are not ours keeps nothing.
	broken := maps.Clone(first.memOutput)
	broken[inputsFile] = []byte("something else\nrkjs x\n")
	if k := renderKeeping(t, site, broken); len(k.kept) != 0 {
		t.Errorf("a foreign %s kept %v", inputsFile, k.kept)
	}
}
