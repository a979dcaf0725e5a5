// Command qingdan publishes a bureau's responsibility list (责任清单) as a
// static transparency website and files its semiannual compliance reports.
//
// Run "qingdan help" for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"qingdan/msg"
)

// command is one subcommand of qingdan.
type command struct {
	name    string
	summary msg.Message
	run     func(ctx context.Context, args []string) error
}

var commands = []command{
	{"build", sumBuild, runBuild},
	{"check", sumCheck, runCheck},
	{"serve", sumServe, runServe},
	{"new", sumNew, runNew},
	{"fix-encoding", sumFixEncoding, runFixEncoding},
	{"report", sumReport, runReport},
	{"import", sumImport, runImport},
	{"pipeline", sumPipeline, runPipeline},
	{"bench-content", sumBench, runBenchContent},
	{"version", sumVersion, runVersion},
}

// Exit codes.
const (
	exitOK      = 0
	exitProblem = 1 // content or configuration errors, or a failed run
	exitUsage   = 2 // bad command line
)

// usageError is a mistake on the command line; it exits 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// errReported means the problems were already printed; it exits 1 with no
// further message.
var errReported = errors.New("problems reported")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stderr io.Writer) int {
	args, err := chooseLang(args)
	if err != nil {
		fmt.Fprintf(stderr, "qingdan: %v\n", err)
		return exitUsage
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		printUsage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:])
		var ue usageError
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "qingdan %s: %s\n%s\n", c.name, ue.msg, cliSeeUsage.S(c.name))
			return exitUsage
		case errors.Is(err, errReported):
			return exitProblem
		default:
			fmt.Fprintf(stderr, "qingdan: %s%v\n", cliError.S(), err)
			return exitProblem
		}
	}
	fmt.Fprintf(stderr, "qingdan: %s\n", cliUnknownCommand.S(args[0]))
	printUsage(stderr)
	return exitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, cliUsageHead.S())
	for _, c := range commands {
		fmt.Fprintf(w, "  %-14s %s\n", c.name, c.summary.S())
	}
	fmt.Fprintln(w, cliUsageTail.S())
}

// newFlags returns a flag set for a subcommand whose -h prints usage, a
// description with examples, and the flags. Every command takes -lang,
// which chooseLang has already applied.
func newFlags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet("qingdan "+name, flag.ContinueOnError)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintln(w, strings.TrimSpace(usage))
		fmt.Fprintln(w, cliFlags.S())
		fs.PrintDefaults()
	}
	fs.String("lang", "zh", cliLangFlag.S())
	return fs
}

// chooseLang sets the language of every message: Chinese, unless
// QINGDAN_LANG or a -lang flag (before the command, or among its flags)
// asks for English. The machine's locale (LANG, LC_ALL) is never looked
// at: an office PC set to English still speaks Chinese to its editors.
// It returns args without the flags given before the command.
func chooseLang(args []string) ([]string, error) {
	msg.SetLang(msg.ZH)
	if v := os.Getenv("QINGDAN_LANG"); v != "" {
		if err := setLang(v); err != nil {
			return nil, err
		}
	}
	for len(args) > 0 {
		v, n, ok := langFlag(args)
		if !ok {
			break
		}
		if err := setLang(v); err != nil {
			return nil, err
		}
		args = args[n:]
	}
	for i := 1; i < len(args) && args[i] != "--"; i++ {
		if v, _, ok := langFlag(args[i:]); ok {
			if err := setLang(v); err != nil {
				return nil, err
			}
		}
	}
	return args, nil
}

// langFlag reads "-lang en", "--lang en" or "-lang=en" at the start of
// args; n is how many arguments it took.
func langFlag(args []string) (v string, n int, ok bool) {
	name, value, hasValue := strings.Cut(strings.TrimPrefix(args[0], "-"), "=")
	if !strings.HasPrefix(args[0], "-") || name != "lang" && name != "-lang" {
		return "", 0, false
	}
	if hasValue {
		return value, 1, true
	}
	if len(args) < 2 {
		return "", 1, true
	}
	return args[1], 2, true
}

func setLang(v string) error {
	l, ok := msg.ParseLang(v)
	if !ok {
		return cliBadLang.Error(v)
	}
	msg.SetLang(l)
	return nil
}

// parseFlags parses args and turns flag errors into usage errors; extra
// positional arguments are refused unless the command takes them.
func parseFlags(fs *flag.FlagSet, args []string, maxArgs int) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > maxArgs {
		return usageError{cliExtraArg.S(fs.Arg(maxArgs))}
	}
	return nil
}
