package generator

import (
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"qingdan/config"
	"qingdan/themes"
)

// memOutput collects a rendered site in memory and refuses to write a
// file twice, which would mean two pages claim one URL.
type memOutput map[string][]byte

// memOutputs serializes the writes of every memOutput.
var memOutputs sync.Mutex

func (m memOutput) WriteFile(name string, data []byte) error {
	memOutputs.Lock()
	defer memOutputs.Unlock()
	if _, ok := m[name]; ok {
		return fmt.Errorf("%s written twice", name)
	}
	m[name] = data
	return nil
}

func (m memOutput) names() []string {
	var names []string
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// render renders site with the default theme, failing the test on error.
func render(t testing.TB, site *Site) memOutput {
	t.Helper()
	out := memOutput{}
	if err := Render(site, themes.Default(), out); err != nil {
		t.Fatal(err)
	}
	return out
}

// fixture is a small site built by hand: two top-level units, one with a
// child, a duty with an item of no unit, a matter, two services, a system
// and a change. Every string in it can be replaced by hostile text.
func fixture(t testing.TB, root string) *Site {
	t.Helper()
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	base := "https://www.example.gov.cn" + root
	site := &Site{
		Config: Settings{
			Title:       "示例县人口和计划生育局责任清单",
			Description: "示例县人口和计划生育局公开的责任清单。",
			BaseURL:     base,
			Root:        root,
			Org:         config.Org{Name: "示例县人口和计划生育局", ShortName: "县人口计生局", AreaCode: "0319", Phone: "7630000"},
			Gov: config.Gov{
				SiteName: "示例县人民政府", SiteDomain: "www.example.gov.cn", SiteIDCode: "1305000001",
				ColumnName: "政府信息公开", ContentSource: "示例县人口和计划生育局", HostOrg: "示例县人民政府办公室",
				ICP: "冀ICP备00000000号", ReportErrorURL: "https://zfwzzc.www.gov.cn/",
			},
			Publication: config.Pub{Publisher: "示例县人口和计划生育局", Topic: "卫生、体育\\计划生育"},
		},
		UnitByID: map[string]*Unit{},
		Parts:    map[string]*Part{},
	}
	for i, key := range partOrder {
		site.Parts[key] = &Part{Key: key, Title: partTitles[key], Index: fmt.Sprintf("TEST-2026-%04d", i+1), Published: day(1), Updated: day(2 + i)}
	}
	zcfg := &Unit{ID: "zcfg", Name: "政策法规股（信访室）", ShortName: "政策法规股", Kind: "股室", Phone: "7631779", Aliases: []string{"政策法规科"}}
	fzgh := &Unit{ID: "fzgh", Name: "发展规划与统计信息股", ShortName: "发展规划与统计信息股", Kind: "股室"}
	jsfwz := &Unit{ID: "jsfwz", Name: "计划生育技术服务站", ShortName: "计划生育技术服务站", Kind: "站", Parent: fzgh, Phone: "7631096"}
	fzgh.Children = []*Unit{jsfwz}
	site.Units = []*Unit{zcfg, fzgh, jsfwz}
	for _, u := range site.Units {
		site.UnitByID[u.ID] = u
	}

	d1 := &Duty{ID: "01", Title: "贯彻执行人口和计划生育法律法规", Text: "贯彻执行国家、省、市人口和计划生育工作的方针、政策和法律、法规。"}
	d1.Items = []*Item{
		{ID: "01-01", Text: "起草本县有关人口和计划生育方面的管理办法。", Units: []*Unit{zcfg}},
		{ID: "01-02", Text: "承担胎儿性别鉴定和实施终止妊娠手术的监督管理工作。"},
	}
	d2 := &Duty{ID: "02", Title: "推动实施生殖健康计划", Text: "推动实施计划生育生殖健康计划，提高人口素质。", Note: "示例备注"}
	d2.Items = []*Item{
		{ID: "02-01", Text: "负责做好国家免费孕前优生健康检查工作。", Units: []*Unit{jsfwz}, UnitsNote: "与相关科室"},
	}
	site.Duties = []*Duty{d1, d2}
	for _, d := range site.Duties {
		for _, it := range d.Items {
			it.Duty = d
			for _, u := range it.Units {
				u.Items = append(u.Items, it)
			}
		}
	}

	site.Matters = []*Matter{{
		ID: "01", Title: "收养登记",
		Roles: []*Role{
			{Department: "人口和计划生育局", Lead: true, Duty: "负责出具收养人生育状况证明。"},
			{Department: "公安局", Duty: "负责收养登记后办理落户手续。"},
		},
		Basis: []string{"《中国公民收养子女登记办法》", "《河北省人口与计划生育条例》"},
	}}

	s1 := &Service{ID: "01", Name: "优生“免费”服务", Content: "免费孕前优生健康检查。", Units: []*Unit{jsfwz}, Phones: []string{"7631096"}}
	s2 := &Service{ID: "02", Name: "生育政策咨询", Content: "计划生育法律、法规、政策咨询。", Units: []*Unit{zcfg}, Handler: "政策法规股", Phones: []string{"7631779"}}
	site.Services = []*Service{s1, s2}
	jsfwz.Services = []*Service{s1}
	zcfg.Services = []*Service{s2}

	body := "## 一、监督检查对象\n\n已批准的相对人。\n"
	html, err := renderMarkdown([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	site.Systems = []*System{{ID: "01", Title: "再生育事项监管", Order: 1, Summary: "为加强监督检查，制定本制度。", Body: html, Text: body}}
	site.Changes = []*Change{
		{Date: day(5), Title: "更新公共服务事项", Summary: "更正联系电话。", Link: "/services/"},
		{Date: day(1), Title: "首次发布", Summary: "公布责任清单。", Link: "/"},
	}
	return site
}
