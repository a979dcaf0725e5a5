package output

import (
	"bytes"
	"sync"
)

// fileID tells one file (inode) from another, and counts its names.
type fileID struct{ dev, ino, links uint64 }

// readBuffers hold the chunks of old files being compared with new bytes.
var readBuffers = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// sameBytes reports whether read, called until data is covered, gives
// exactly data.
func sameBytes(read func([]byte) (int, error), data []byte) bool {
	buf := readBuffers.Get().(*[]byte)
	defer readBuffers.Put(buf)
	for rest := data; len(rest) > 0; {
		n, err := read((*buf)[:min(len(*buf), len(rest))])
		if err != nil || n <= 0 || !bytes.Equal((*buf)[:n], rest[:n]) {
			return false
		}
		rest = rest[n:]
	}
	return true
}
