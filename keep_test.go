package main

import (
	"path/filepath"
	"testing"

	"qingdan/config"
	"qingdan/msg"
)

func TestKeepMessages(t *testing.T) { msg.Check(t) }

// TestKeepOut checks that the places a build keeps clear of are read from
// site.toml, relative to its folder, with the folder itself last and the
// only one the output may lie inside.
func TestKeepOut(t *testing.T) {
	c := &config.Config{Dir: "/srv/proj", Content: "内容", Theme: "gov"}
	c.Reports.CaseFiles = "/data/案卷"
	c.Pipeline.Ledger = "ledger.jsonl"
	c.Pipeline.Outbox = "outbox"
	keep := keepOut(c)
	want := []string{"/srv/proj/内容", "/srv/proj/themes/gov", "/data/案卷", "/srv/proj/ledger.jsonl", "/srv/proj/outbox", "/srv/proj"}
	if len(keep) != len(want) {
		t.Fatalf("keepOut lists %d places, want %d", len(keep), len(want))
	}
	for i, k := range keep {
		if k.Path != filepath.FromSlash(want[i]) || k.What == "" || k.Outer != (i == len(want)-1) {
			t.Errorf("place %d = %+v, want path %s", i, k, want[i])
		}
	}
}
