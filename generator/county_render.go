package generator

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io/fs"
	"runtime"

	"qingdan/search"
)

// countyNavigation is the main navigation of the county's own pages.
var countyNavigation = []NavItem{
	{Title: "首页", Path: "", Section: sectionHome},
	{Title: "各部门", Path: sectionUnits + "/", Section: sectionUnits},
	{Title: "部门职责", Path: PartDuties + "/", Section: PartDuties},
	{Title: "职责边界", Path: PartBoundaries + "/", Section: PartBoundaries},
	{Title: "公共服务", Path: PartServices + "/", Section: PartServices},
	{Title: "监督管理制度", Path: PartSupervision + "/", Section: PartSupervision},
	{Title: "搜索", Path: sectionSearch + "/", Section: sectionSearch},
}

// renderCounty writes a county site: each department's site under its
// folder, as Render makes it, then the county's own pages and files.
func renderCounty(site *Site, theme fs.FS, out Output) (int, error) {
	// One parsed theme for all: each department's site, then the county's.
	r, err := newRenderer(theme)
	if err != nil {
		return 0, err
	}
	// A department whose input sum is the one the site being replaced
	// was made from keeps its folder (county_keep.go).
	keeper, _ := out.(FolderKeeper)
	var sums, kept map[string]string
	if keeper != nil {
		if sums, err = departmentSums(site, theme); err != nil {
			return 0, err
		}
		if sums != nil {
			kept = keptSums(keeper)
		}
	}
	same := func(d *Department) bool {
		return sums != nil && kept[d.ID] == sums[d.ID] && keeper.KeepFolder(d.ID)
	}
	// The county's search index and open data are made from the
	// departments' models alone: they run beside the departments' pages,
	// on the core that each department's last pages leave idle.
	models := countyModelTasks(site)
	modelsDone := make(chan error, 1)
	go func() { modelsDone <- runTasks(jobsOf(models, out), len(models)) }()
	n, err := renderDepartments(r, site, out, same)
	if err := <-modelsDone; err != nil {
		return 0, err
	}
	if err != nil {
		return 0, err
	}
	if sums != nil {
		if err := out.WriteFile(inputsFile, inputsBytes(site, sums)); err != nil {
			return 0, err
		}
	}
	r.reset(site)
	tasks := countyTasks(site, r, countyPages(site, r.summary))[len(models):]
	if err := runTasks(jobsOf(tasks, out), runtime.GOMAXPROCS(0)); err != nil {
		return 0, err
	}
	return n + len(models) + len(tasks), nil
}

// renderDepartments renders each department's site into its folder of
// out, but for those whose folder kept keeps.
func renderDepartments(r *renderer, site *Site, out Output, kept func(*Department) bool) (int, error) {
	n := 0
	for _, d := range site.County.Departments {
		if kept(d) {
			continue
		}
		m, err := renderWith(r, d.Site, prefixOutput{prefix: d.ID, out: out}, nil)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", d.Name, err)
		}
		n += m
	}
	return n, nil
}

// jobsOf makes the tasks into jobs writing to out.
func jobsOf(tasks []task, out Output) []func() error {
	jobs := make([]func() error, len(tasks))
	for i, t := range tasks {
		jobs[i] = func() error { return t.run(out) }
	}
	return jobs
}

// countyModelTasks make the county's files that show no page of the
// theme: its search index and open data.
func countyModelTasks(site *Site) []task {
	return []task{
		{key: "search/", late: true, run: func(out Output) error { return writeCountySearch(site, out) }},
		{key: "data/", late: true, run: func(out Output) error { return writeCountyData(site, out) }},
	}
}

// countyTasks make the county's own pages and files, with r reset to the
// county's site, countyModelTasks first; the late ones are as a
// department's (see task).
func countyTasks(site *Site, r *renderer, pages []*Page) []task {
	tasks := append(countyModelTasks(site), []task{
		{key: "feed.xml", run: func(out Output) error { return writeFeed(site, out) }},
		{key: "sitemap.xml", late: true, run: func(out Output) error { return writeCountySitemap(site, pages, out) }},
		{key: "robots.txt", run: func(out Output) error { return writeRobots(site, out) }},
		{key: "static/", run: r.writeStatic},
	}...)
	for _, p := range pages {
		tasks = append(tasks, task{key: p.File(), page: p, run: func(out Output) error { return r.writePage(p, out) }})
	}
	return tasks
}

// countyList is the number of entries above which the county's lists of
// duties, services and matters show each department's count and a link
// to its own list instead of the entries (a province has tens of thousands).
const countyList = 1000

// CountyLarge reports whether the county's lists of kind ("duties",
// "services", "boundaries", "supervision", "units") are grouped by
// department rather than listed.
func (p *Page) CountyLarge(kind string) bool {
	c := p.Site.County
	switch kind {
	case sectionUnits:
		return c.Units > countyList
	case PartDuties:
		return c.Duties > countyList
	case PartServices:
		return c.Services > countyList
	case PartBoundaries:
		return c.Matters > countyList
	case PartSupervision:
		return c.Systems > countyList
	}
	return false
}

// countyPages lists the county's own pages.
func countyPages(site *Site, sum *Summary) []*Page {
	home := Crumb{Title: "首页"}
	newPage := func(tmpl, path, title, section, about string, parents ...Crumb) *Page {
		p := &Page{Site: site, Sum: sum, Template: tmpl, Path: path, Title: title, Section: section, Updated: sum.Updated, about: about}
		if path != "" {
			p.Crumbs = append(append([]Crumb{home}, parents...), Crumb{title, path, true})
		}
		return p
	}
	name := site.Config.Org.Name
	pages := []*Page{
		newPage("county.html", "", "", sectionHome, site.Config.Description),
		newPage("county-units.html", sectionUnits+"/", "各部门", sectionUnits, name+"各部门的责任清单：部门、内设单位和清单的规模。"),
		newPage("county-duties.html", PartDuties+"/", "部门职责", PartDuties, name+"各部门的主要职责和具体工作事项。"),
		newPage("county-boundaries.html", PartBoundaries+"/", "职责边界", PartBoundaries, name+"各部门之间的职责边界：每个共同承担的事项、各部门的职责分工。"),
		newPage("county-services.html", PartServices+"/", "公共服务事项", PartServices, name+"各部门的公共服务事项。"),
		newPage("county-supervision.html", PartSupervision+"/", "事中事后监督管理制度", PartSupervision, name+"各部门的事中事后监督管理制度。"),
	}
	units := Crumb{Title: "各部门", Path: sectionUnits + "/"}
	for _, d := range site.County.Departments {
		p := newPage("county-department.html", sectionUnits+"/"+d.ID+"/", d.Name, sectionUnits, d.Name+"的责任清单：内设单位、职责、服务和联系电话。", units)
		p.Department = d
		pages = append(pages, p)
	}
	search := newPage("county-search.html", sectionSearch+"/", "站内搜索", sectionSearch, "搜索"+name+"各部门责任清单的全部内容，可按部门筛选。")
	search.Scripts = []string{"static/search.js"}
	data := newPage("data.html", sectionData+"/", "开放数据", sectionData, name+"各部门责任清单的开放数据：JSON 和 CSV 格式的下载文件及字段说明。")
	data.OpenData = countyDataFiles()
	notFound := newPage("404.html", "404.html", "页面未找到", "", "您访问的页面不存在。")
	notFound.NoIndex = true
	return append(pages, search, data,
		newPage("changes.html", sectionChanges+"/", "更新记录", sectionAbout, name+"各部门责任清单的每次调整：日期、依据的文件和涉及的条目。"),
		newPage("accessibility.html", "accessibility/", "无障碍声明", sectionAbout, "本网站的无障碍和适老化设计说明。"),
		newPage("county-contact.html", "contact/", "联系我们", sectionAbout, name+"各部门的联系方式。"),
		newPage("county-sitemap.html", "sitemap/", "网站地图", sectionAbout, "本网站的栏目，和每个部门清单的网站地图。"),
		notFound)
}

// writeCountySearch writes the one search index of every department's
// list, which the county's search page and each department's search
// page use. Its units are the departments, filtered by on the county's
// page, and under each its own units as "<department>/<unit>", filtered
// by on the department's page (which searches within its department); a
// record names its department and its units.
func writeCountySearch(site *Site, out Output) error {
	in := search.Input{Parts: searchParts, Synonyms: site.Synonyms}
	for _, d := range site.County.Departments {
		in.Units = append(in.Units, search.Label{ID: d.ID, Name: d.Name})
	}
	for _, d := range site.County.Departments {
		in.Units = append(in.Units, departmentUnits(d)...)
		recs, err := searchRecords(d.Site)
		if err != nil {
			return err
		}
		for _, r := range recs {
			units := []string{d.ID}
			for _, u := range r.Units {
				units = append(units, d.ID+"/"+u)
			}
			r.Units = units
			in.Records = append(in.Records, r)
		}
	}
	return writeIndex(in, out)
}

// departmentUnits are d's units as labels of the county's search index.
func departmentUnits(d *Department) []search.Label {
	labels := make([]search.Label, len(d.Site.Units))
	for i, u := range d.Site.Units {
		parent := d.ID
		if u.Parent != nil {
			parent = d.ID + "/" + u.Parent.ID
		}
		labels[i] = search.Label{ID: d.ID + "/" + u.ID, Name: u.Name, Parent: parent, URL: d.Path() + u.Path()}
	}
	return labels
}

// countyDataFiles are the county's open-data files: the lists of all
// departments in one JSON file, and each CSV table of a department's list
// with the department in its first two columns.
func countyDataFiles() []DataFile {
	files := []DataFile{{
		Name:    "qingdan.json",
		Columns: jsonColumns,
		Title:   "各部门责任清单全文（JSON）",
		About:   "每个部门一项，内容与该部门网站 data/qingdan.json 相同。",
		Fields: []DataField{
			{"title", "网站名称", ""},
			{"url", "网址", ""},
			{"departments[].id", "部门编号", "与网址 /部门编号/ 一致"},
			{"departments[].name", "部门名称", ""},
			{"departments[].list", "部门的责任清单", "字段见各部门网站的开放数据页面"},
		},
	}}
	for _, f := range openDataFiles {
		if f.rows == nil {
			continue
		}
		f.Fields = append([]DataField{{"department_id", "部门编号", ""}, {"department", "部门名称", ""}}, f.Fields...)
		files = append(files, f)
	}
	return files
}

// writeCountyData writes the county's open data (countyDataFiles).
func writeCountyData(site *Site, out Output) error {
	var departments jsonArray
	for _, d := range site.County.Departments {
		departments = append(departments, []jsonField{{"id", d.ID}, {"name", d.Name}, {"list", jsonOf(d.Site)}})
	}
	var b bytes.Buffer
	if err := writeIndented(&b, "", []jsonField{{"title", site.Config.Title}, {"url", site.Config.BaseURL}, {"departments", departments}}); err != nil {
		return fmt.Errorf("open data qingdan.json: %w", err)
	}
	b.WriteByte('\n')
	if err := out.WriteFile("data/qingdan.json", b.Bytes()); err != nil {
		return err
	}
	for _, f := range countyDataFiles()[1:] {
		var rows [][]string
		for _, d := range site.County.Departments {
			for _, row := range f.rows(d.Site) {
				rows = append(rows, append([]string{d.ID, d.Name}, row...))
			}
		}
		data, err := csvFile(f, rows)
		if err != nil {
			return fmt.Errorf("open data %s: %w", f.Name, err)
		}
		if err := out.WriteFile("data/"+f.Name, data); err != nil {
			return err
		}
	}
	return nil
}

// writeCountySitemap writes the county's pages into sitemap-county.xml
// and sitemap.xml as the index of it and of every department's sitemap.
func writeCountySitemap(site *Site, pages []*Page, out Output) error {
	own := memFiles{}
	if err := writeSitemap(site, pages, own); err != nil {
		return err
	}
	if err := out.WriteFile("sitemap-county.xml", own["sitemap.xml"]); err != nil {
		return err
	}
	type loc struct {
		Loc string `xml:"loc"`
	}
	index := struct {
		XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
		Sitemaps []loc    `xml:"sitemap"`
	}{Sitemaps: []loc{{site.Config.BaseURL + "sitemap-county.xml"}}}
	for _, d := range site.County.Departments {
		index.Sitemaps = append(index.Sitemaps, loc{d.Site.Config.BaseURL + "sitemap.xml"})
	}
	data, err := xml.MarshalIndent(index, "", "  ")
	if err != nil {
		return err
	}
	return out.WriteFile("sitemap.xml", append([]byte(xml.Header), append(data, '\n')...))
}

// memFiles keeps files in memory.
type memFiles map[string][]byte

func (m memFiles) WriteFile(name string, data []byte) error {
	m[name] = data
	return nil
}
