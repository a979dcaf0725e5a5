package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"qingdan/config"
	"qingdan/pipeline"
)

// runPipeline is "qingdan pipeline": the report daemon, or its status.
func runPipeline(ctx context.Context, args []string) error {
	sub := "run"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		sub, args = args[0], args[1:]
	}
	fs := newFlags("pipeline", pipelineUsage.S())
	configPath := fs.String("config", "site.toml", siteTomlPathFlag.S())
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	switch sub {
	case "run", "status", "recover", "test-delivery":
	default:
		return usageError{pipelineUnknownSub.S(sub)}
	}
	cfg, ps := config.Load(*configPath)
	fmt.Fprint(os.Stderr, ps.String())
	if ps.HasErrors() {
		return errReported
	}
	o := pipelineOptions(cfg, log.New(os.Stderr, "qingdan pipeline: ", log.LstdFlags))
	switch sub {
	case "status":
		if err := refuseExamples(cfg); err != nil {
			fmt.Println(msgStatusExamples.S(cfg.Reports.CaseFiles))
		}
		return pipeline.WriteStatus(os.Stdout, o, time.Now())
	case "recover":
		n, err := pipeline.Recover(o)
		if err != nil {
			return err
		}
		fmt.Println(msgRecovered.S(o.Ledger, n))
		return nil
	case "test-delivery":
		return testDelivery(ctx, cfg, o)
	}
	if err := refuseExamples(cfg); err != nil {
		return err
	}
	if len(o.Jobs) == 0 {
		return pipelineNoSchedule.Error(cfg.File)
	}
	if err := checkSMTPPassword(cfg); err != nil {
		return err
	}
	p, err := pipeline.Open(o)
	if err != nil {
		return err
	}
	defer p.Close()
	return p.Run(ctx)
}

// pipelineOptions turns the [pipeline] section of site.toml into the
// pipeline's options, with the real report producer. Filing one period by
// hand (qingdan report) uses the same options, so the same ledger and lock.
func pipelineOptions(cfg *config.Config, logger *log.Logger) pipeline.Options {
	pc := cfg.Pipeline
	o := pipeline.Options{
		First:      pc.First,
		Ledger:     cfg.Path(pc.Ledger),
		Outbox:     cfg.Path(pc.Outbox),
		Produce:    reportProducer(cfg),
		Number:     pc.Number,
		Hold:       reviewHold(cfg),
		HoldDays:   pc.WaitForReviews,
		Org:        cfg.Org.Name,
		Backoff:    pc.Backoff,
		BackoffMax: pc.BackoffMax,
		Log:        logger,
	}
	for _, s := range pc.Specs {
		o.Jobs = append(o.Jobs, pipeline.Job{Kind: s.Kind, Spec: s.Spec, Schedule: s.Schedule})
	}
	if s := pc.SMTP; s.Host != "" {
		o.Mail = &pipeline.SMTP{Host: s.Host, Port: s.Port, From: s.From, To: s.To, Username: s.Username, Password: os.Getenv(s.PasswordEnv),
			Timeouts: pipeline.Timeouts{Dial: min(s.CommandTimeout, pipeline.DefaultDialTimeout), Command: s.CommandTimeout, Data: s.MessageTimeout}}
	}
	return o
}

// checkSMTPPassword fails when site.toml names a password variable that is
// not set, before any delivery is tried with an empty password.
func checkSMTPPassword(cfg *config.Config) error {
	s := cfg.Pipeline.SMTP
	if s.Host == "" || s.PasswordEnv == "" {
		return nil
	}
	if os.Getenv(s.PasswordEnv) == "" {
		return pipelineNoPassword.Error(s.PasswordEnv, cfg.File)
	}
	return nil
}

// testDelivery sends one test message through the configured mail server,
// filing nothing.
func testDelivery(ctx context.Context, cfg *config.Config, o pipeline.Options) error {
	if o.Mail == nil {
		return msgNoSMTP.Error(cfg.File)
	}
	if err := checkSMTPPassword(cfg); err != nil {
		return err
	}
	now := time.Now()
	m := pipeline.Message{
		Subject: msgTestSubject.S(cfg.Org.Name),
		Body:    msgTestBody.S(cfg.Org.Name, now.Format("2006-01-02 15:04:05")),
		Date:    now,
		ID:      fmt.Sprintf("test.%d@qingdan", now.UnixNano()),
	}
	if err := o.Mail.Send(ctx, m); err != nil {
		return err
	}
	s := cfg.Pipeline.SMTP
	fmt.Println(msgTestSent.S(strings.Join(s.To, ", "), s.Host, s.Port))
	return nil
}
