package pipeline

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "update golden files")

func TestStatus(t *testing.T) {
	clock := &fakeClock{now: at(t, "2026-07-06 12:00")}
	o := options(t, clock, &fakeReports{})
	o.Mail = &SMTP{Host: "mail.weixian.gov.cn"}
	o.Ledger = filepath.Join(t.TempDir(), "ledger.jsonl") // a name the golden file can show
	l, _, err := OpenLedger(o.Ledger)
	if err != nil {
		t.Fatal(err)
	}
	files := []FileSum{{Name: "2025H2-案卷评查报告.pdf", Size: 1234, SHA256: "9f86d081884c7d65"}}
	for _, r := range []Record{
		{Event: Produced, Kind: "evaluation", Period: h2025, At: at(t, "2026-01-20 10:00"), Due: at(t, "2026-01-05 09:00"), Late: true, Files: files},
		{Event: Produced, Kind: "filing", Period: h2025, At: at(t, "2026-01-20 10:00"), Due: at(t, "2026-01-10 09:00"), Late: true, Files: files},
		{Event: Delivered, Kind: "evaluation", Period: h2025, At: at(t, "2026-01-20 10:00"), Channel: Outbox},
		{Event: Delivered, Kind: "filing", Period: h2025, At: at(t, "2026-01-20 10:00"), Channel: Outbox},
		{Event: DeliveryFailed, Kind: "evaluation", Period: h2025, At: at(t, "2026-01-20 10:00"), Channel: Email, Attempt: 1, Error: "451 4.3.0 mailbox busy"},
		{Event: Delivered, Kind: "evaluation", Period: h2025, At: at(t, "2026-01-20 10:10"), Channel: Email},
		{Event: DeliveryFailed, Kind: "filing", Period: h2025, At: at(t, "2026-01-20 10:00"), Channel: Email, Attempt: 1, Error: "550 5.1.1 no such user"},
		{Event: DeliveryFailed, Kind: "filing", Period: h2025, At: at(t, "2026-01-20 10:10"), Channel: Email, Attempt: 2, Error: "550 5.1.1 no such user"},
		{Event: ProduceFailed, Kind: "evaluation", Period: h2026, At: at(t, "2026-07-05 09:00"), Attempt: 1, Error: "producing evaluation 2026H1: casefiles/2026-003.toml:4:1: missing 决定书"},
	} {
		if err := l.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	l.Close()
	// A crash tore the last line.
	f, _ := os.OpenFile(o.Ledger, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"event":"produced","kind":"filing","per`)
	f.Close()

	var b bytes.Buffer
	if err := WriteStatus(&b, o, clock.Now()); err != nil {
		t.Fatal(err)
	}
	got := bytes.ReplaceAll(b.Bytes(), []byte(filepath.Dir(o.Ledger)), []byte("DIR"))
	golden := filepath.Join("testdata", "status.golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile(golden, got, 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("status:\n%s\nwant:\n%s", got, want)
	}
}
