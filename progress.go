package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"qingdan/generator"
	"qingdan/output"
)

// progress passes a build's files on to another Output and counts them.
// On an interactive terminal it redraws one progress line ten times a
// second (files done of the total, rate); elsewhere (logs, CI, pipes) it
// prints nothing until Done writes the one-line summary.
//
// Counting is one atomic add per file and the line is drawn by its own
// goroutine, so progress costs the build nothing measurable. WriteFile may
// be called from several goroutines at once, as generator.Output says.
type progress struct {
	out   generator.Output
	w     io.Writer
	total int // files expected; 0 when unknown
	start time.Time
	files atomic.Int64
	bytes atomic.Int64

	tty  bool
	stop chan struct{}
	wg   sync.WaitGroup
	once sync.Once
}

// redrawEvery is how often the progress line is redrawn on a terminal.
const redrawEvery = 100 * time.Millisecond

// newProgress wraps out; total is the number of files the build is
// expected to write (0 when unknown: the line then shows the count and
// rate only). The progress line appears only when w is a terminal.
// Call Done after a successful build, or Stop after a failed one.
func newProgress(w io.Writer, out generator.Output, total int) *progress {
	return startProgress(w, out, total, isTerminal(w))
}

// startProgress is newProgress with the terminal test made by the caller.
func startProgress(w io.Writer, out generator.Output, total int, tty bool) *progress {
	p := &progress{out: out, w: w, total: total, start: time.Now(), tty: tty, stop: make(chan struct{})}
	if p.tty {
		p.wg.Add(1)
		go p.redraw()
	}
	return p
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0 && os.Getenv("TERM") != "dumb"
}

// WriteFile passes the file on and counts it.
// Current and KeepFolder pass on to the output, when it keeps folders
// (generator.FolderKeeper).
func (p *progress) Current(name string) ([]byte, error) {
	if k, ok := p.out.(generator.FolderKeeper); ok {
		return k.Current(name)
	}
	return nil, os.ErrNotExist
}

func (p *progress) KeepFolder(dir string) bool {
	k, ok := p.out.(generator.FolderKeeper)
	return ok && k.KeepFolder(dir)
}

func (p *progress) WriteFile(name string, data []byte) error {
	if err := p.out.WriteFile(name, data); err != nil {
		return err
	}
	p.files.Add(1)
	p.bytes.Add(int64(len(data)))
	return nil
}

func (p *progress) redraw() {
	defer p.wg.Done()
	t := time.NewTicker(redrawEvery)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			fmt.Fprint(p.w, "\r\033[K"+p.line(time.Since(p.start)))
		}
	}
}

// line is the progress line after elapsed time.
func (p *progress) line(elapsed time.Duration) string {
	n := p.files.Load()
	rate := ""
	if s := elapsed.Seconds(); s > 0 {
		rate = progressRate.S(float64(n) / s)
	}
	if p.total > 0 {
		pct := min(100, n*100/int64(p.total))
		return progressTotal.S(n, p.total, pct, rate)
	}
	return progressCount.S(n, rate)
}

// Stop ends the progress line and clears it from the terminal.
func (p *progress) Stop() {
	p.once.Do(func() {
		close(p.stop)
		p.wg.Wait()
		if p.tty {
			fmt.Fprint(p.w, "\r\033[K")
		}
	})
}

// Done stops the progress line and prints the build's summary: where it
// went, the files written and changed, their size, and the time since
// start (when the build began, before loading the content).
func (p *progress) Done(target string, st output.Stats, start time.Time) {
	p.Stop()
	fmt.Fprintln(p.w, buildDone.S(target, st, sizeOf(p.bytes.Load()), time.Since(start).Round(time.Millisecond)))
}

// sizeOf prints a byte count for people: "812 KB", "41.2 MB".
func sizeOf(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}
