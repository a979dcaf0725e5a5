package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"qingdan/period"
)

// Ledger events.
const (
	Produced       = "produced"        // a filing was made: its files and their SHA-256
	ProduceFailed  = "produce_failed"  // an attempt to produce failed; the period stays due
	Delivered      = "delivered"       // a filing reached a channel
	DeliveryFailed = "delivery_failed" // an attempt to deliver failed; it stays pending
)

// Delivery channels.
const (
	Outbox = "outbox" // the outbox folder, always
	Email  = "email"  // SMTP, when configured
)

// Record is one line of the ledger.
type Record struct {
	Event    string        `json:"event"`
	Kind     string        `json:"kind"`
	Period   period.Period `json:"period"`
	At       time.Time     `json:"at"`
	Due      time.Time     `json:"due,omitzero"`       // produced: when the period fell due
	Late     bool          `json:"late,omitempty"`     // produced: on a later day than due
	Files    []FileSum     `json:"files,omitempty"`    // produced
	Version  int           `json:"version,omitempty"`  // 1 (or 0, in older ledgers) for a first filing, 2… for its corrections
	Number   string        `json:"number,omitempty"`   // produced: the 文号 it was issued under
	Seq      int           `json:"seq,omitempty"`      // produced: the n of the 文号, counted per year of At
	Corrects string        `json:"corrects,omitempty"` // produced correction: the 文号 (or version) it corrects
	Reason   string        `json:"reason,omitempty"`   // produced correction: why
	Channel  string        `json:"channel,omitempty"`
	Attempt  int           `json:"attempt,omitempty"` // *_failed: 1 for the first failure
	Error    string        `json:"error,omitempty"`   // *_failed
}

// FileSum is one file of a filing as the ledger records it.
type FileSum struct {
	Name   string `json:"name"`
	Size   int    `json:"size"`
	SHA256 string `json:"sha256"` // lowercase hex
}

// Ledger is the append-only record of filings and deliveries, a JSON Lines
// file. Only the holder of the pipeline lock opens it for writing.
type Ledger struct {
	path    string
	f       *os.File
	records []Record
}

// ReadLedger reads the records of the ledger at path; a missing file is an
// empty ledger. A last line without its final newline is a record when it
// is a whole, valid one (an editor or a copy may drop the newline); cut
// short by a crash, it was never committed: it is left out, and torn
// describes it for the operator. Any complete line that is not a record is
// an error naming its line.
func ReadLedger(path string) (records []Record, torn string, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", fmt.Errorf("reading ledger: %w", err)
	}
	records, n, err := parseLedger(path, data)
	if err != nil {
		return nil, "", err
	}
	if n < len(data) {
		torn = fmt.Sprintf("%s: ignoring %d bytes of an unfinished last line, left by a crash while writing: %.60q", path, len(data)-n, data[n:])
	}
	return records, torn, nil
}

// parseLedger parses the lines of data and returns how many bytes the
// records take; any bytes after them are a torn last line. A last line
// without a newline that is a whole valid record counts.
func parseLedger(path string, data []byte) ([]Record, int, error) {
	var records []Record
	line, off := 1, 0
	for off < len(data) {
		n := bytes.IndexByte(data[off:], '\n')
		last := n < 0
		if last {
			n = len(data) - off
		}
		text := bytes.TrimSpace(data[off : off+n])
		if len(text) > 0 {
			r, err := parseRecord(text)
			if last && err != nil {
				break // torn: never committed
			}
			if err != nil {
				return nil, 0, fmt.Errorf("%s:%d: %v", path, line, err)
			}
			records = append(records, r)
		}
		off += n
		if !last {
			off++
		}
		line++
	}
	return records, off, nil
}

// parseRecord decodes and checks one line of the ledger.
func parseRecord(text []byte) (Record, error) {
	var r Record
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return Record{}, fmt.Errorf("not a ledger record: %v; restore the ledger from a backup, or remove the line if it is not a filing", err)
	}
	if dec.More() {
		return Record{}, fmt.Errorf("not a ledger record: more than one value on the line")
	}
	return r, r.check()
}

func (r Record) check() error {
	switch r.Event {
	case Produced, ProduceFailed, Delivered, DeliveryFailed:
	default:
		return fmt.Errorf("unknown ledger event %q", r.Event)
	}
	if r.Kind == "" || r.Period.Half == 0 || r.At.IsZero() {
		return fmt.Errorf("%s record lacks kind, period or time", r.Event)
	}
	return nil
}

// OpenLedger opens the ledger at path for appending, creating it if need
// be. A torn last line is cut off (it was never committed) and reported in
// torn; the caller must hold the pipeline lock.
func OpenLedger(path string) (l *Ledger, torn string, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, "", fmt.Errorf("opening ledger: %w", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		f.Close()
		return nil, "", fmt.Errorf("reading ledger: %w", err)
	}
	records, n, err := parseLedger(path, data)
	if err != nil {
		f.Close()
		return nil, "", err
	}
	if n < len(data) {
		torn = fmt.Sprintf("%s: removed %d bytes of an unfinished last line, left by a crash while writing: %.60q", path, len(data)-n, data[n:])
		if err := f.Truncate(int64(n)); err == nil {
			err = f.Sync()
		}
		if err != nil {
			f.Close()
			return nil, "", fmt.Errorf("cutting the unfinished last line of the ledger: %w", err)
		}
		data = data[:n]
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		// A whole last record without its newline: end its line, so that
		// the next record starts one of its own.
		if _, err := f.Write([]byte{'\n'}); err == nil {
			err = f.Sync()
		}
		if err != nil {
			f.Close()
			return nil, "", fmt.Errorf("ending the last line of the ledger: %w", err)
		}
	}
	return &Ledger{path: path, f: f, records: records}, torn, nil
}

// Append writes r as one line and syncs it to disk; the record counts only
// once Append has returned nil.
func (l *Ledger) Append(r Record) error {
	if err := r.check(); err != nil {
		return err
	}
	line, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("writing ledger: %w", err)
	}
	line = append(line, '\n')
	if _, err := l.f.Write(line); err != nil {
		return fmt.Errorf("writing ledger: %w", err)
	}
	if err := l.f.Sync(); err != nil {
		return fmt.Errorf("writing ledger: %w", err)
	}
	l.records = append(l.records, r)
	return nil
}

// Records returns the records in the order they were written.
func (l *Ledger) Records() []Record { return l.records }

// Close closes the ledger file.
func (l *Ledger) Close() error { return l.f.Close() }

// attempts counts the failures of one step (producing, or delivering on
// one channel) since it last succeeded.
type attempts struct {
	N     int       // failed attempts
	Last  time.Time // time of the last failure
	Error string    // its message
}

// filing is what the ledger says about one version of one report kind for
// one period.
type filing struct {
	Kind      string
	Period    period.Period
	Version   int                  // 1 for the first filing
	Produced  *Record              // nil until produced
	Failed    attempts             // failed attempts to produce
	Delivered map[string]time.Time // channel -> when
	Pending   map[string]attempts  // channel -> failed attempts to deliver
}

// key names a filing.
type key struct {
	Kind    string
	Period  period.Period
	Version int
}

// version is the record's version, 1 for records of older ledgers.
func (r Record) version() int { return max(r.Version, 1) }

// filings folds the ledger's records into one filing per (kind, period).
func filings(records []Record) map[key]*filing {
	m := map[key]*filing{}
	for i := range records {
		r := &records[i]
		k := key{r.Kind, r.Period, r.version()}
		f := m[k]
		if f == nil {
			f = &filing{Kind: r.Kind, Period: r.Period, Version: k.Version, Delivered: map[string]time.Time{}, Pending: map[string]attempts{}}
			m[k] = f
		}
		switch r.Event {
		case Produced:
			if f.Produced == nil {
				f.Produced = r
			}
		case ProduceFailed:
			if f.Produced == nil {
				f.Failed = attempts{N: f.Failed.N + 1, Last: r.At, Error: r.Error}
			}
		case Delivered:
			if _, done := f.Delivered[r.Channel]; !done {
				f.Delivered[r.Channel] = r.At
			}
			delete(f.Pending, r.Channel)
		case DeliveryFailed:
			if _, done := f.Delivered[r.Channel]; !done {
				a := f.Pending[r.Channel]
				f.Pending[r.Channel] = attempts{N: a.N + 1, Last: r.At, Error: r.Error}
			}
		}
	}
	return m
}
