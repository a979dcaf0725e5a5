package reports

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

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
// case files and the font are, the settings of the rubric and the letters,
// and the issue (文号, date, draft, correction) the filing office decided.
// The caller builds them from site.toml; package reports never reads it.
type Options struct {
	CaseFiles string   // folder of case files
	Font      string   // TrueType font; empty: well-known system paths
	Settings  Settings // rubric thresholds, names, day counting
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
	font, err := FindFont(o.Font)
	if err != nil {
		return nil, err
	}
	return Build(cases, o.Settings, font, r)
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
	parent := filepath.Dir(dir)
	cases, ps := LoadCases(os.DirFS(parent), filepath.Base(dir))
	for i := range ps {
		ps[i].Pos.File = filepath.Join(parent, filepath.FromSlash(ps[i].Pos.File))
	}
	return cases, ps
}

// Request is one report to make: its kind and half year, the issue the
// filing office decided, and for a correction the data of the report it
// corrects.
type Request struct {
	Kind     string
	Period   period.Period
	Issue    Issue
	Previous []byte // the JSON of the report Issue.Corrects names; nil otherwise
}

// Build makes one report from loaded case files: the PDF drawn in the font
// and the report's data as JSON, with the issue under "issue". A
// correction lists what changed since the report it corrects, and fails
// when nothing did.
func Build(cases []*Case, s Settings, font *Font, r Request) ([]File, error) {
	data, doc, err := content(cases, s, r)
	if err != nil {
		return nil, err
	}
	js, err := dataJSON(data, r.Issue)
	if err != nil {
		return nil, err
	}
	if c := r.Issue.Corrects; c != nil {
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
	markIssue(doc, r.Issue)
	var pdf bytes.Buffer
	if err := RenderPDF(doc, font, &pdf); err != nil {
		return nil, err
	}
	base := r.Period.String() + "-" + doc.Title + issueSuffix(r.Issue)
	return []File{
		{Name: base + ".pdf", Data: pdf.Bytes()},
		{Name: base + ".json", Data: js},
	}, nil
}

// content is the data of a report and its layout, dated on the day it is
// issued when the issue says so.
func content(cases []*Case, s Settings, r Request) (any, *Document, error) {
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
		return e, EvaluationDocument(e), nil
	case KindFiling:
		f := BuildFiling(cases, s, r.Period)
		if date != "" {
			f.Date = date
		}
		return f, FilingDocument(f), nil
	}
	return nil, nil, fmt.Errorf("unknown report %q: want %q or %q", r.Kind, KindEvaluation, KindFiling)
}
