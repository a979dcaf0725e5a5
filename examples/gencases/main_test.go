package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "update golden files")

// TestExamplesUpToDate checks examples/casefiles is what the generator
// writes; run with -update to rewrite it.
func TestExamplesUpToDate(t *testing.T) {
	dir := filepath.Join("..", "casefiles")
	if *update {
		if err := write(dir); err != nil {
			t.Fatal(err)
		}
	}
	files := generate()
	if len(files) < 60 {
		t.Fatalf("%d example cases, want at least 60", len(files))
	}
	onDisk, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(onDisk) != len(files) {
		t.Errorf("%d case files on disk, the generator makes %d; run go test ./examples/gencases -update", len(onDisk), len(files))
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%v; run go test ./examples/gencases -update", err)
			continue
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from the generator's output; run go test ./examples/gencases -update", name)
		}
	}
}

// TestGenerateIsDeterministic checks two runs give the same bytes.
func TestGenerateIsDeterministic(t *testing.T) {
	a, b := generate(), generate()
	for name := range a {
		if string(a[name]) != string(b[name]) {
			t.Errorf("%s differs between runs", name)
		}
	}
}
