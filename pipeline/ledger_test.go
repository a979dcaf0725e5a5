package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	line1 = `{"event":"produced","kind":"evaluation","period":"2025H2","at":"2026-01-20T10:00:00+08:00","late":true,"files":[{"name":"a.pdf","size":3,"sha256":"ab"}]}` + "\n"
	line2 = `{"event":"delivered","kind":"evaluation","period":"2025H2","at":"2026-01-20T10:00:01+08:00","channel":"outbox"}` + "\n"
)

func TestLedgerRead(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		records  int
		torn     string // substring of the torn report; "" for none
		wantErr  string
		keepSize int // file size after OpenLedger
	}{
		{"empty", "", 0, "", "", 0},
		{"clean", line1 + line2, 2, "", "", len(line1 + line2)},
		{"blank lines", line1 + "\n" + line2, 2, "", "", len(line1 + "\n" + line2)},
		{"torn record", line1 + line2[:40], 1, "ignoring 40 bytes", "", len(line1)},
		{"torn first record", line1[:50], 0, "ignoring 50 bytes", "", 0},
		{"zeros after crash", line1 + "\x00\x00\x00\x00", 1, "ignoring 4 bytes", "", len(line1)},
		// A whole record is kept whatever its line ending; opening ends its line.
		{"complete record without newline", line1 + strings.TrimSuffix(line2, "\n"), 2, "", "", len(line1 + line2)},
		{"complete record, CRLF", line1 + strings.TrimSuffix(line2, "\n") + "\r\n", 2, "", "", len(line1+line2) + 1},
		{"complete first record without newline", strings.TrimSuffix(line1, "\n"), 1, "", "", len(line1)},
		{"garbage line", line1 + "{not json\n" + line2, 0, "", "ledger.jsonl:2: not a ledger record", 0},
		{"unknown field", `{"event":"produced","kind":"x","period":"2025H2","at":"2026-01-20T10:00:00+08:00","by":"me"}` + "\n", 0, "", ":1: not a ledger record", 0},
		{"unknown event", `{"event":"filed","kind":"x","period":"2025H2","at":"2026-01-20T10:00:00+08:00"}` + "\n", 0, "", `:1: unknown ledger event "filed"`, 0},
		{"bad period", `{"event":"produced","kind":"x","period":"2025H3","at":"2026-01-20T10:00:00+08:00"}` + "\n", 0, "", "halves H1 and H2 only", 0},
		{"no kind", `{"event":"produced","period":"2025H2","at":"2026-01-20T10:00:00+08:00"}` + "\n", 0, "", "lacks kind", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ledger.jsonl")
			os.WriteFile(path, []byte(tt.data), 0o644)
			records, torn, err := ReadLedger(path)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ReadLedger error %v, want %q", err, tt.wantErr)
				}
				if _, _, err := OpenLedger(path); err == nil {
					t.Fatal("OpenLedger accepted a corrupt ledger")
				}
				return
			}
			if err != nil || len(records) != tt.records || (tt.torn == "") != (torn == "") || !strings.Contains(torn, tt.torn) {
				t.Fatalf("ReadLedger = %d records, torn %q, %v; want %d, %q", len(records), torn, err, tt.records, tt.torn)
			}
			// Opening for writing cuts the torn tail, so the next record
			// starts on a line of its own.
			l, torn, err := OpenLedger(path)
			if err != nil || (tt.torn == "") != (torn == "") {
				t.Fatalf("OpenLedger: torn %q, %v", torn, err)
			}
			if fi, _ := os.Stat(path); fi.Size() != int64(tt.keepSize) {
				t.Errorf("size after open %d, want %d", fi.Size(), tt.keepSize)
			}
			r := records
			next := Record{Event: Delivered, Kind: "filing", Period: h2025, At: at(t, "2026-01-21 10:00"), Channel: Email}
			if err := l.Append(next); err != nil {
				t.Fatal(err)
			}
			l.Close()
			again, torn, err := ReadLedger(path)
			if err != nil || torn != "" || len(again) != len(r)+1 || again[len(r)].Channel != Email {
				t.Fatalf("after append: %d records, torn %q, %v", len(again), torn, err)
			}
		})
	}
}

func TestLedgerMissingIsEmpty(t *testing.T) {
	records, torn, err := ReadLedger(filepath.Join(t.TempDir(), "none.jsonl"))
	if err != nil || torn != "" || records != nil {
		t.Fatalf("ReadLedger of a missing file = %v, %q, %v", records, torn, err)
	}
}

func FuzzLedger(f *testing.F) {
	for _, s := range []string{"", line1, line1 + line2, line1 + line2[:30], "{}\n", "\n\n", `{"event":"produced"}` + "\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		records, n, err := parseLedger("ledger.jsonl", data)
		if err != nil {
			return
		}
		// Records end at a newline, or at the end of the data when the
		// last line is a whole record (or blank); a torn tail has no
		// newline in it.
		if n < 0 || n > len(data) || (n > 0 && n < len(data) && data[n-1] != '\n') || bytes.IndexByte(data[n:], '\n') >= 0 {
			t.Fatalf("complete lines end at %d of %d bytes", n, len(data))
		}
		if n == len(data) && n > 0 && data[n-1] != '\n' {
			last := data[bytes.LastIndexByte(data, '\n')+1:]
			if _, err := parseRecord(bytes.TrimSpace(last)); err != nil && len(bytes.TrimSpace(last)) > 0 {
				t.Fatalf("a last line without newline that is not a record was kept: %q", last)
			}
		}
		for _, r := range records {
			if r.check() != nil {
				t.Fatalf("record %+v passed parsing but fails check", r)
			}
		}
	})
}
