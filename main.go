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
)

// command is one subcommand of qingdan.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string) error
}

var commands = []command{
	{"build", "build the site from site.toml and content/", runBuild},
	{"check", "validate site.toml and content/, print every problem", runCheck},
	{"serve", "preview the site, rebuilding and reloading on every edit", runServe},
	{"report", "case-file checks and the semiannual reports, one period by hand", runReport},
	{"import", "read a list kept in Word (.docx) or Excel (.xlsx) into content/", runImport},
	{"pipeline", "the daemon that files every due report exactly once", runPipeline},
	{"bench-content", "write synthetic content of any size for benchmarks", runBenchContent},
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
			fmt.Fprintf(stderr, "qingdan %s: %s\nrun \"qingdan %s -h\" for usage\n", c.name, ue.msg, c.name)
			return exitUsage
		case errors.Is(err, errReported):
			return exitProblem
		default:
			fmt.Fprintf(stderr, "qingdan: error: %v\n", err)
			return exitProblem
		}
	}
	fmt.Fprintf(stderr, "qingdan: unknown command %q\n", args[0])
	printUsage(stderr)
	return exitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "qingdan publishes a responsibility list (责任清单) as a static website and files its compliance reports.")
	fmt.Fprintln(w, "\nUsage: qingdan <command> [flags]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-14s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"qingdan <command> -h\" for a command's flags and examples.")
}

// newFlags returns a flag set for a subcommand whose -h prints usage, a
// description with examples, and the flags.
func newFlags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet("qingdan "+name, flag.ContinueOnError)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintln(w, strings.TrimSpace(usage))
		fmt.Fprintln(w, "\nFlags:")
		fs.PrintDefaults()
	}
	return fs
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
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(maxArgs))}
	}
	return nil
}
