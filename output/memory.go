package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"time"
)

// File is one file of a site held in memory. It is never modified once made.
type File struct {
	Data    []byte
	ETag    string    // strong HTTP validator of Data, quoted
	ModTime time.Time // when these bytes were first written
}

// Memory is a site held in memory, as the preview server serves it. A
// rebuild writes the next site with WriteFile while the current one is still
// read with Open, then Commit swaps it in (or Discard drops it). Files whose
// bytes did not change are kept as they were, with their ETag and time.
// Memory is safe for concurrent use.
type Memory struct {
	mu      sync.RWMutex
	files   map[string]*File // the current site
	next    map[string]*File // the site being written; nil when none
	version uint64
	// Of next, counted as it is written so that Commit need not look at
	// every file: the files that are the current site's as they were, and
	// the names the current site has.
	unchanged, carried int
}

// NewMemory returns an empty site.
func NewMemory() *Memory {
	return &Memory{files: map[string]*File{}}
}

// WriteFile adds the file name (a slash path such as "duties/01/index.html")
// to the next site. It keeps its own copy of data.
func (m *Memory) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	cur, had := m.files[name]
	if had && bytes.Equal(cur.Data, data) {
		m.put(name, cur, cur, true)
		return nil
	}
	sum := sha256.Sum256(data)
	m.put(name, &File{
		Data:    bytes.Clone(data),
		ETag:    `"` + hex.EncodeToString(sum[:12]) + `"`,
		ModTime: time.Now(),
	}, cur, had)
	return nil
}

// put adds f as name to the next site, where the current site has cur
// (had reports whether it has the name), and counts it.
func (m *Memory) put(name string, f, cur *File, had bool) {
	if m.next == nil {
		m.next = make(map[string]*File, len(m.files))
	}
	if old, dup := m.next[name]; dup { // written twice: the last counts
		if old == cur {
			m.unchanged--
		}
		if had {
			m.carried--
		}
	}
	m.next[name] = f
	if f == cur {
		m.unchanged++
	}
	if had {
		m.carried++
	}
}

// Keep adds the current site's file name to the next site as it is, and
// reports whether the current site has it. The preview keeps the pages an
// edit did not touch instead of rendering them again.
func (m *Memory) Keep(name string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	f, ok := m.files[name]
	if !ok {
		return false
	}
	m.put(name, f, f, true)
	return true
}

// Commit makes the files written since the last Commit or Discard the
// current site, and counts what changed. The version goes up only when some
// file was added, changed or removed.
func (m *Memory) Commit() Stats {
	m.mu.Lock()
	defer m.mu.Unlock()
	next := m.next
	if next == nil {
		next = map[string]*File{}
	}
	st := Stats{Written: len(next), Unchanged: m.unchanged, Changed: len(next) - m.unchanged, Removed: len(m.files) - m.carried}
	m.files, m.next = next, nil
	m.unchanged, m.carried = 0, 0
	if st.Changed+st.Removed > 0 {
		m.version++
	}
	return st
}

// Discard drops the files written since the last Commit; the current site
// stays as it was.
func (m *Memory) Discard() {
	m.mu.Lock()
	m.next = nil
	m.unchanged, m.carried = 0, 0
	m.mu.Unlock()
}

// Open returns the current site's file name.
func (m *Memory) Open(name string) (*File, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	f, ok := m.files[name]
	return f, ok
}

// Version counts the commits that changed the site; it starts at 0 for the
// empty site.
func (m *Memory) Version() uint64 {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.version
}
