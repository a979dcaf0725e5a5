package output

import (
	"path/filepath"
	"testing"
	"time"
	"os"
)

func TestPhases(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	writeVersion(target, 1)
	for v := 2; v < 5; v++ {
		t0 := time.Now()
		d, _ := NewDir(target)
		t1 := time.Now()
		d.Abort()
		writeVersion(target, v)
		t2 := time.Now()
		t.Log(t1.Sub(t0), t2.Sub(t1))
	}
	t0 := time.Now()
	syncTree(target)
	t.Log("synctree", time.Since(t0))
	t0 = time.Now()
	syncDir(target)
	t.Log("syncdir", time.Since(t0))
	f, _ := os.Create(filepath.Join(target, "x"))
	f.Write([]byte("hello"))
	t0 = time.Now()
	f.Sync()
	t.Log("fsync file", time.Since(t0))
}
