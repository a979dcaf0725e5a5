package main

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestVersionLine(t *testing.T) {
	vcs := &debug.BuildInfo{Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "4f2a9c1e7b3d5a6b7c8d9e0f1a2b3c4d5e6f7a8b"},
		{Key: "vcs.time", Value: "2026-12-01T21:47:12Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	sys := " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
	tests := []struct {
		name            string
		version, commit string
		info            *debug.BuildInfo
		want            string
	}{
		{"from source in a clone", "", "", vcs, "qingdan devel commit 4f2a9c1e7b3d+modified (2026-12-01T21:47:12Z)"},
		{"release", "v1.2.0", "0123456789abcdef0123", &debug.BuildInfo{}, "qingdan v1.2.0 commit 0123456789ab"},
		{"go install", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.3.0"}}, "qingdan v1.3.0 commit unknown"},
		{"no build information", "", "", nil, "qingdan devel commit unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			version, commit = tt.version, tt.commit
			defer func() { version, commit = "", "" }()
			if got := versionLine(tt.info); got != tt.want+sys {
				t.Errorf("versionLine = %q, want %q", got, tt.want+sys)
			}
		})
	}
}
