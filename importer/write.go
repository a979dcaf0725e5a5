package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The content files, written in the form content/README.md shows editors:
// one key per line, the keys in the guide's order, a comment at the top.

// tomlString quotes s as a TOML basic string, every character kept.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func tomlList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = tomlString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// tomlLongList writes a list one entry a line, as boundaries.toml's basis.
func tomlLongList(list []string) string {
	if len(list) == 0 {
		return "[]"
	}
	var b strings.Builder
	b.WriteString("[\n")
	for _, s := range list {
		b.WriteString("  " + tomlString(s) + ",\n")
	}
	b.WriteString("]")
	return b.String()
}

func partHead(b *strings.Builder, p Part) {
	fmt.Fprintf(b, "index = %s\npublished = %s\nupdated = %s\n", tomlString(p.Index), date(p.Published), date(p.Updated))
}

func date(t time.Time) string {
	if t.IsZero() {
		t = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.Format("2006-01-02")
}

const (
	unitsHead = `# 本局内设股室和下属单位（units）。
# 每个单位的 id 一经发布就不再改变、不再复用：它出现在网址 /units/<id>/ 中。
# kind 是单位的类别；除股室、站、中心、室、协会、处、所外，另用的类别写在 kinds 里。
# parent 写上级单位的 id，没有上级写 ""。aliases 记录原始文件里出现过的其他写法。
`
	dutiesHead = `# 部门职责（duties）：每条主要职责及其具体工作事项。
# 职责 id 是两位数字，事项 id 是“职责 id-两位数字”；一经发布不再改变、不再复用。
# units 写责任单位的 id（见 units.toml）；原文责任股室为空的事项写 units = []。
# 索引号规则见 content/README.md。
`
	boundariesHead = `# 与相关部门的职责边界（boundaries）：几个部门共同承担的管理事项。
# 每个事项下，每个相关部门一段 [[matter.role]]；本局自己的那一行写 lead = true。
# basis（相关依据）每份文件一条，照原文填写。
# 事项 id 一经发布不再改变、不再复用。
`
	servicesHead = `# 公共服务事项（services）。id 一经发布不再改变、不再复用。
# units 写承办单位的 id；handler 只在原文“承办股室”与单位名称不同时照原文填写，否则留空。
# phones 写本地号码（不含区号），多个号码分开写。
`
	supervisionHead = `# 事中事后监督管理制度这一部分的信息公开记录。
# 每项制度是本文件夹里的一个 .md 文件，文件名 = 两位 id + 英文简称，例如 01-zhidu.md。
`
)

// partText renders the entries of one part (not its publication record),
// to tell whether an import changed it.
func partText(l *List, key string) string {
	files := l.files(false)
	switch key {
	case PartSupervision:
		var b strings.Builder
		for _, s := range l.Systems {
			b.WriteString(files["supervision/"+s.File])
		}
		return b.String()
	default:
		return files[key+".toml"]
	}
}

// files renders the List as content files: name (slash-separated, under
// the content folder) → text. With meta false, the parts' publication
// records are left out.
func (l *List) files(meta bool) map[string]string {
	out := map[string]string{}
	var b strings.Builder
	part := func(key string) {
		if meta {
			partHead(&b, l.Parts[key])
		}
	}

	b.WriteString(unitsHead)
	if len(l.Kinds) > 0 {
		fmt.Fprintf(&b, "\nkinds = %s\n", tomlList(l.Kinds))
	}
	for _, u := range l.Units {
		fmt.Fprintf(&b, "\n[[unit]]\nid = %s\nname = %s\n", tomlString(u.ID), tomlString(u.Name))
		if u.ShortName != "" {
			fmt.Fprintf(&b, "short_name = %s\n", tomlString(u.ShortName))
		}
		fmt.Fprintf(&b, "kind = %s\nparent = %s\n", tomlString(u.Kind), tomlString(u.Parent))
		if u.Phone != "" {
			fmt.Fprintf(&b, "phone = %s\n", tomlString(u.Phone))
		}
		if len(u.Aliases) > 0 {
			fmt.Fprintf(&b, "aliases = %s\n", tomlList(u.Aliases))
		}
		if u.Description != "" {
			fmt.Fprintf(&b, "description = %s\n", tomlString(u.Description))
		}
	}
	out["units.toml"] = b.String()

	b.Reset()
	b.WriteString(dutiesHead + "\n")
	part(PartDuties)
	for _, d := range l.Duties {
		fmt.Fprintf(&b, "\n[[duty]]\nid = %s\n", tomlString(d.ID))
		if d.Title != "" {
			fmt.Fprintf(&b, "title = %s\n", tomlString(d.Title))
		}
		fmt.Fprintf(&b, "text = %s\nnote = %s\n", tomlString(d.Text), tomlString(d.Note))
		for _, it := range d.Items {
			fmt.Fprintf(&b, "\n[[duty.item]]\nid = %s\ntext = %s\nunits = %s\n", tomlString(it.ID), tomlString(it.Text), tomlList(it.Units))
			if it.UnitsNote != "" {
				fmt.Fprintf(&b, "units_note = %s\n", tomlString(it.UnitsNote))
			}
		}
	}
	out["duties.toml"] = b.String()

	b.Reset()
	b.WriteString(boundariesHead + "\n")
	part(PartBoundaries)
	for _, m := range l.Matters {
		fmt.Fprintf(&b, "\n[[matter]]\nid = %s\ntitle = %s\nbasis = %s\ncases = %s\n", tomlString(m.ID), tomlString(m.Title), tomlLongList(m.Basis), tomlLongList(m.Cases))
		for _, r := range m.Roles {
			fmt.Fprintf(&b, "\n[[matter.role]]\ndepartment = %s\nlead = %t\nduty = %s\n", tomlString(r.Department), r.Lead, tomlString(r.Duty))
		}
	}
	out["boundaries.toml"] = b.String()

	b.Reset()
	b.WriteString(servicesHead + "\n")
	part(PartServices)
	for _, s := range l.Services {
		fmt.Fprintf(&b, "\n[[service]]\nid = %s\nname = %s\ncontent = %s\nunits = %s\nhandler = %s\nphones = %s\n",
			tomlString(s.ID), tomlString(s.Name), tomlString(s.Content), tomlList(s.Units), tomlString(s.Handler), tomlList(s.Phones))
	}
	out["services.toml"] = b.String()

	b.Reset()
	b.WriteString(supervisionHead + "\n")
	part(PartSupervision)
	out["supervision/_index.toml"] = b.String()
	for _, s := range l.Systems {
		b.Reset()
		fmt.Fprintf(&b, "+++\nid = %s\ntitle = %s\norder = %d\nsummary = %s\n+++\n\n%s", tomlString(s.ID), tomlString(s.Title), s.Order, tomlString(s.Summary), s.Text)
		out["supervision/"+s.File] = b.String()
	}
	return out
}

// ReportName is the report's file name, beside the content files.
const ReportName = "import-report.txt"

// Write writes the List into the content folder dir and the report beside
// its files, as import-report.txt.
//
// The folder is the import's explicit target: it may not exist yet, be
// empty, or be a content folder (it has units.toml). Any other non-empty
// folder is refused, so that an import never writes into a folder of
// other files. In a content folder, a file whose entries did not change is
// left exactly as it was (with its comments); the others are replaced. A
// file the import does not make (changes.toml, synonyms.toml, a system the
// file no longer has) is never removed: the report lists it.
//
// Every file is written to a temporary file beside it first and renamed
// into place only when all are written, so that a failed import leaves
// the folder as it was.
func Write(dir string, l *List, existing *List, rep *Report) (written []string, err error) {
	if err := checkTarget(dir); err != nil {
		return nil, err
	}
	files := l.files(true)
	var old map[string]string
	if existing != nil {
		old = existing.files(true)
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	type pending struct{ tmp, final string }
	var todo []pending
	defer func() {
		if err != nil {
			for _, p := range todo {
				os.Remove(p.tmp)
			}
		}
	}()
	write := func(name, text string) error {
		final := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
			return err
		}
		f, err := os.CreateTemp(filepath.Dir(final), "."+filepath.Base(final)+".tmp")
		if err != nil {
			return err
		}
		todo = append(todo, pending{f.Name(), final})
		_, err = f.WriteString(text)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	}
	for _, n := range names {
		if old != nil && old[n] == files[n] {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(n))); err == nil {
				rep.file(n, msgFileUnchanged.S())
				continue
			}
		}
		if err := write(n, files[n]); err != nil {
			return nil, errWrite.Error(n, err)
		}
		written = append(written, n)
		if old != nil && old[n] != "" {
			rep.file(n, msgFileReplaced.S())
		} else {
			rep.file(n, msgFileNew.S())
		}
	}
	if existing != nil {
		for n := range old {
			if _, ok := files[n]; !ok {
				rep.file(n, msgFileKept.S())
			}
		}
	}
	if err := write(ReportName, rep.String()); err != nil {
		return nil, errWrite.Error(ReportName, err)
	}
	for _, p := range todo {
		if err := os.Rename(p.tmp, p.final); err != nil {
			return nil, errWrite.Error(p.final, err)
		}
	}
	todo = nil
	return written, nil
}

// checkTarget refuses a folder that holds files but is not a content
// folder.
func checkTarget(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return errWrite.Error(dir, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, "units.toml")); err != nil {
		return errNotContent.Error(dir, strconv.Itoa(len(entries)))
	}
	return nil
}
