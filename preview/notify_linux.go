//go:build linux

package preview

import (
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// notifier tells the watch loop at once that a watched file changed,
// through Linux's inotify, so that a saved edit is rebuilt without waiting
// for the next look. The looks go on all the same: they decide whether
// anything changed, and catch what inotify misses.
type notifier struct {
	fd   int      // for adding watches (f.Fd would make f blocking)
	f    *os.File // for reading events
	wake chan struct{}
}

// notifyMask is what wakes the loop: a file closed after writing, renamed,
// removed or touched, and folders created, removed or moved. A file's
// creation alone does not (see wakes); its writer's close does.
const notifyMask = syscall.IN_CLOSE_WRITE | syscall.IN_MOVED_TO | syscall.IN_MOVED_FROM |
	syscall.IN_DELETE | syscall.IN_CREATE | syscall.IN_ATTRIB | syscall.IN_DELETE_SELF | syscall.IN_MOVE_SELF

// newNotifier starts watching for changes; it returns nil when the system
// will not (inotify's limits reached), and the looks alone then see them.
func newNotifier() *notifier {
	fd, err := syscall.InotifyInit1(syscall.IN_NONBLOCK | syscall.IN_CLOEXEC)
	if err != nil {
		return nil
	}
	// A non-blocking descriptor goes to Go's poller, so that Close ends
	// the Read of the reading goroutine.
	n := &notifier{fd: fd, f: os.NewFile(uintptr(fd), "inotify"), wake: make(chan struct{}, 1)}
	go n.read()
	return n
}

// add watches every folder under paths, and the folder of each file or
// missing path: editors often save a file by writing a new one over it,
// which a watch on the old file would not see. Adding a folder again is
// harmless.
func (n *notifier) add(paths []string) {
	if n == nil {
		return
	}
	for _, root := range paths {
		if info, err := os.Stat(root); err != nil || !info.IsDir() {
			n.addFolder(filepath.Dir(root)) // where the file is, or will be
			continue
		}
		filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
			if err == nil && e.IsDir() {
				n.addFolder(path)
			}
			return nil
		})
	}
}

// addFolder watches one folder; a folder that cannot be watched is left to
// the looks.
func (n *notifier) addFolder(dir string) {
	syscall.InotifyAddWatch(n.fd, dir, notifyMask)
}

// events is the channel that receives a value after changes; nil (never
// ready) without inotify.
func (n *notifier) events() <-chan struct{} {
	if n == nil {
		return nil
	}
	return n.wake
}

// close stops watching.
func (n *notifier) close() {
	if n != nil {
		n.f.Close()
	}
}

// read turns inotify's events into wake-ups until the notifier is closed.
func (n *notifier) read() {
	buf := make([]byte, 64<<10)
	for {
		k, err := n.f.Read(buf)
		if err != nil {
			return
		}
		if wakes(buf[:k]) {
			select {
			case n.wake <- struct{}{}:
			default: // a wake-up is already waiting
			}
		}
	}
}

// wakes reports whether a buffer of inotify events holds one worth a
// look: any but the creation of a file, which is empty until its writer
// closes it (a look then might build from half a file).
func wakes(events []byte) bool {
	for len(events) >= syscall.SizeofInotifyEvent {
		mask := binary.NativeEndian.Uint32(events[4:8])
		if mask&syscall.IN_CREATE == 0 || mask&syscall.IN_ISDIR != 0 {
			return true
		}
		size := syscall.SizeofInotifyEvent + int(binary.NativeEndian.Uint32(events[12:16]))
		if size > len(events) {
			return true
		}
		events = events[size:]
	}
	return false
}
