package config

import (
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"qingdan/period"
	"qingdan/source"
)

// Pipeline is the [pipeline] section of site.toml: when each report is
// produced, where the ledger and the outbox live, and how reports are
// e-mailed to the county legal affairs office.
type Pipeline struct {
	// FirstPeriod is the first half year the daemon files, such as
	// "2025H2"; periods before it are never produced. Required when a
	// schedule is set.
	FirstPeriod string   `toml:"first_period"`
	Schedule    Schedule `toml:"schedule"`
	// Ledger is the append-only record of every filing and delivery,
	// default "ledger.jsonl". Its lock file is Ledger + ".lock".
	Ledger string `toml:"ledger"`
	// Outbox is the folder reports are delivered into, one subfolder per
	// period, default "outbox" (git-ignored).
	Outbox string `toml:"outbox"`
	// RetryBackoff is the wait after the first failed attempt, doubled
	// after each further failure up to RetryBackoffMax: Go durations such
	// as "5m" and "6h". Defaults "5m" and "6h".
	RetryBackoff    string `toml:"retry_backoff"`
	RetryBackoffMax string `toml:"retry_backoff_max"`
	SMTP            SMTP   `toml:"smtp"`

	// Specs are the scheduled kinds with their parsed cron specs, in a
	// fixed order (evaluation, filing). Set by Load.
	Specs []Spec `toml:"-"`
	// First is FirstPeriod parsed. Set by Load.
	First period.Period `toml:"-"`
	// Backoff and BackoffMax are the retry durations parsed. Set by Load.
	Backoff    time.Duration `toml:"-"`
	BackoffMax time.Duration `toml:"-"`
}

// Schedule holds one cron spec per report kind, in standard five-field
// cron syntax read in Asia/Shanghai time: "0 9 5 1,7 *" is 09:00 on
// 5 January and 5 July. An empty spec means the kind is not scheduled.
type Schedule struct {
	Evaluation string `toml:"evaluation"` // 案卷评查报告
	Filing     string `toml:"filing"`     // 重大征收或处罚决定备案报告
}

// Spec is one report kind with its cron schedule.
type Spec struct {
	Kind     string        // "evaluation" or "filing"
	Spec     string        // as written in site.toml
	Schedule cron.Schedule // parsed; its Next is read in Asia/Shanghai
}

// SMTP is the mail server reports are sent through. E-mail is off when
// Host is empty. The password is never written in site.toml: PasswordEnv
// names the environment variable that holds it.
type SMTP struct {
	Host        string   `toml:"host"`
	Port        int      `toml:"port"` // default 587 (STARTTLS); 465 is TLS from the start
	From        string   `toml:"from"`
	To          []string `toml:"to"`
	Username    string   `toml:"username"`     // PLAIN authentication when set
	PasswordEnv string   `toml:"password_env"` // such as "QINGDAN_SMTP_PASSWORD"
}

var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// ParseCron parses a five-field cron spec (or a descriptor such as
// "@monthly") as the pipeline reads it: in Asia/Shanghai time, never
// earlier than now. It turns the cron parser's panics on malformed input
// into errors, and refuses time-zone prefixes and specs that never fire.
func ParseCron(spec string) (sched cron.Schedule, err error) {
	if strings.HasPrefix(spec, "TZ=") || strings.HasPrefix(spec, "CRON_TZ=") {
		return nil, fmt.Errorf("cron spec %q sets a time zone; specs are always read in Asia/Shanghai time, remove the prefix", spec)
	}
	defer func() {
		if r := recover(); r != nil {
			sched, err = nil, fmt.Errorf("cron spec %q is malformed (%v)", spec, r)
		}
	}()
	sched, err = cron.ParseStandard(spec)
	if err != nil {
		return nil, fmt.Errorf("cron spec %q: %v", spec, err)
	}
	// SpecSchedule.Next gives up after five years; a spec such as
	// "0 9 30 2 *" (30 February) never fires at all.
	if sched.Next(time.Date(2000, 1, 1, 0, 0, 0, 0, period.Zone)).IsZero() {
		return nil, fmt.Errorf("cron spec %q never fires", spec)
	}
	return sched, nil
}

func (p *Pipeline) validate(c *Config, at *source.Positions, ps *source.Problems) {
	if p.Ledger == "" {
		p.Ledger = "ledger.jsonl"
	}
	if p.Outbox == "" {
		p.Outbox = "outbox"
	}
	for _, k := range []struct{ key, spec string }{{"evaluation", p.Schedule.Evaluation}, {"filing", p.Schedule.Filing}} {
		if k.spec == "" {
			continue
		}
		sched, err := ParseCron(k.spec)
		if err != nil {
			ps.Add(at.Of("pipeline.schedule."+k.key), cronBadFix.S(), cronBad.S(err))
			continue
		}
		p.Specs = append(p.Specs, Spec{Kind: k.key, Spec: k.spec, Schedule: sched})
	}
	switch {
	case p.FirstPeriod != "":
		first, err := period.Parse(p.FirstPeriod)
		if err != nil {
			ps.Add(at.Of("pipeline.first_period"), firstPeriodFix.S(), firstPeriodBad.S(err))
		}
		p.First = first
	case p.Schedule.Evaluation != "" || p.Schedule.Filing != "":
		ps.Add(at.Of("pipeline"), firstPeriodNeedFix.S(), firstPeriodNeed.S())
	}
	p.Backoff = p.duration(at, ps, "retry_backoff", p.RetryBackoff, 5*time.Minute)
	p.BackoffMax = p.duration(at, ps, "retry_backoff_max", p.RetryBackoffMax, 6*time.Hour)
	if p.BackoffMax < p.Backoff {
		ps.Add(at.Of("pipeline.retry_backoff_max"), backoffOrderFix.S(), backoffOrder.S(p.BackoffMax, p.Backoff))
	}
	p.SMTP.validate(at, ps)
}

// duration parses a retry duration, giving def when it is empty.
func (p *Pipeline) duration(at *source.Positions, ps *source.Problems, key, s string, def time.Duration) time.Duration {
	if s == "" {
		return def
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		ps.Add(at.Of("pipeline."+key), durationFix.S(), durationBad.S(key, s))
		return def
	}
	return d
}

func (s *SMTP) validate(at *source.Positions, ps *source.Problems) {
	if s.Host == "" {
		if s.From != "" || len(s.To) > 0 || s.Username != "" || s.PasswordEnv != "" {
			ps.Add(at.Of("pipeline.smtp"), smtpNoHostFix.S(), smtpNoHost.S())
		}
		return
	}
	if s.Port == 0 {
		s.Port = 587
	}
	if s.Port < 1 || s.Port > 65535 {
		ps.Add(at.Of("pipeline.smtp.port"), smtpPortFix.S(), smtpPort.S(s.Port))
	}
	if _, err := mail.ParseAddress(s.From); err != nil {
		ps.Add(at.Of("pipeline.smtp.from"), smtpFromFix.S(), smtpFrom.S(s.From))
	}
	if len(s.To) == 0 {
		ps.Add(at.Of("pipeline.smtp"), smtpNoToFix.S(), smtpNoTo.S())
	}
	for i, to := range s.To {
		if _, err := mail.ParseAddress(to); err != nil {
			ps.Add(at.Of(fmt.Sprintf("pipeline.smtp.to[%d]", i)), smtpToFix.S(), smtpTo.S(to))
		}
	}
	if s.PasswordEnv != "" && !envName.MatchString(s.PasswordEnv) {
		ps.Add(at.Of("pipeline.smtp.password_env"), smtpEnvFix.S(), smtpEnv.S(s.PasswordEnv))
	}
	if s.Username != "" && s.PasswordEnv == "" {
		ps.Add(at.Of("pipeline.smtp"), smtpNoPassFix.S(), smtpNoPass.S())
	}
}
