package generator

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"hash/maphash"
	"io/fs"
	"path/filepath"
	"sort"
	"sync"

	"qingdan/config"
	"qingdan/source"
)

// A county's preview loads after every edit, and an edit touches one
// department's folder. Loading a folder is a pure function of its
// department's configuration and of the files the load read, so a
// Loader keeps each department's last load with a sum of everything it
// read (each file's bytes, each folder's listing, or the error it got)
// and gives the same site again while those sums are the same: the other
// departments are not decoded or validated again. The sums are of the
// bytes, never of modification times.

// folderLoad is one department's last load through a Loader.
type folderLoad struct {
	config []byte       // the department's configuration, as JSON
	reads  []folderRead // what the load read, in name order
	site   *Site
	ps     source.Problems
}

// folderRead is one file or folder a load read, and the sum of what it found.
type folderRead struct {
	name string
	dir  bool
	sum  uint64
}

// loadDepartment is Load of one department's folder fsys with the
// department's configuration dc, reusing the Loader's last load of the
// folder at key when it read the same.
func (ld *Loader) loadDepartment(key string, fsys fs.FS, dc *config.Config) (*Site, source.Problems) {
	conf, err := json.Marshal(dc)
	if err != nil {
		conf = nil // never equal to a kept load's
	}
	ld.mu.Lock()
	last := ld.folders[key]
	ld.mu.Unlock()
	guarded := source.Guard(fsys)
	if last != nil && conf != nil && string(conf) == string(last.config) && sameReads(guarded, last.reads) {
		return last.site, last.ps
	}
	rec := newRecordingFS(guarded, false)
	l := &loader{fsys: rec, prefix: filepath.ToSlash(dc.Content), cache: &ld.cache}
	site, ps := l.load(dc)
	load := &folderLoad{config: conf, reads: rec.list(), site: site, ps: ps}
	ld.mu.Lock()
	if ld.folders == nil {
		ld.folders = map[string]*folderLoad{}
	}
	ld.folders[key] = load
	ld.mu.Unlock()
	return site, ps
}

// forgetDepartments drops the kept loads of folders not in keys.
func (ld *Loader) forgetDepartments(keys map[string]bool) {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	for k := range ld.folders {
		if !keys[k] {
			delete(ld.folders, k)
		}
	}
}

// sameReads reports whether reading fsys again finds what reads found.
func sameReads(fsys fs.FS, reads []folderRead) bool {
	for _, r := range reads {
		if observe(fsys, r.name, r.dir) != r.sum {
			return false
		}
	}
	return true
}

// loadSeed is the seed of the sums of what loads read: they are compared
// only within one process.
var loadSeed = maphash.MakeSeed()

// observe sums what reading the file (or listing the folder) name of
// fsys finds.
func observe(fsys fs.FS, name string, dir bool) uint64 {
	if dir {
		entries, err := fs.ReadDir(fsys, name)
		return sumListing(entries, err)
	}
	data, err := fs.ReadFile(fsys, name)
	return sumFile(data, err)
}

func sumFile(data []byte, err error) uint64 {
	if err != nil {
		return maphash.String(loadSeed, "error\x00"+err.Error())
	}
	return maphash.Bytes(loadSeed, data)
}

func sumListing(entries []fs.DirEntry, err error) uint64 {
	var h maphash.Hash
	h.SetSeed(loadSeed)
	if err != nil {
		h.WriteString("error\x00" + err.Error())
	}
	for _, e := range entries {
		h.WriteString(e.Name())
		h.WriteByte(byte(e.Type() >> 24))
		h.WriteByte(0)
	}
	return h.Sum64()
}

// recordingFS is a content folder that notes what is read from it.
type recordingFS struct {
	fsys   fs.FS
	stable bool // sums that are the same in every process (stableSum), for a build
	mu     sync.Mutex
	reads  map[folderRead]uint64 // the read (without its sum) -> its sum
}

func newRecordingFS(fsys fs.FS, stable bool) *recordingFS {
	return &recordingFS{fsys: fsys, stable: stable, reads: map[folderRead]uint64{}}
}

// sumFile and sumListing with this folder's kind of sum.
func (r *recordingFS) sumFile(data []byte, err error) uint64 {
	if r.stable {
		if err != nil {
			return stableSum([]byte("error\x00" + err.Error()))
		}
		return stableSum(data)
	}
	return sumFile(data, err)
}

func (r *recordingFS) sumListing(entries []fs.DirEntry, err error) uint64 {
	if !r.stable {
		return sumListing(entries, err)
	}
	var b []byte
	if err != nil {
		b = append(b, "error\x00"+err.Error()...)
	}
	for _, e := range entries {
		b = append(append(b, e.Name()...), byte(e.Type()>>24), 0)
	}
	return stableSum(b)
}

// stableSum is the first 8 bytes of the SHA-256 of b.
func stableSum(b []byte) uint64 {
	sum := sha256.Sum256(b)
	return binary.LittleEndian.Uint64(sum[:8])
}

func (r *recordingFS) note(name string, dir bool, sum uint64) {
	r.mu.Lock()
	r.reads[folderRead{name: name, dir: dir}] = sum
	r.mu.Unlock()
}

// Open notes what reading the whole file finds: a caller that opens a
// file may look at its size and not read it.
func (r *recordingFS) Open(name string) (fs.File, error) {
	f, err := r.fsys.Open(name)
	if err == nil {
		var data []byte
		data, err = fs.ReadFile(r.fsys, name)
		r.note(name, false, r.sumFile(data, err))
		return f, nil
	}
	r.note(name, false, r.sumFile(nil, err))
	return f, err
}

// ReadFile implements fs.ReadFileFS.
func (r *recordingFS) ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(r.fsys, name)
	r.note(name, false, r.sumFile(data, err))
	return data, err
}

// ReadDir implements fs.ReadDirFS.
func (r *recordingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(r.fsys, name)
	r.note(name, true, r.sumListing(entries, err))
	return entries, err
}

// inputs sums, with stable sums, the configuration a folder was loaded
// with and all that was read from it; the zero sum when the configuration
// cannot be encoded.
func (r *recordingFS) inputs(dc *config.Config) [sha256.Size]byte {
	conf, err := json.Marshal(dc)
	if err != nil || !r.stable {
		return [sha256.Size]byte{}
	}
	h := sha256.New()
	h.Write(conf)
	for _, read := range r.list() {
		var b [10]byte
		binary.LittleEndian.PutUint64(b[:8], read.sum)
		if read.dir {
			b[8] = 1
		}
		h.Write([]byte(read.name))
		h.Write(b[:])
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// list is what was read, in a fixed order.
func (r *recordingFS) list() []folderRead {
	out := make([]folderRead, 0, len(r.reads))
	for read, sum := range r.reads {
		read.sum = sum
		out = append(out, read)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].name != out[j].name {
			return out[i].name < out[j].name
		}
		return !out[i].dir
	})
	return out
}
