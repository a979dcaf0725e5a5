package build

import (
	"bytes"
	"os"
	"path/filepath"

	"qingdan/config"
	"qingdan/generator"
	"qingdan/output"
	"qingdan/source"
)

// Record writes the record of published ids (generator.ManifestBytes) into
// the content folder, as content/published.json, for editors to commit
// with the content: the next check, on any machine, then knows every id the
// public has seen. It is called after a build has published the site, and
// writes only when the record changed; it is the one file qingdan writes
// into the content folder, and it writes nothing else there.
func Record(cfg *config.Config, site *generator.Site) error {
	if site.County != nil {
		// Each department's record goes into its own content folder.
		for i, d := range site.County.Departments {
			dc := *cfg
			dc.Content = cfg.Departments[i].Content
			if err := Record(&dc, d.Site); err != nil {
				return err
			}
		}
		return nil
	}
	data, err := generator.ManifestBytes(site)
	if err != nil {
		return recordFailed.Error(err)
	}
	path := filepath.Join(cfg.Path(cfg.Content), generator.ManifestFile)
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := output.WriteFile(path, data, 0o644); err != nil {
		return recordFailed.Error(err)
	}
	return nil
}

// checkPublished compares the loaded site with the record the last build
// left in the output folder (data/published.json), if there is one: an id
// published there must still be in the content or removed by an
// adjustment, even when content/published.json was lost.
func checkPublished(cfg *config.Config, site *generator.Site) source.Problems {
	if site.County != nil {
		var ps source.Problems
		for _, d := range site.County.Departments {
			ps = append(ps, checkRecordAt(cfg, filepath.Join(d.ID, "data", generator.ManifestFile), d.Site)...)
		}
		return ps
	}
	return checkRecordAt(cfg, filepath.Join("data", generator.ManifestFile), site)
}

func checkRecordAt(cfg *config.Config, rel string, site *generator.Site) source.Problems {
	data, err := os.ReadFile(filepath.Join(cfg.Path(cfg.Output), rel))
	if err != nil {
		return nil // never built, or not here: the content's record is the one
	}
	return generator.CheckPublished(site, data, filepath.ToSlash(filepath.Join(cfg.Output, rel)))
}
