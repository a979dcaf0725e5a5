package reports

import (
	"fmt"
	"io/fs"
	"math"
	"reflect"
	"sort"
	"strings"
	"time"

	"qingdan/source"
)

// Case kinds, as case files write them.
const (
	KindPenalty = "行政处罚"
	KindFee     = "征收社会抚养费"
)

// Party types.
const (
	PartyPerson = "个人"
	PartyOrg    = "单位"
)

// Case is one case file (一案一卷): everything the nine steps of the
// procedure in 四（四）三、查处流程 produce, as the officer recorded it.
// Dates are calendar days; amounts are yuan.
type Case struct {
	Pos            source.Pos
	Number         string          `toml:"number,required"`   // 案号
	Kind           string          `toml:"kind,required"`     // 行政处罚 | 征收社会抚养费
	Township       string          `toml:"township,required"` // 乡镇
	Major          bool            `toml:"major"`             // 经审查确定为重大征收或处罚案件
	Complex        bool            `toml:"complex"`           // 情节复杂
	Party          Party           `toml:"party,required"`
	Violation      Violation       `toml:"violation,required"`
	Register       Register        `toml:"register,required"` // 1 立案
	Investigations []Investigation `toml:"investigation"`     // 2 调查：每份询问或调查笔录
	Notice         *Notice         `toml:"notice"`            // 3 告知，陈述申辩
	Approval       *Approval       `toml:"approval"`          // 4 审批
	Discussion     *Discussion     `toml:"discussion"`        // 4 集体讨论
	Hearing        *Hearing        `toml:"hearing"`           // 5 听证
	Decision       *Decision       `toml:"decision"`          // 6 决定
	Service        *Service        `toml:"service"`           // 7 送达
	Execution      *Execution      `toml:"execution"`         // 8 执行
	Closing        *Closing        `toml:"closing"`           // 9 结案
	Archive        *Archive        `toml:"archive"`           // 9 归档
	Review         *Review         `toml:"review"`            // 评查人员的评分

	// File is the case file's path, for messages. Set by LoadCases.
	File string `toml:"-"`
	at   *source.Positions
}

// Party is the person or organisation the decision is against (当事人).
type Party struct {
	Pos            source.Pos
	Type           string `toml:"type,required"`      // 个人 | 单位
	Name           string `toml:"name,required"`      // 姓名或单位名称
	ID             string `toml:"id_number,required"` // 公民身份号码或统一社会信用代码
	Representative string `toml:"representative"`     // 单位的法定代表人或主要负责人
	Address        string `toml:"address"`            // 住址
}

// Violation is the act the case is about (违法行为).
type Violation struct {
	Pos  source.Pos
	Act  string    `toml:"act,required"`  // 违法事实
	Date time.Time `toml:"date,required"` // 违法行为发生之日
	End  time.Time `toml:"end"`           // 连续或者继续状态的，行为终了之日
}

// Register is step 1, 立案, and its approval.
type Register struct {
	Pos      source.Pos
	Date     time.Time `toml:"date,required"`     // 立案日期（批准之日）
	Approver string    `toml:"approver,required"` // 批准立案的负责人
}

// Investigation is one 询问笔录 or 调查笔录 of step 2.
type Investigation struct {
	Pos         source.Pos
	Record      string    `toml:"record,required"`  // 询问笔录 | 调查笔录
	Date        time.Time `toml:"date,required"`    // 询问或调查日期
	Subject     string    `toml:"subject,required"` // 被询问人或被调查人
	Signed      bool      `toml:"signed"`           // 被询问、调查人在笔录上签字
	Credentials bool      `toml:"credentials"`      // 向当事人或有关人员出示了行政执法证
	Officers    []Officer `toml:"officer"`          // 参加的执法人员
}

// Record kinds of an investigation.
const (
	RecordInquiry = "询问笔录" // with the party
	RecordSurvey  = "调查笔录" // with anyone else
)

// Officer is one law-enforcement officer at an investigation.
type Officer struct {
	Pos         source.Pos
	Name        string    `toml:"name,required"`
	Certificate string    `toml:"certificate"` // 行政执法证号
	ValidUntil  time.Time `toml:"valid_until"` // 执法证有效期至
	Interested  bool      `toml:"interested"`  // 与当事人有直接利害关系（应当回避）
}

// Notice is step 3: 告知 of the facts, reasons, basis and rights, and the
// party's 陈述申辩.
type Notice struct {
	Pos           source.Pos
	Date          time.Time `toml:"date,required"`  // 告知书送达日期
	Facts         bool      `toml:"facts"`          // 告知了事实
	Reasons       bool      `toml:"reasons"`        // 告知了理由
	Basis         bool      `toml:"basis"`          // 告知了依据
	Rights        bool      `toml:"rights"`         // 告知了依法享有的权利
	Statement     string    `toml:"statement"`      // 陈述申辩情况
	StatementDate time.Time `toml:"statement_date"` // 陈述申辩日期
}

// Approval is step 4: the 审批表 and who approved it.
type Approval struct {
	Pos      source.Pos
	Form     string    `toml:"form,required"`     // 征收社会抚养费审批表 | 行政处罚审批表
	Date     time.Time `toml:"date,required"`     // 负责人批准日期
	Approver string    `toml:"approver,required"` // 行政机关负责人
}

// Discussion is the collective discussion by the bureau's leaders (集体讨论).
type Discussion struct {
	Pos          source.Pos
	Date         time.Time `toml:"date,required"`
	Participants []string  `toml:"participants,required"`
	Conclusion   string    `toml:"conclusion,required"`
}

// Hearing is step 5: the right to a hearing, the request, the hearing
// notice and the hearing (听证).
type Hearing struct {
	Pos         source.Pos
	RightDate   time.Time `toml:"right_date"`   // 告知听证权利之日
	RequestDate time.Time `toml:"request_date"` // 当事人要求听证之日
	NoticeDate  time.Time `toml:"notice_date"`  // 通知举行听证的时间、地点之日
	Date        time.Time `toml:"date"`         // 举行听证之日
	Place       string    `toml:"place"`
}

// Decision is step 6: the 决定书.
type Decision struct {
	Pos    source.Pos
	Number string    `toml:"number,required"` // 决定书文号
	Date   time.Time `toml:"date,required"`
	Amount float64   `toml:"amount,required"` // 元
	Basis  string    `toml:"basis,required"`  // 法律依据
}

// Service is step 7: 送达 and its 送达回证.
type Service struct {
	Pos          source.Pos
	Date         time.Time `toml:"date,required"`      // 送达日期
	Recipient    string    `toml:"recipient,required"` // 签收人
	Role         string    `toml:"role,required"`      // 签收人身份
	Receipt      bool      `toml:"receipt"`            // 有送达回证
	Signed       bool      `toml:"signed"`             // 签收人在回证上签名或盖章
	DateRecorded bool      `toml:"date_recorded"`      // 签收人在回证上记明收到日期
}

// Recipient roles of a service.
const (
	RoleSelf  = "本人"
	RoleLegal = "法定代表人"
	RoleHead  = "主要负责人"
	RoleClerk = "负责收件的人"
)

// Execution is step 8: payment, late fees and court enforcement.
type Execution struct {
	Pos          source.Pos
	Deadline     time.Time `toml:"deadline,required"` // 决定书规定的缴纳期限
	Payments     []Payment `toml:"payment"`           // 缴纳记录
	LateFee      float64   `toml:"late_fee"`          // 已加收的滞纳金，元
	LateFeeUntil time.Time `toml:"late_fee_until"`    // 尚欠部分滞纳金计算截止日
	CourtDate    time.Time `toml:"court_date"`        // 申请人民法院强制执行之日
	CourtDone    time.Time `toml:"court_done"`        // 法院强制执行完毕之日
}

// Payment is one payment of the principal (本金).
type Payment struct {
	Pos    source.Pos
	Date   time.Time `toml:"date,required"`
	Amount float64   `toml:"amount,required"` // 元
}

// Closing is step 9's 结案报告.
type Closing struct {
	Pos  source.Pos
	Date time.Time `toml:"date,required"` // 结案报告日期
	Form string    `toml:"form,required"` // 征收社会抚养费报告 | 行政处罚结案报告
}

// Archive is step 9's 归档: when the file was bound and what it holds.
type Archive struct {
	Pos       source.Pos
	Date      time.Time `toml:"date,required"`      // 整理装订归档日期
	Documents []string  `toml:"documents,required"` // 卷内文件，按装订顺序
}

// Review holds the human reviewer's scores for the items a rule cannot
// judge (事实是否清楚、证据是否充分、适用法律是否正确).
type Review struct {
	Pos      source.Pos
	Reviewer string `toml:"reviewer,required"` // 评查人
	Facts    int    `toml:"facts"`             // 事实清楚，满分见规则 R06
	Evidence int    `toml:"evidence"`          // 证据确凿充分，满分见规则 R07
	Law      int    `toml:"law"`               // 适用法律正确，满分见规则 R21
	Note     string `toml:"note"`              // 评查意见
}

// LoadCases reads every .toml file of dir in fsys (its subfolders too) as
// one case file, in path order, and validates each. Files that do not
// decode are left out of the result; their problems are returned.
func LoadCases(fsys fs.FS, dir string) ([]*Case, source.Problems) {
	var names []string
	var ps source.Problems
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".toml") {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		ps.Add(source.Pos{File: dir}, "set [reports] casefiles in site.toml to the folder of case files", "cannot read case files: %v", err)
		return nil, ps
	}
	sort.Strings(names)
	var cases []*Case
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			ps.Add(source.Pos{File: name}, "", "cannot read case file: %v", err)
			continue
		}
		c, cps := ParseCase(name, data)
		ps = append(ps, cps...)
		if c != nil {
			cases = append(cases, c)
		}
	}
	ps = append(ps, validateAcross(cases)...)
	ps.Sort()
	return cases, ps
}

// ParseCase decodes and validates one case file; name is used in problem
// positions. It returns nil when the file does not decode.
func ParseCase(name string, data []byte) (*Case, source.Problems) {
	c := &Case{}
	at, ps := source.DecodeTOML(name, data, c)
	if ps.HasErrors() {
		return nil, ps
	}
	c.File = name
	c.at = at
	toDays(reflect.ValueOf(c).Elem())
	ps = append(ps, validate(c)...)
	return c, ps
}

var timeType = reflect.TypeOf(time.Time{})

// toDays turns every date of a decoded case into midnight UTC of the day
// written, so that dates compare and count days the same whatever zone (or
// none) the file gave them.
func toDays(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			toDays(v.Elem())
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			toDays(v.Index(i))
		}
	case reflect.Struct:
		if v.Type() == timeType {
			if t := v.Interface().(time.Time); !t.IsZero() {
				v.Set(reflect.ValueOf(day(t.Year(), t.Month(), t.Day())))
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				toDays(v.Field(i))
			}
		}
	}
}

// day is the calendar day y-m-d as midnight UTC.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// addMonths is the same day n calendar months later, or the last day of
// that month when it is shorter (31 January + 1 month = 28 February).
func addMonths(t time.Time, n int) time.Time {
	first := day(t.Year(), t.Month()+time.Month(n), 1)
	last := first.AddDate(0, 1, -1).Day()
	return day(first.Year(), first.Month(), min(t.Day(), last))
}

// daysBetween counts the days from a to b (negative when b is earlier).
func daysBetween(a, b time.Time) int {
	return int(b.Sub(a).Hours() / 24)
}

// fmtDate writes a day as 2026年3月5日; the zero time as an empty string.
func fmtDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// fen is an amount in yuan as a whole number of fen (分), so that sums and
// comparisons of money are exact.
func fen(yuan float64) int64 {
	return int64(math.Round(yuan * 100))
}

// fmtYuan writes an amount of fen as yuan with two decimals: 25000.00.
func fmtYuan(f int64) string {
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	return fmt.Sprintf("%s%d.%02d", sign, f/100, f%100)
}

// pos returns the position of a key path of the case file.
func (c *Case) pos(path string) source.Pos {
	return c.at.Of(path)
}

// Date is the day a case belongs to a period by: its decision, or its
// registration (立案) when no decision was made.
func (c *Case) Date() time.Time {
	if c.Decision != nil {
		return c.Decision.Date
	}
	return c.Register.Date
}

// Amount is the decided amount in fen; zero without a decision.
func (c *Case) Amount() int64 {
	if c.Decision == nil {
		return 0
	}
	return fen(c.Decision.Amount)
}
