package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"qingdan/config"
	"qingdan/period"
	"qingdan/pipeline"
	"qingdan/reports"
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
	if sub != "run" && sub != "status" {
		return usageError{pipelineUnknownSub.S(sub)}
	}
	cfg, ps := config.Load(*configPath)
	fmt.Fprint(os.Stderr, ps.String())
	if ps.HasErrors() {
		return errReported
	}
	o := pipelineOptions(cfg, log.New(os.Stderr, "qingdan pipeline: ", log.LstdFlags))
	if sub == "status" {
		return pipeline.WriteStatus(os.Stdout, o, time.Now())
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
		Org:        cfg.Org.Name,
		Backoff:    pc.Backoff,
		BackoffMax: pc.BackoffMax,
		Log:        logger,
	}
	for _, s := range pc.Specs {
		o.Jobs = append(o.Jobs, pipeline.Job{Kind: s.Kind, Spec: s.Spec, Schedule: s.Schedule})
	}
	if s := pc.SMTP; s.Host != "" {
		o.Mail = &pipeline.SMTP{Host: s.Host, Port: s.Port, From: s.From, To: s.To, Username: s.Username, Password: os.Getenv(s.PasswordEnv)}
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

// reportProducer makes the reports of a kind for a period with package
// reports, from the case files site.toml points to.
func reportProducer(cfg *config.Config) pipeline.Producer {
	return func(ctx context.Context, kind string, p period.Period) ([]pipeline.File, error) {
		files, err := reports.Produce(cfg, kind, p)
		if err != nil {
			return nil, err
		}
		out := make([]pipeline.File, len(files))
		for i, f := range files {
			out[i] = pipeline.File{Name: f.Name, Data: f.Data}
		}
		return out, nil
	}
}
