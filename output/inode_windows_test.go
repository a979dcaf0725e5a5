package output

import "testing"

// inode returns the file index of the file at p, Windows's inode number.
func inode(t *testing.T, p string) uint64 {
	t.Helper()
	id, err := pathID(p)
	if err != nil {
		t.Fatal(err)
	}
	return id.ino
}
