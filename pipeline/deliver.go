package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"qingdan/output"
)

// deliver delivers every produced filing still pending: into the outbox,
// then by e-mail when a Mailer is set. Steps whose last failure is too
// recent are left for later; wake learns when.
func (p *Pipeline) deliver(ctx context.Context, wake *soonest) {
	all := filings(p.ledger.Records())
	var list []*filing
	for _, f := range all {
		if f.Produced != nil {
			list = append(list, f)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.Period != b.Period {
			return a.Period.Before(b.Period)
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Version < b.Version
	})
	var toMail []*filing
	for _, f := range list {
		if ctx.Err() != nil {
			return
		}
		if _, done := f.Delivered[Outbox]; !done {
			if retry := p.retryAt(f.Pending[Outbox]); p.now().Before(retry) {
				wake.add(retry)
				continue
			}
			if !p.record(f, Outbox, p.toOutbox(f), wake) {
				continue
			}
		}
		if _, done := f.Delivered[Email]; p.o.Mail != nil && !done {
			if retry := p.retryAt(f.Pending[Email]); p.now().Before(retry) {
				wake.add(retry)
				continue
			}
			toMail = append(toMail, f)
		}
	}
	// One message per period, with every filing of it that is waiting.
	for len(toMail) > 0 && ctx.Err() == nil {
		n := 1
		for n < len(toMail) && toMail[n].Period == toMail[0].Period {
			n++
		}
		group := toMail[:n]
		toMail = toMail[n:]
		m, err := p.message(group)
		if err == nil {
			err = p.o.Mail.Send(ctx, m)
		}
		if err != nil && ctx.Err() != nil {
			return // stopped mid-send: neither delivered nor failed
		}
		for _, f := range group {
			p.record(f, Email, err, wake)
		}
	}
}

// record appends the outcome of one delivery attempt to the ledger and
// reports whether it succeeded.
func (p *Pipeline) record(f *filing, channel string, err error, wake *soonest) bool {
	r := Record{Event: Delivered, Kind: f.Kind, Period: f.Period, At: p.now(), Channel: channel}
	if f.Version > 1 {
		r.Version = f.Version
	}
	if err != nil {
		a := f.Pending[channel]
		r.Event, r.Attempt, r.Error = DeliveryFailed, a.N+1, err.Error()
		p.o.Log.Printf("delivering %s %v by %s, attempt %d: %v", f.Kind, f.Period, channel, r.Attempt, err)
		wake.add(p.retryAt(attempts{N: r.Attempt, Last: r.At}))
	} else {
		p.o.Log.Printf("delivered %s %v by %s", f.Kind, f.Period, channel)
	}
	if lerr := p.ledger.Append(r); lerr != nil {
		p.o.Log.Print(lerr)
		return false
	}
	if err != nil {
		return false
	}
	// The outbox's own record learns of the delivery too, so that a lost
	// ledger never delivers it again.
	f.Delivered[channel] = r.At
	if ferr := p.writeFiled(f); ferr != nil {
		p.o.Log.Printf("recording the delivery of %s %v in %s: %v", f.Kind, f.Period, filedDir, ferr)
	}
	return true
}

// toOutbox moves the staged files of a filing into outbox/<period>/ after
// checking them against the ledger. Files already there with the filed
// hash are left alone, so a delivery cut short by a crash completes.
func (p *Pipeline) toOutbox(f *filing) error {
	rec := f.Produced
	dir := filepath.Join(p.o.Outbox, rec.Period.String())
	stage := p.stageDir(rec.Kind, rec.Period, f.Version)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// What the outbox holds, it records first.
	if err := p.writeFiled(f); err != nil {
		return err
	}
	for _, f := range rec.Files {
		final := filepath.Join(dir, f.Name)
		sum, err := hashFile(final)
		if err == nil {
			if sum == f.SHA256 {
				continue
			}
			return fmt.Errorf("%s is not the filed file (its sha256 differs from the ledger's %s); move it away, and the filed copy is delivered at the next attempt", final, f.SHA256)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		staged := filepath.Join(stage, f.Name)
		if sum, err := hashFile(staged); err != nil || sum != f.SHA256 {
			return fmt.Errorf("the filed copy %s is missing or changed since filing (want sha256 %s); restore it from a backup", staged, f.SHA256)
		}
		if err := os.Rename(staged, final); err != nil {
			return err
		}
	}
	if err := output.SyncPath(dir); err != nil {
		return err
	}
	os.RemoveAll(stage)
	// The period's staging folder and .staging itself go once empty.
	os.Remove(filepath.Dir(stage))
	os.Remove(filepath.Dir(filepath.Dir(stage)))
	return nil
}

// message builds the e-mail for filings of one period, reading the files
// back from the outbox and checking them against the ledger.
func (p *Pipeline) message(group []*filing) (Message, error) {
	per := group[0].Period
	var files []File
	var list strings.Builder
	id := sha256.New()
	for _, f := range group {
		for _, want := range f.Produced.Files {
			path := filepath.Join(p.o.Outbox, per.String(), want.Name)
			data, err := os.ReadFile(path)
			if err != nil {
				return Message{}, err
			}
			if sumOf(data) != want.SHA256 {
				return Message{}, fmt.Errorf("%s has changed since filing (want sha256 %s); restore the filed copy", path, want.SHA256)
			}
			files = append(files, File{Name: want.Name, Data: data})
			fmt.Fprintf(&list, "  %s（%d 字节，SHA-256 %s）\r\n", want.Name, want.Size, want.SHA256)
			id.Write([]byte(want.SHA256))
		}
	}
	half := map[int]string{1: "上半年", 2: "下半年"}[per.Half]
	what := "报送材料"
	for _, f := range group {
		if f.Version > 1 {
			what = "报送材料（更正）"
		}
		if n := f.Produced.Number; n != "" {
			fmt.Fprintf(&list, "  文号：%s\r\n", n)
		}
		if f.Version > 1 {
			fmt.Fprintf(&list, "  更正 %s，原因：%s\r\n", f.Produced.Corrects, f.Produced.Reason)
		}
	}
	return Message{
		Subject: fmt.Sprintf("%s%s：%d年%s（%v）", p.o.Org, what, per.Year, half, per),
		Body: fmt.Sprintf("县政府法制办：\r\n\r\n现报送%s%d年%s（%v）的以下材料，请查收：\r\n\r\n%s\r\n附件与报送台账所记 SHA-256 一致。本邮件由 qingdan 报送流水线发送。\r\n",
			p.o.Org, per.Year, half, per, list.String()),
		Files: files,
		Date:  p.now(),
		ID:    fmt.Sprintf("%v.%x@qingdan", per, id.Sum(nil)[:8]),
	}, nil
}

// hashFile returns the SHA-256 of the file at path, in lowercase hex.
func hashFile(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return sumOf(data), nil
}

// sumOf is the SHA-256 of data in lowercase hex, as the ledger records it.
func sumOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
