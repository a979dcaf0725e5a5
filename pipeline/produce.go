package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"qingdan/output"
	"qingdan/period"
)

// produce makes, stages and commits the first filing of kind for per,
// which fell due at due (zero when it has no schedule).
func (p *Pipeline) produce(ctx context.Context, kind string, per period.Period, due time.Time) (Record, error) {
	return p.produceIssue(ctx, kind, per, due, p.issue(p.now(), 1))
}

// produceIssue makes, stages and commits one version of a filing. When a
// first filing fails it records a produce_failed line, unless ctx was
// cancelled, and returns the error.
func (p *Pipeline) produceIssue(ctx context.Context, kind string, per period.Period, due time.Time, is Issue) (Record, error) {
	files, err := p.call(ctx, kind, per, is)
	if err == nil {
		err = checkNames(files)
	}
	if err == nil && is.Corrects != nil {
		err = checkNewNames(files, p.ledger.Records(), per)
	}
	var rec Record
	if err == nil {
		rec, err = p.commit(kind, per, due, files, is)
	}
	if err == nil {
		late := ""
		if rec.Late {
			late = " (late)"
		}
		p.o.Log.Printf("filed %s %v%s: %d files", kind, per, late, len(rec.Files))
		return rec, nil
	}
	err = fmt.Errorf("producing %s %v: %w", kind, per, err)
	if ctx.Err() != nil {
		p.o.Log.Printf("%v; stopped before filing, nothing was filed", err)
		return Record{}, err
	}
	if is.Version > 1 {
		// A correction is made by hand: its refusal or failure goes back to
		// the person, and nothing retries it.
		return Record{}, err
	}
	p.o.Log.Print(err)
	n := p.version(kind, per, is.Version).Failed.N + 1
	if lerr := p.ledger.Append(Record{Event: ProduceFailed, Kind: kind, Period: per, Version: is.Version, At: p.now(), Attempt: n, Error: err.Error()}); lerr != nil {
		p.o.Log.Print(lerr)
	}
	return Record{}, err
}

// call runs the Producer, turning a panic into an error.
func (p *Pipeline) call(ctx context.Context, kind string, per period.Period, is Issue) (files []File, err error) {
	defer func() {
		if r := recover(); r != nil {
			files, err = nil, fmt.Errorf("report producer panicked: %v", r)
		}
	}()
	return p.o.Produce(ctx, kind, per, is)
}

// checkNewNames refuses a correction whose files would take the name of a
// file already filed for the period: nothing filed is ever replaced.
func checkNewNames(files []File, records []Record, per period.Period) error {
	for _, r := range records {
		if r.Event != Produced || r.Period != per {
			continue
		}
		for _, old := range r.Files {
			for _, f := range files {
				if f.Name == old.Name {
					return errCorrectionName.Error(f.Name)
				}
			}
		}
	}
	return nil
}

// checkNames refuses file names that are not plain, visible, distinct
// names: they become paths in the outbox and attachment names in e-mail.
func checkNames(files []File) error {
	if len(files) == 0 {
		return fmt.Errorf("the report producer gave no files")
	}
	seen := map[string]bool{}
	for _, f := range files {
		if f.Name == "" || strings.ContainsAny(f.Name, `/\`) || strings.HasPrefix(f.Name, ".") || seen[f.Name] {
			return fmt.Errorf("the report producer gave a bad or repeated file name %q", f.Name)
		}
		seen[f.Name] = true
	}
	return nil
}

// commit stages the files and appends the "produced" record: the commit
// point of a filing.
func (p *Pipeline) commit(kind string, per period.Period, due time.Time, files []File, is Issue) (Record, error) {
	stage := p.stageDir(kind, per, is.Version)
	// A staging folder left here was never committed: a killed attempt.
	if err := os.RemoveAll(stage); err != nil {
		return Record{}, fmt.Errorf("removing an unfinished attempt: %w", err)
	}
	if err := os.MkdirAll(stage, 0o755); err != nil {
		return Record{}, fmt.Errorf("creating staging folder: %w", err)
	}
	var sums []FileSum
	for _, f := range files {
		if err := output.WriteFile(filepath.Join(stage, f.Name), f.Data, 0o644); err != nil {
			return Record{}, err
		}
		sums = append(sums, FileSum{Name: f.Name, Size: len(f.Data), SHA256: sumOf(f.Data)})
	}
	// The new folders' names must be on disk before the ledger says the
	// files exist.
	for dir := filepath.Dir(stage); ; dir = filepath.Dir(dir) {
		if err := output.SyncPath(dir); err != nil {
			return Record{}, fmt.Errorf("syncing staging folder: %w", err)
		}
		if dir == filepath.Clean(p.o.Outbox) || dir == filepath.Dir(dir) {
			break
		}
	}
	now := is.Date
	rec := Record{Event: Produced, Kind: kind, Period: per, At: now, Due: due, Late: !due.IsZero() && isLate(due, now), Files: sums,
		Number: is.Number, Seq: is.Seq, Reason: is.Reason}
	if is.Version > 1 {
		rec.Version = is.Version
		rec.Corrects = is.Corrects.Number
		if rec.Corrects == "" {
			rec.Corrects = fmt.Sprintf("v%d", is.Version-1)
		}
	}
	if err := p.ledger.Append(rec); err != nil {
		return Record{}, err
	}
	return rec, nil
}

// stageDir is where the files of a filing wait between production and
// outbox delivery.
func (p *Pipeline) stageDir(kind string, per period.Period, version int) string {
	if version > 1 {
		kind += "-v" + strconv.Itoa(version)
	}
	return filepath.Join(p.o.Outbox, ".staging", per.String(), kind)
}
