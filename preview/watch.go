package preview

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"path/filepath"
)

// fingerprint sums the names, sizes, modes and modification times of the
// files under each path (a file or a folder, which may not exist). It changes
// when a file is saved, added, removed or renamed.
func fingerprint(paths []string) [sha256.Size]byte {
	h := sha256.New()
	for _, root := range paths {
		fmt.Fprintf(h, "%s\x00", root)
		filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(h, "%s: %v\x00", path, err)
				return nil
			}
			info, err := e.Info()
			if err != nil {
				fmt.Fprintf(h, "%s: %v\x00", path, err)
				return nil
			}
			fmt.Fprintf(h, "%s %d %v %d\x00", path, info.Size(), info.Mode(), info.ModTime().UnixNano())
			return nil
		})
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}
