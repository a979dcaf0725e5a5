package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBenchContentBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	hugo := filepath.Join(t.TempDir(), "hugo")
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"bench-content", "-items", "60", "-seed", "3", "-out", dir, "-hugo", hugo}, &stderr); code != exitOK {
		t.Fatalf("bench-content exit %d: %s", code, stderr.String())
	}
	cfg := filepath.Join(dir, "site.toml")
	if code := run(context.Background(), []string{"check", "-config", cfg}, &stderr); code != exitOK {
		t.Fatalf("check of generated content exit %d: %s", code, stderr.String())
	}
	public := filepath.Join(t.TempDir(), "public")
	if code := run(context.Background(), []string{"build", "-config", cfg, "-out", public}, &stderr); code != exitOK {
		t.Fatalf("build of generated content exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(public, "duties", "01", "index.html")); err != nil {
		t.Errorf("built site has no page for duty 01: %v", err)
	}
	items, err := filepath.Glob(filepath.Join(hugo, "items", "*-*.md"))
	if err != nil || len(items) != 60 {
		t.Errorf("hugo content has %d item pages, want 60 (%v)", len(items), err)
	}
}

func TestBenchContentSameSeedSameBytes(t *testing.T) {
	read := func(seed string) string {
		dir := filepath.Join(t.TempDir(), "site")
		var stderr bytes.Buffer
		if code := run(context.Background(), []string{"bench-content", "-items", "40", "-seed", seed, "-out", dir}, &stderr); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		data, err := os.ReadFile(filepath.Join(dir, "content", "duties.toml"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if read("9") != read("9") {
		t.Error("the same seed wrote different duties.toml")
	}
	if read("9") == read("10") {
		t.Error("different seeds wrote the same duties.toml")
	}
}

func TestBenchContentUsage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-out", out}, "-items 必须是 1 到"},
		{[]string{"-items", "0", "-out", out}, "-items 必须是 1 到"},
		{[]string{"-lang", "en", "-items", "0", "-out", out}, "-items must be 1 to"},
		{[]string{"-items", "10"}, "必须写 -out"},
		{[]string{"-items", "10", "-out", out, "extra"}, `多了参数 "extra"`},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		code := run(context.Background(), append([]string{"bench-content"}, tt.args...), &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%v: exit %d, %q; want exit %d and %q", tt.args, code, stderr.String(), exitUsage, tt.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v: wrote %s after a usage error", tt.args, out)
		}
	}
}
