package generator

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"
)

// A county's rebuild renders only the departments whose pages could have
// changed. Each department's pages and files are a function of its
// inputs: what its list was loaded from (Department.Inputs), what the
// county sets in it (countyInputs: the county it links to, the departments
// and links its boundaries resolve to), the theme's files and the program
// itself. A build writes the sum of these for each department into the
// site (inputsFile); the next build carries a department's folder over
// from the site it replaces, unchanged, when the sum is the same and the
// folder is whole (FolderKeeper), and renders it otherwise. The sums are
// SHA-256, the same in every process; the file is part of the site it
// describes, so it is replaced together with it, in one step.

// FolderKeeper is an Output that holds the site being replaced and can
// carry whole folders of it into the new site, such as output.Dir.
type FolderKeeper interface {
	Output
	// Current returns a file of the site being replaced.
	Current(name string) ([]byte, error)
	// KeepFolder carries every file of the folder dir of the site being
	// replaced into the new site, or none, and reports which.
	KeepFolder(dir string) bool
}

// inputsFile holds, in a county's site, the input sum of each department
// that the site was rendered from.
const inputsFile = ".qingdan-inputs"

const inputsHead = "qingdan inputs 1: the sum of what each department's files were made from (由 qingdan 生成)"

// countyInputs calls add with what the county sets in a department's
// list: the county it links to, and the department and link of every row
// of its boundaries (county_boundaries.go), which depend on the other
// departments' lists.
func countyInputs(site *Site, add func(...string)) {
	if c := site.Config.County; c != nil {
		add(c.Name, c.Root, c.Department)
	}
	for _, m := range site.Matters {
		for _, r := range m.Roles {
			add(r.Dept, r.Link)
		}
	}
}

// departmentSums returns the input sum of every department of the county
// site, by id; nil when they cannot be made (a department loaded through
// the preview's Loader, or the program's file unreadable).
func departmentSums(site *Site, theme fs.FS) (map[string]string, error) {
	program, err := programSum()
	if err != nil {
		return nil, nil
	}
	th := sha256.New()
	if err := eachFile(theme, func(name string, data []byte) error {
		fmt.Fprintf(th, "%s\x00%d\x00", name, len(data))
		th.Write(data)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	themeSum := th.Sum(nil)
	sums := map[string]string{}
	for _, d := range site.County.Departments {
		if d.Inputs == [sha256.Size]byte{} {
			return nil, nil
		}
		h := sha256.New()
		h.Write(program)
		h.Write(themeSum)
		h.Write(d.Inputs[:])
		countyInputs(d.Site, func(ss ...string) {
			for _, s := range ss {
				fmt.Fprintf(h, "%d\x00%s", len(s), s)
			}
			h.Write([]byte{1})
		})
		sums[d.ID] = hex.EncodeToString(h.Sum(nil))
	}
	return sums, nil
}

// programSum is the SHA-256 of this program's executable: another build of
// qingdan may render the same content differently.
var programSum = sync.OnceValues(func() ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
})

// keptSums reads the input sums of the site out replaces, if it has them.
func keptSums(out FolderKeeper) map[string]string {
	data, err := out.Current(inputsFile)
	if err != nil {
		return nil
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	if !sc.Scan() || sc.Text() != inputsHead {
		return nil
	}
	sums := map[string]string{}
	for sc.Scan() {
		id, sum, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			return nil
		}
		sums[id] = sum
	}
	return sums
}

// inputsBytes is inputsFile for the sums of the departments, in order.
func inputsBytes(site *Site, sums map[string]string) []byte {
	var b bytes.Buffer
	b.WriteString(inputsHead + "\n")
	for _, d := range site.County.Departments {
		b.WriteString(d.ID + " " + sums[d.ID] + "\n")
	}
	return b.Bytes()
}
