package reports

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"qingdan/period"
	"qingdan/source"
)

// Report kinds, as the pipeline and the command line name them.
const (
	KindEvaluation = "evaluation" // 案卷评查报告
	KindFiling     = "filing"     // 重大征收或处罚决定备案报告
)

// File is one output of a report: the PDF or the JSON beside it.
type File struct {
	Name string // such as 2026H1-案卷评查报告.pdf
	Data []byte
}

// Options are what producing a report takes from its caller: where the
// case files and the fonts are, the settings of the rubric and the letters.
// The caller builds them from site.toml; package reports never reads it.
type Options struct {
	CaseFiles string       // folder of case files
	Fonts     FontSettings // the font chain and the faces of GB/T 9704
	Settings  Settings     // rubric thresholds, names, day counting
}

// Produce makes one report from the case files: the PDF and its data as
// JSON. It writes nothing; the pipeline files what it returns.
func Produce(o Options, r Request) ([]File, error) {
	cases, err := LoadChecked(o.CaseFiles)
	if err != nil {
		return nil, err
	}
	if len(cases) == 0 && !r.Issue.Draft {
		// Most likely the folder was set before the case files were put in.
		return nil, noCaseFiles.Error(o.CaseFiles)
	}
	if years := o.Settings.Days.Uncovered(cases); len(years) > 0 {
		return nil, holidaysMissing.Error(YearList(years))
	}
	fonts, err := LoadFonts(o.Fonts)
	if err != nil {
		return nil, err
	}
	return Build(cases, o.Settings, fonts, r)
}

// LoadChecked loads the case files of a folder, failing when any has an
// error.
func LoadChecked(dir string) ([]*Case, error) {
	cases, ps := LoadFolder(dir)
	if ps.HasErrors() {
		return nil, fmt.Errorf("the case files have errors; run \"qingdan report check\" for all of them:\n%s", ps)
	}
	return cases, nil
}

// LoadFolder loads the case files of a folder on disk. Problems name the
// files by their path as given; case files (and so the reports) by the
// folder's name and their path inside it, such as casefiles/a.toml.
func LoadFolder(dir string) ([]*Case, source.Problems) {
	dir = filepath.Clean(dir)
	cases, ps := LoadCases(os.DirFS(filepath.Dir(dir)), filepath.Base(dir))
	return cases, OnDisk(dir, ps)
}

// OnDisk names the files of problems about the case files of the folder
// dir (such as those of GlyphProblems) by their path on disk, as
// LoadFolder's are.
func OnDisk(dir string, ps source.Problems) source.Problems {
	parent := filepath.Dir(filepath.Clean(dir))
	for i := range ps {
		ps[i].Pos.File = filepath.Join(parent, filepath.FromSlash(ps[i].Pos.File))
	}
	return ps
}

// Request is one report to make: its kind and half year, the issue the
// filing office decided, and for a correction the data of the report it
// corrects.
type Request struct {
	Kind     string
	Period   period.Period
	Issue    Issue
	Previous []byte // the JSON of the report Issue.Corrects names; nil: its Changes are as given
}

// Build makes one report from loaded case files: the PDF drawn in the fonts
// and the report's data as JSON, with the issue under "issue". A
// correction given the data of the report it corrects lists what changed
// since, and fails when nothing did.
func Build(cases []*Case, s Settings, fonts *Fonts, r Request) ([]File, error) {
	r.Issue.Date = issueDay(r.Issue.Date)
	data, err := content(cases, s, r)
	if err != nil {
		return nil, err
	}
	// Every ID number in every text of every output, the correction's
	// reason included, is masked before anything is written.
	MaskIDs(data)
	MaskIDs(&r.Issue)
	js, err := dataJSON(data, r.Issue)
	if err != nil {
		return nil, err
	}
	if c := r.Issue.Corrects; c != nil && r.Previous != nil {
		c.Changes, err = Changes(r.Previous, js)
		if err != nil {
			return nil, err
		}
		if len(c.Changes) == 0 {
			return nil, correctionUnchanged.Error(c.Number)
		}
		if js, err = dataJSON(data, r.Issue); err != nil {
			return nil, err
		}
	}
	// The 公文 layout renders the issue (版头, 成文日期, 草稿, 更正) once
	// the correction knows its changes.
	doc := document(data, r.Issue)
	MaskIDs(doc)
	var pdf bytes.Buffer
	if err := RenderPDF(doc, fonts, &pdf); err != nil {
		return nil, err
	}
	base := r.Period.String() + "-" + doc.Title + issueSuffix(r.Issue)
	return []File{
		{Name: base + ".pdf", Data: pdf.Bytes()},
		{Name: base + ".json", Data: js},
	}, nil
}

// content is the data of a report, dated on the day it is issued when the
// issue says so.
func content(cases []*Case, s Settings, r Request) (any, error) {
	date := ""
	if !r.Issue.Date.IsZero() {
		date = fmtDate(dayOf(r.Issue.Date))
	}
	switch r.Kind {
	case KindEvaluation:
		e := Evaluate(cases, s, r.Period)
		if date != "" {
			e.Date = date
		}
		return e, nil
	case KindFiling:
		f := BuildFiling(cases, s, r.Period)
		if date != "" {
			f.Date = date
		}
		return f, nil
	}
	return nil, fmt.Errorf("unknown report %q: want %q or %q", r.Kind, KindEvaluation, KindFiling)
}

// document is the 公文 layout of a report's data (what content returns),
// issued as is says.
func document(data any, is Issue) *Document {
	if f, ok := data.(*Filing); ok {
		return FilingDocument(f, is)
	}
	return EvaluationDocument(data.(*Evaluation), is)
}

// issueDay is the calendar day, in Beijing time, of the moment t a report
// is issued: a 成文日期 is a day, and a report issued twice on one day from
// the same case files is the same bytes.
func issueDay(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	t = t.In(period.Zone)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, period.Zone)
}
