// Package output writes a rendered site so that readers never see half of it.
//
// Dir builds a whole site in a temporary directory beside the target and
// swaps it into place in one step when Commit is called: a failed, aborted or
// killed run leaves the previous site exactly as it was. The swap is
// renameat2(RENAME_EXCHANGE) on Linux and renamex_np(RENAME_SWAP) on macOS;
// where there is no such call (Windows) it is two renames that never leave a
// half-written site in the target's place (swapByRenames). LockFile is the
// one file lock of qingdan (flock, or LockFileEx on Windows), used by Dir and
// by the report pipeline. Files whose bytes did
// not change keep their old modification time, so rsync and CDN uploads only
// carry what changed. Files are not synced one by one as they are written:
// Commit syncs the whole new site with one call (syncfs(2) on Linux) before
// the swap, so that the swapped-in site also survives a power cut. Several
// goroutines may write into one Dir at once.
//
// WriteFile replaces one file atomically (temp file, fsync, rename).
//
// Dir.KeepFolder carries a folder of the current site into the new one as
// it is (the files its manifest lists, every one still there), for a
// rebuild that knows that part would come out the same.
//
// Memory holds a site in memory for the preview server; a rebuild is written
// beside the served site and swapped in by Commit, and files whose bytes did
// not change keep their identity (ETag and time).
//
// Names given to Dir.WriteFile and Memory.WriteFile are slash-separated paths
// relative to the site root, such as "duties/01/index.html"; names that are
// absolute or climb out of the root ("../x") are refused.
package output

import (
	"fmt"
	"io/fs"
)

// Stats counts what a commit did to the site.
type Stats struct {
	Written   int // files in the new site
	Changed   int // files that are new or whose bytes changed
	Unchanged int // files whose bytes (and mtime) were kept
	Removed   int // files of the old site that the new one no longer has
}

func (s Stats) String() string {
	return statsText.S(s.Written, s.Changed, s.Unchanged, s.Removed)
}

// checkName refuses a site file name that is not a clean relative slash path.
func checkName(name string) error {
	if name == "." || !fs.ValidPath(name) {
		return fmt.Errorf("bad output file name %q: want a relative slash path inside the site, such as \"duties/01/index.html\"", name)
	}
	return nil
}
