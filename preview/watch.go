package preview

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io/fs"
	"path/filepath"
	"time"
)

// watching is what the watch loop compares against: the notifier and the
// statSum of the watched files as they were when it started.
type watching struct {
	notify *notifier
	stat   [sha256.Size]byte
}

// startWatch arms the notifier and sums the stat of the watched files.
// Run calls it before the first build reads a file: an edit saved while
// that build runs then differs from the sum and brings a rebuild, where a
// sum taken after the build would already hold it and the preview would
// show the old text until the next save.
func (s *Server) startWatch() *watching {
	w := &watching{notify: newNotifier()}
	w.notify.add(s.watchList())
	w.stat = statSum(s.watchList())
	return w
}

// watch rebuilds whenever the watched files change, until ctx is done. The
// search index and open data of a build are made at the next tick without
// a change, so that a quick series of saves is served page by page.
func (s *Server) watch(ctx context.Context, w *watching) {
	every := pollInterval
	if w.notify != nil {
		every = notifiedPoll
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	var rest func()
	var soon <-chan time.Time // the look that makes rest, a pollInterval after a build
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-soon:
		case <-w.notify.events():
		}
		soon = nil
		switch now := statSum(s.watchList()); {
		case now != w.stat:
			// The sum is taken before the build reads the files: an edit
			// saved during the build differs from it and brings another
			// build at the next tick.
			w.stat = now
			r := s.build()
			w.notify.add(s.watchList()) // new folders, or another content folder
			if _, _, failure := s.state(); failure == "" {
				// A failed build leaves the last good site served, and
				// what is left of its build still to do.
				rest = r
				soon = time.After(pollInterval)
			}
		case rest != nil:
			rest()
			rest = nil
		}
	}
}

func (s *Server) watchList() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.watched
}

// statSum sums the names, sizes, modes and modification times of the
// files under each path (a file or a folder, which may not exist): the
// stat of the files, not their bytes. It changes when a file is saved,
// added, removed or renamed.
func statSum(paths []string) [sha256.Size]byte {
	h := sha256.New()
	for _, root := range paths {
		fmt.Fprintf(h, "%s\x00", root)
		filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
			h.Write([]byte(path))
			var info fs.FileInfo
			if err == nil {
				info, err = e.Info()
			}
			if err != nil {
				h.Write([]byte(": " + err.Error() + "\x00"))
				return nil
			}
			var b [25]byte
			binary.LittleEndian.PutUint64(b[1:], uint64(info.Size()))
			binary.LittleEndian.PutUint64(b[9:], uint64(info.Mode()))
			binary.LittleEndian.PutUint64(b[17:], uint64(info.ModTime().UnixNano()))
			h.Write(b[:])
			return nil
		})
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}
