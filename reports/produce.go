package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"qingdan/config"
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

// Produce makes one report of a period from the case files and settings of
// site.toml: the PDF and its data as JSON. It writes nothing; the pipeline
// files what it returns.
func Produce(cfg *config.Config, kind string, p period.Period) ([]File, error) {
	cases, err := LoadConfigured(cfg)
	if err != nil {
		return nil, err
	}
	fonts, err := LoadFonts(FontSettingsOf(cfg))
	if err != nil {
		return nil, err
	}
	return Build(cases, SettingsOf(cfg), kind, p, fonts, Issue{})
}

// LoadConfigured loads the case files of site.toml's [reports] casefiles
// folder, failing when any has an error.
func LoadConfigured(cfg *config.Config) ([]*Case, error) {
	cases, ps := LoadFolder(cfg.Path(cfg.Reports.CaseFiles))
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

// Build makes one report of a period from loaded case files, issued as is
// says: the PDF drawn in the fonts and the report's data as JSON.
func Build(cases []*Case, s Settings, kind string, p period.Period, fonts *Fonts, is Issue) ([]File, error) {
	var data any
	var doc *Document
	switch kind {
	case KindEvaluation:
		e := Evaluate(cases, s, p)
		data, doc = e, EvaluationDocument(e, is)
	case KindFiling:
		f := BuildFiling(cases, s, p)
		data, doc = f, FilingDocument(f, is)
	default:
		return nil, fmt.Errorf("unknown report %q: want %q or %q", kind, KindEvaluation, KindFiling)
	}
	MaskIDs(data) // every ID number in every text of every output
	MaskIDs(doc)
	js, err := json.MarshalIndent(data, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding %s: %w", doc.Title, err)
	}
	var pdf bytes.Buffer
	if err := RenderPDF(doc, fonts, &pdf); err != nil {
		return nil, err
	}
	base := p.String() + "-" + doc.Title
	return []File{
		{Name: base + ".pdf", Data: pdf.Bytes()},
		{Name: base + ".json", Data: append(js, '\n')},
	}, nil
}
