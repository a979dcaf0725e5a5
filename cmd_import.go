package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"qingdan/config"
	"qingdan/generator"
	"qingdan/importer"
	"qingdan/period"
	"qingdan/source"
)

const importUsage = `
Usage: qingdan import [-out content] [-dry-run] FILE.docx|FILE.xlsx

Read a responsibility list kept in Word (.docx) or Excel (.xlsx) and write
it as content files: units.toml, duties.toml, boundaries.toml,
services.toml and supervision/. Tables are found by their header row
(序号, 主要职责, 具体工作事项, 责任股室, 管理事项, 相关部门, 职责分工,
服务事项, 主要内容, 承办股室（单位）, 联系电话 …); merged cells and rows
a page break split are joined as the document shows them. The data/
qingdan.xlsx file of a built site reads back into the same content.

The report, import-report.txt beside the content files, says what became
of every table, row and cell, and why any cell was left out.

-out is an empty or new folder, or a content folder (it has units.toml):
then entries whose text matches keep their ids, files whose content did not
change are left as they were, and files the import does not make
(changes.toml, synonyms.toml) are kept. Any other folder is refused.
Nothing is written when anything fails.

Examples:
  qingdan import 责任清单.docx -dry-run         # print the report only
  qingdan import 责任清单.docx -out content     # write content/ and content/import-report.txt
  qingdan import public/data/qingdan.xlsx      # read the site's own Excel file back
`

func runImport(ctx context.Context, args []string) error {
	fs := newFlags("import", importUsage)
	cfgPath := fs.String("config", "site.toml", "the site's configuration `file`, for the default -out")
	out := fs.String("out", "", "the content `folder` to write (default: content in site.toml, else ./content)")
	dry := fs.Bool("dry-run", false, "print the report and write nothing")
	// The file may come before or after the flags.
	var files []string
	for {
		if err := parseFlags(fs, args, 1<<30); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		files, args = append(files, fs.Arg(0)), fs.Args()[1:]
	}
	switch {
	case len(files) == 0:
		return usageError{msgImportNoFile.S()}
	case len(files) > 1:
		return usageError{msgImportTwoFiles.S(files[1])}
	}
	file := files[0]
	start := time.Now()
	cfg, _ := config.Load(*cfgPath)
	if cfg == nil {
		cfg = &config.Config{Content: "content", Dir: "."}
	}
	target := *out
	if target == "" {
		target = cfg.Path(cfg.Content)
	}
	if err := importer.CheckName(file); err != nil {
		return err
	}
	lim := importer.DefaultLimits
	data, err := readLimited(file, lim.FileSize)
	if err != nil {
		return err
	}
	existing, err := existingContent(cfg, target)
	if err != nil {
		return err
	}
	opt := importer.Options{Existing: existing, Kinds: generator.DefaultUnitKinds, Now: time.Now().In(period.Zone), Limits: lim}
	list, rep, err := importer.Import(file, data, opt)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if *dry {
		fmt.Print(rep.String())
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	written, err := importer.Write(target, list, existing, rep)
	if err != nil {
		return err
	}
	c := rep.Counts()
	items := 0
	for _, d := range list.Duties {
		items += len(d.Items)
	}
	fmt.Fprintln(os.Stderr, msgImportDone.S(filepath.Base(file), len(list.Units), len(list.Duties), items, len(list.Matters), len(list.Services), len(list.Systems),
		len(written), target, c.Cells, c.Used, c.Blank, c.Left, time.Since(start).Round(time.Millisecond)))
	fmt.Fprintln(os.Stderr, msgImportNext.S(filepath.Join(target, importer.ReportName)))
	return nil
}

// readLimited reads a file, refusing one over the limit before reading it.
func readLimited(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, msgImportCannotRead.Error(name, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > limit {
		return nil, msgImportTooBig.Error(name, st.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = msgImportTooBig.Error(name, len(data), limit)
	}
	return data, err
}

// existingContent reads the target folder's content when it is a content
// folder, so that matching entries keep their ids; nil when it is not one.
// Content with errors is refused: the import cannot tell what it holds.
func existingContent(cfg *config.Config, dir string) (*importer.List, error) {
	if _, err := os.Stat(filepath.Join(dir, "units.toml")); err != nil {
		return nil, nil
	}
	at := *cfg
	at.Content = dir // problems name the folder as given
	site, ps := generator.Load(os.DirFS(dir), &at)
	if ps.HasErrors() {
		var errs source.Problems
		for _, p := range ps {
			if p.Severity == source.Error {
				errs = append(errs, p)
			}
		}
		fmt.Fprint(os.Stderr, errs.String())
		return nil, msgImportBadTarget.Error(dir)
	}
	return contentList(site), nil
}

// contentList turns a loaded site into the importer's plain model.
func contentList(site *generator.Site) *importer.List {
	l := &importer.List{Parts: map[string]importer.Part{}}
	l.Kinds = site.Kinds[len(generator.DefaultUnitKinds):]
	for _, u := range site.Units {
		iu := importer.Unit{ID: u.ID, Name: u.Name, Kind: u.Kind, Phone: u.Phone, Aliases: u.Aliases, Description: u.Description}
		if u.ShortName != u.Name {
			iu.ShortName = u.ShortName
		}
		if u.Parent != nil {
			iu.Parent = u.Parent.ID
		}
		l.Units = append(l.Units, iu)
	}
	for _, d := range site.Duties {
		id := importer.Duty{ID: d.ID, Text: d.Text, Note: d.Note}
		if d.Title != generator.DutyTitle(d.Text) {
			id.Title = d.Title
		}
		for _, it := range d.Items {
			id.Items = append(id.Items, importer.Item{ID: it.ID, Text: it.Text, Units: unitIDs(it.Units), UnitsNote: it.UnitsNote})
		}
		l.Duties = append(l.Duties, id)
	}
	for _, m := range site.Matters {
		im := importer.Matter{ID: m.ID, Title: m.Title, Basis: m.Basis, Cases: m.Cases}
		for _, r := range m.Roles {
			im.Roles = append(im.Roles, importer.Role{Department: r.Department, Lead: r.Lead, Duty: r.Duty})
		}
		l.Matters = append(l.Matters, im)
	}
	for _, s := range site.Services {
		l.Services = append(l.Services, importer.Service{ID: s.ID, Name: s.Name, Content: s.Content, Units: unitIDs(s.Units), Handler: s.Handler, Phones: s.Phones})
	}
	for _, s := range site.Systems {
		file := filepath.Base(filepath.FromSlash(s.File))
		l.Systems = append(l.Systems, importer.System{ID: s.ID, Title: s.Title, Order: s.Order, Summary: s.Summary, Text: s.Text, File: file})
	}
	for key, p := range site.Parts {
		l.Parts[key] = importer.Part{Index: p.Index, Published: p.Published, Updated: p.Updated}
	}
	return l
}

func unitIDs(units []*generator.Unit) []string {
	ids := []string{}
	for _, u := range units {
		ids = append(ids, u.ID)
	}
	return ids
}
