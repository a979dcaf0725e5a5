package reports

import (
	"io/fs"
	"path/filepath"
)

// ExampleMarker is the file that marks a folder of case files as
// fictitious examples: reports of it can be drafted, never filed.
const ExampleMarker = "示例.txt"

// IsExample reports whether the folder of case files, or any folder in
// it (case files are read from subfolders too), holds the example marker.
func IsExample(dir string) bool {
	found := false
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() == ExampleMarker {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// RefuseExample fails when the folder holds example case files: the
// ledger and the pipeline file only the bureau's own.
func RefuseExample(dir string) error {
	if IsExample(dir) {
		return exampleRefused.Error(dir, ExampleMarker)
	}
	return nil
}
