package main

import (
	"path/filepath"

	"qingdan/config"
	"qingdan/output"
)

// keepOut lists the places of the project that a build's output folder
// must never be, hold or lie inside (output.Keep): what the editors write,
// the case files and the filings, and the folder of site.toml itself.
func keepOut(c *config.Config) []output.Keep {
	theme := c.Theme
	if theme == "" {
		theme = "default"
	}
	var keep []output.Keep
	for _, folder := range c.ContentFolders() { // a county's: every department's
		keep = append(keep, output.Keep{What: keepContent.S(), Path: folder})
	}
	return append(keep, []output.Keep{
		{What: keepTheme.S(), Path: filepath.Join(c.Dir, "themes", theme)},
		{What: keepCaseFiles.S(), Path: c.Path(c.Reports.CaseFiles)},
		{What: keepLedger.S(), Path: c.Path(c.Pipeline.Ledger)},
		{What: keepOutbox.S(), Path: c.Path(c.Pipeline.Outbox)},
		{What: keepConfigDir.S(), Path: c.Dir, Outer: true},
	}...)
}
