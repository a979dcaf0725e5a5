package config

import (
	"os"
	"path/filepath"
	"strings"

	"qingdan/source"
)

// MaxThemeName is the longest theme name, in bytes: a folder name well
// under the 255 bytes file systems allow.
const MaxThemeName = 64

// validateTheme checks that theme names a folder themes/<name>/ beside
// site.toml (or is the built-in "default"): a plain folder name, not a
// path that leads elsewhere ("../../dir", "/etc"), and that the folder is
// there, so that check refuses what build would.
func (c *Config) validateTheme(at *source.Positions, ps *source.Problems) {
	name := c.Theme
	switch {
	case name == "" || name == "default":
		return
	case len(name) > MaxThemeName:
		ps.Add(at.Of("theme"), themeHint.S(), "%s", themeTooLong.S(len(name), MaxThemeName))
		return
	case strings.ContainsAny(name, `/\:`) || strings.HasPrefix(name, ".") || filepath.IsAbs(name) || strings.IndexFunc(name, source.IsControl) >= 0:
		ps.Add(at.Of("theme"), themeHint.S(), "%s", themeNotName.S(name))
		return
	}
	dir := filepath.Join(c.Dir, "themes", name)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		ps.Add(at.Of("theme"), themeHint.S(), "%s", themeMissing.S(name, filepath.ToSlash(filepath.Join("themes", name))))
	}
}
