// Package config reads site.toml, the one configuration file of qingdan: the
// site's identity and government-site metadata, where content and output
// live, and (in reports.go) the compliance reports and their schedule.
//
// Paths in site.toml are relative to the folder that holds it. Load fills in
// defaults, then validates, naming the file, line and column of a bad value.
package config

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"qingdan/source"
)

// Config is the whole of site.toml.
type Config struct {
	Title       string   `toml:"title,required"`    // 威县人口和计划生育局责任清单
	Description string   `toml:"description"`       // meta description of the home page
	BaseURL     string   `toml:"base_url,required"` // absolute URL the site is served under; may have a path
	Content     string   `toml:"content"`           // content folder, default "content"
	Output      string   `toml:"output"`            // output folder, default "public"
	Theme       string   `toml:"theme"`             // theme name, default "default"
	Example     bool     `toml:"example"`           // an example site: every page says 示例
	Org         Org      `toml:"org"`               // the publishing bureau
	Gov         Gov      `toml:"gov"`               // government-site conventions
	Publication Pub      `toml:"publication"`       // 信息公开 metadata
	Reports     Reports  `toml:"reports"`           // compliance reports (reports.go)
	Pipeline    Pipeline `toml:"pipeline"`          // schedule and delivery (pipeline.go)
	// Departments make a county site (departments.go); none: one department's site.
	Departments []Department `toml:"department"`

	// Dir is the folder that holds site.toml; every relative path is
	// resolved against it. Set by Load.
	Dir string `toml:"-"`
	// File is the path of site.toml as given. Set by Load.
	File string `toml:"-"`
	// Root is the path part of BaseURL with a trailing slash ("/" or
	// "/zfxxgk/qingdan/"). Set by Load.
	Root string `toml:"-"`

	at *source.Positions // where each key of site.toml stands
}

// Org is the bureau that publishes the list.
type Org struct {
	Name      string `toml:"name,required"` // 威县人口和计划生育局
	ShortName string `toml:"short_name"`    // 县人口计生局
	Address   string `toml:"address"`
	Phone     string `toml:"phone"`     // main office phone
	AreaCode  string `toml:"area_code"` // 区号 for tel: links, e.g. "0319"
	Email     string `toml:"email"`
	Hours     string `toml:"hours"` // office hours, shown with phone numbers
}

// Gov holds the conventions of Chinese government websites: footer
// registration numbers and the gov.cn page metadata.
type Gov struct {
	SiteName       string `toml:"site_name"`        // <meta name="SiteName">, the portal's name
	SiteDomain     string `toml:"site_domain"`      // <meta name="SiteDomain">
	SiteIDCode     string `toml:"site_id_code"`     // 网站标识码
	ColumnName     string `toml:"column_name"`      // <meta name="ColumnName">, e.g. 政府信息公开
	ContentSource  string `toml:"content_source"`   // <meta name="ContentSource">
	HostOrg        string `toml:"host_org"`         // 主办单位
	ICP            string `toml:"icp"`              // ICP备案号
	PoliceRecord   string `toml:"police_record"`    // 公网安备号
	ReportErrorURL string `toml:"report_error_url"` // 我为政府网站找错
}

// Pub is the 信息公开 metadata shown on pages of the list.
type Pub struct {
	Publisher string `toml:"publisher"` // 发布机构; Org.Name when empty
	Topic     string `toml:"topic"`     // 主题分类, e.g. 卫生、体育\计划生育
}

// Load reads site.toml at path, fills defaults and validates it.
func Load(path string) (*Config, source.Problems) {
	data, err := os.ReadFile(path)
	if err != nil {
		var ps source.Problems
		ps.Add(source.Pos{File: path}, cfgUnreadableFix.S(), cfgUnreadable.S(source.Reason(err)))
		return nil, ps
	}
	return Parse(path, data)
}

// Parse decodes site.toml's bytes; name is used in problem positions.
func Parse(name string, data []byte) (*Config, source.Problems) {
	c := &Config{Content: "content", Output: "public", Theme: "default"}
	at, ps := source.DecodeTOML(name, data, c)
	if ps.HasErrors() {
		return nil, ps
	}
	c.File, c.at = name, at
	c.Dir = filepath.Dir(name)
	if c.Publication.Publisher == "" {
		c.Publication.Publisher = c.Org.Name
	}
	if c.Org.ShortName == "" {
		c.Org.ShortName = c.Org.Name
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		ps.Add(at.Of("base_url"), baseURLFix.S(), baseURLBad.S(c.BaseURL))
	} else {
		c.Root = "/" + strings.Trim(u.Path, "/") + "/"
		if c.Root == "//" {
			c.Root = "/"
		}
		c.BaseURL = u.Scheme + "://" + u.Host + c.Root
	}
	if c.Org.AreaCode != "" && !isDigits(c.Org.AreaCode) {
		ps.Add(at.Of("org.area_code"), areaCodeFix.S(), areaCodeBad.S(c.Org.AreaCode))
	}
	c.validateDepartments(at, &ps)
	c.validateTheme(at, &ps)
	c.Reports.validate(c, at, &ps)
	c.Pipeline.validate(c, at, &ps)
	return c, ps
}

// Path resolves a path from site.toml against the folder that holds it.
func (c *Config) Path(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.Dir, p)
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
