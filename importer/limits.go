package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
)

// Limits bound what an import reads, checked before anything is parsed:
// .docx and .xlsx files are zip archives, and a small archive can unpack
// into gigabytes (a zip bomb).
type Limits struct {
	FileSize    int64 // the file itself
	Entries     int   // files inside the archive
	Unpacked    int64 // all entries unpacked, as their headers declare
	EntryUnpack int64 // one entry unpacked (enforced while reading too)
	Cells       int   // table cells, after merges are expanded
	TextPerCell int   // bytes of text in one cell
	Paragraphs  int   // paragraphs outside tables
}

// DefaultLimits are far above any real responsibility list (the source
// document is 27 KB of text; a county's largest list a few MB).
var DefaultLimits = Limits{
	FileSize:    50 << 20,
	Entries:     2000,
	Unpacked:    300 << 20,
	EntryUnpack: 200 << 20,
	Cells:       1 << 20,
	TextPerCell: 1 << 20,
	Paragraphs:  200000,
}

// openZip checks an archive's size, entry count and declared unpacked
// size against the limits and opens it.
func openZip(data []byte, lim Limits) (*zip.Reader, error) {
	if int64(len(data)) > lim.FileSize {
		return nil, errTooBig.Error(len(data), lim.FileSize)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errNotZip.Error(err)
	}
	if len(zr.File) > lim.Entries {
		return nil, errTooManyEntries.Error(len(zr.File), lim.Entries)
	}
	var total uint64
	for _, f := range zr.File {
		if f.UncompressedSize64 > uint64(lim.EntryUnpack) {
			return nil, errUnpackTooBig.Error(f.Name, f.UncompressedSize64, lim.EntryUnpack)
		}
		total += f.UncompressedSize64
	}
	if total > uint64(lim.Unpacked) {
		return nil, errUnpackTooBig.Error("*", total, lim.Unpacked)
	}
	return zr, nil
}

// readEntry reads one entry of the archive, never more than the limit
// whatever its header says.
func readEntry(zr *zip.Reader, name string, lim Limits) ([]byte, error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, errBadEntry.Error(name, err)
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, lim.EntryUnpack+1))
		if err != nil {
			return nil, errBadEntry.Error(name, err)
		}
		if int64(len(data)) > lim.EntryUnpack {
			return nil, errUnpackTooBig.Error(name, fmt.Sprint("> ", lim.EntryUnpack), lim.EntryUnpack)
		}
		return data, nil
	}
	return nil, errNoEntry.Error(name)
}
