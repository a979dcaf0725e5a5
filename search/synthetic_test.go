package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// phrases are pieces of the real list that synthetic records are made of,
// so that synthetic text has the real list's characters and bigrams.
var phrases = []string{
	"组织对人口和计划生育重大问题的综合性、前瞻性研究", "提出我县人口发展战略建议", "承担协调全县计划生育重大问题的综合调研工作",
	"起草本县有关人口和计划生育方面的管理办法", "监督检查有关法律、法规规章和政策的执行情况", "负责农村部分计划生育家庭奖励扶助",
	"计划生育家庭特别扶助", "独生子女父母奖励", "负责本级计划生育困难家庭救助公益金给付工作", "承担规范性文件的合法性审核工作",
	"承办生育审批的组织协调", "拟订全县人口和计划生育工作中长期规划和年度计划", "组织指导监督全县人口和计划生育统计、抽样调查",
	"会同卫生局、食药监局、公安局做好出生人口性别比治理工作", "承担胎儿性别鉴定和实施终止妊娠手术的监督管理工作",
	"制定流动人口计划生育管理规划", "建立和完善流动人口计划生育信息共享和公共服务工作机制", "负责人口和计划生育安全预警预报工作",
	"组织协调开展全民性人口和计划生育宣传教育工作", "负责做好国家免费孕前优生健康检查工作", "搞好药具年度需求计划的编制、汇总、审核",
	"开展避孕药具知识宣传", "组织开展县、乡、村三级人口计生系统干部业务培训工作", "指导和监督社会抚养费管理",
	"负责出具收养人生育状况证明", "为流动育龄人口免费办理、查验流动人口婚育证明", "负责建立完善孕产期全程服务管理、B超管理等制度",
	"负责“两非”案件的调查处理", "免费为新婚夫妇办理第一个子女生育登记卡", "对外来流动人口开展计生政策、生殖健康、避孕节育、优生优育等宣传服务",
	"乡镇每月对再生育审批对象随访，抽查面不少于50%", "发现有死亡情况的，立即终止其奖扶金或特扶金的发放资格",
	"计划生育行政机关在对违法行为作出 8000 元以上行政处罚款决定之前", "应当告知当事人有要求举行听证的权利",
	"立案归档要求做到：一案一卷，材料齐全", "根据县政府关于规范行政处罚裁量权的相关规定制订",
}

var syntheticParts = []Label{{ID: "duties", Name: "职责"}, {ID: "services", Name: "服务"}, {ID: "boundaries", Name: "边界"}, {ID: "supervision", Name: "制度"}, {ID: "units", Name: "股室"}}

// synthetic makes n records of the real list's vocabulary, the same for
// the same seed, spread over 10 + n/200 units.
func synthetic(n int, seed uint64) Input {
	r := rand.New(rand.NewPCG(seed, 1))
	in := Input{Parts: syntheticParts, Synonyms: [][]string{{"计生", "计划生育"}, {"奖扶", "奖励扶助"}}}
	for i := range 10 + n/200 {
		in.Units = append(in.Units, Label{ID: fmt.Sprintf("u%d", i), Name: fmt.Sprintf("第%d股室", i+1)})
	}
	pick := func(k int) string {
		var b strings.Builder
		for j := range k {
			if j > 0 {
				b.WriteString("，")
			}
			b.WriteString(phrases[r.IntN(len(phrases))])
		}
		return b.String()
	}
	for i := range n {
		part := syntheticParts[r.IntN(len(syntheticParts))].ID
		u := in.Units[r.IntN(len(in.Units))].ID
		body := pick(r.IntN(4))
		if r.IntN(4) == 0 {
			body += fmt.Sprintf("\n电话：763%04d", r.IntN(10000))
		}
		in.Records = append(in.Records, Record{
			URL: fmt.Sprintf("/%s/%d/", part, i), Title: pick(1 + r.IntN(2)), Body: body, Part: part, Units: []string{u},
		})
	}
	return in
}
