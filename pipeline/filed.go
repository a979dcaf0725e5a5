package pipeline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"qingdan/output"
)

// The outbox keeps its own record of what it holds: for every filing, one
// file outbox/.filed/<period>-<kind>-v<version>.json with the ledger's
// "produced" record and when each channel delivered it. It is written
// before the filing's files enter the outbox and again after each
// delivery, so a ledger that is deleted, emptied or replaced by an old
// backup is noticed (Open refuses to file again) and rebuilt by Recover.
const filedDir = ".filed"

// ErrLedgerLost is returned (wrapped) by Open when the outbox holds
// filings or deliveries the ledger lacks.
var ErrLedgerLost = errors.New("the ledger lacks filings the outbox holds")

// Filing is the outbox's record of one filing.
type Filing struct {
	Produced  Record               `json:"produced"`
	Delivered map[string]time.Time `json:"delivered"` // channel -> when
}

func (f Filing) key() key { return key{f.Produced.Kind, f.Produced.Period, f.Produced.version()} }

// filedPath is where the outbox records the filing named by k.
func (p *Pipeline) filedPath(k key) string {
	return filepath.Join(p.o.Outbox, filedDir, fmt.Sprintf("%v-%s-v%d.json", k.Period, k.Kind, k.Version))
}

// writeFiled records, in the outbox, a produced filing and its deliveries.
func (p *Pipeline) writeFiled(f *filing) error {
	rec := Filing{Produced: *f.Produced, Delivered: f.Delivered}
	data, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return err
	}
	path := p.filedPath(key{f.Kind, f.Period, f.Version})
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return output.WriteFile(path, append(data, '\n'), 0o644)
}

// backfillFiled writes the outbox's record of every filing the ledger
// says is in the outbox and the outbox has no record of: filings made
// before the outbox kept its own record are protected from a lost ledger
// from now on.
func (p *Pipeline) backfillFiled() {
	filed, err := ReadFiled(p.o.Outbox)
	if err != nil {
		p.o.Log.Print(err)
		return
	}
	have := map[key]bool{}
	for _, f := range filed {
		have[f.key()] = true
	}
	for k, f := range filings(p.ledger.Records()) {
		if _, in := f.Delivered[Outbox]; in && f.Produced != nil && !have[k] {
			if err := p.writeFiled(f); err != nil {
				p.o.Log.Printf("recording %s %v in %s: %v", f.Kind, f.Period, filedDir, err)
			}
		}
	}
}

// ReadFiled reads the outbox's records of what it holds, oldest first; a
// missing folder holds none.
func ReadFiled(outbox string) ([]Filing, error) {
	dir := filepath.Join(outbox, filedDir)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Filing
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		var f Filing
		if err := json.Unmarshal(data, &f); err != nil {
			return nil, errFiledBad.Error(path, err)
		}
		if f.Produced.Event != Produced {
			return nil, errFiledBad.Error(path, "no produced record")
		}
		if err := f.Produced.check(); err != nil {
			return nil, errFiledBad.Error(path, err)
		}
		out = append(out, f)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Produced.At.Before(out[j].Produced.At) })
	return out, nil
}

// Missing lists what the outbox's records hold and the ledger's records
// lack: a filing the ledger never produced, or a delivery it never made.
// Each is a line for people.
func Missing(records []Record, filed []Filing) []string {
	ledger := filings(records)
	var out []string
	for _, f := range filed {
		k := f.key()
		l := ledger[k]
		if l == nil || l.Produced == nil {
			out = append(out, fmt.Sprintf("%v %s v%d %s", k.Period, k.Kind, k.Version, f.Produced.Number))
			continue
		}
		for _, ch := range channels(f.Delivered) {
			if _, ok := l.Delivered[ch]; !ok {
				out = append(out, fmt.Sprintf("%v %s v%d %s", k.Period, k.Kind, k.Version, ch))
			}
		}
	}
	return out
}

// channels lists the channels of a delivery map in a fixed order.
func channels(m map[string]time.Time) []string {
	var out []string
	for ch := range m {
		out = append(out, ch)
	}
	sort.Strings(out)
	return out
}

// lostError is the error of a ledger that lacks what the outbox holds.
type lostError struct{ text string }

func (e lostError) Error() string        { return e.text }
func (e lostError) Is(target error) bool { return target == ErrLedgerLost }

// checkLedger fails with ErrLedgerLost when the outbox holds what the
// ledger lacks.
func checkLedger(path string, records []Record, outbox string) error {
	filed, err := ReadFiled(outbox)
	if err != nil {
		return err
	}
	if m := Missing(records, filed); len(m) > 0 {
		return lostError{errLedgerLost.S(path, len(m), strings.Join(m, "；"))}
	}
	return nil
}

// Recover takes the pipeline lock and appends to the ledger every record
// the outbox's records hold and the ledger lacks: the produced filing
// (with its number, so numbers are never given again) and its deliveries.
// It never removes or changes a record, and returns how many it added.
func Recover(o Options) (int, error) {
	if err := os.MkdirAll(filepath.Dir(o.Ledger), 0o755); err != nil {
		return 0, fmt.Errorf("creating ledger folder: %w", err)
	}
	lockf, err := lock(o.Ledger + ".lock")
	if err != nil {
		return 0, err
	}
	defer lockf.Close()
	l, _, err := OpenLedger(o.Ledger)
	if err != nil {
		return 0, err
	}
	defer l.Close()
	filed, err := ReadFiled(o.Outbox)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, f := range filed {
		ledger := filings(l.Records())[f.key()]
		if ledger == nil || ledger.Produced == nil {
			if err := l.Append(f.Produced); err != nil {
				return n, err
			}
			n++
			ledger = filings(l.Records())[f.key()]
		}
		for _, ch := range channels(f.Delivered) {
			if _, ok := ledger.Delivered[ch]; ok {
				continue
			}
			r := Record{Event: Delivered, Kind: f.Produced.Kind, Period: f.Produced.Period, Version: f.Produced.Version, At: f.Delivered[ch], Channel: ch}
			if err := l.Append(r); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}
