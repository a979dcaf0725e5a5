package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version and commit are set by release.sh with -ldflags "-X
// main.version=v1.2.0 -X main.commit=…"; both are empty in a build from
// source, which takes its commit from the build information that go build
// records in a git clone (vcs.revision). The commit set by release.sh
// serves where go build records none, as in a git worktree.
var version, commit string

func runVersion(ctx context.Context, args []string) error {
	fs := newFlags("version", versionUsage.S())
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Println(versionLine(info))
	return nil
}

// versionLine describes the running binary from its build information
// (nil when there is none): version, commit and time, Go version, system.
func versionLine(info *debug.BuildInfo) string {
	v, rev, when, modified := version, commit, "", ""
	if info != nil {
		if v == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version // go install qingdan@v1.2.0
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = " (" + s.Value + ")"
			case "vcs.modified":
				if s.Value == "true" {
					modified = "+modified"
				}
			}
		}
	}
	if v == "" {
		v = "devel"
	}
	if rev == "" {
		rev = "unknown"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return fmt.Sprintf("qingdan %s commit %s%s%s %s %s/%s", v, rev, modified, when, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
