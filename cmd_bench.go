package main

import (
	"context"
	"fmt"
	"os"

	"qingdan/benchcontent"
	"qingdan/output"
)

const benchContentUsage = `
Usage: qingdan bench-content -items N -out DIR [-departments D] [-seed S] [-hugo DIR]

Write a synthetic site of N work items for benchmarks: DIR gets site.toml
and content/, built with "qingdan build" from inside DIR. The text mixes the
source document's own clauses; there are about N/5 duties, N/20 units, N/4
services and N/16 boundary matters. The same N and seed always give the same
bytes. DIR is replaced as a whole, in one step.

With -departments, DIR gets a county (or province) site instead: D
departments sharing the N items, each with its own content folder under
DIR/departments/ (see examples/county/).

With -hugo, the same content is also written as a Hugo content folder (one
Markdown page per item), for the comparison in bench/compare.sh.

Examples:
  qingdan bench-content -items 10000 -out /tmp/bench10k
  cd /tmp/bench10k && qingdan build
  qingdan bench-content -items 1000 -seed 7 -out /tmp/s -hugo /tmp/s-hugo/content
  qingdan bench-content -items 50000 -departments 100 -out /tmp/province
`

func runBenchContent(ctx context.Context, args []string) error {
	fs := newFlags("bench-content", benchContentUsage)
	items := fs.Int("items", 0, "number of work `items` (required)")
	out := fs.String("out", "", "site `folder` to write (required; replaced)")
	seed := fs.Uint64("seed", 1, "random `seed`; the same seed gives the same content")
	hugo := fs.String("hugo", "", "also write the content as a Hugo content `folder` (replaced)")
	departments := fs.Int("departments", 0, "make a county of this many `departments` (2 to 200)")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	if *items < 1 || *items > benchcontent.MaxItems {
		return usageError{fmt.Sprintf("-items must be 1 to %d", benchcontent.MaxItems)}
	}
	if *out == "" {
		return usageError{"-out is required"}
	}
	var files []benchcontent.File
	var err error
	if *departments != 0 {
		if *hugo != "" {
			return usageError{"-hugo makes one department's site; leave out -departments"}
		}
		files, err = benchcontent.County(*items, *departments, *seed)
		if err != nil {
			return usageError{err.Error()}
		}
	} else if files, err = benchcontent.Site(*items, *seed); err != nil {
		return err
	}
	if err := writeFolder(ctx, *out, files); err != nil {
		return err
	}
	if *hugo != "" {
		files, err := benchcontent.Hugo(*items, *seed)
		if err != nil {
			return err
		}
		if err := writeFolder(ctx, *hugo, files); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "qingdan: wrote %d work items to %s\n", *items, *out)
	return nil
}

// writeFolder replaces the folder dir with files in one step.
func writeFolder(ctx context.Context, dir string, files []benchcontent.File) error {
	d, err := output.NewDir(dir)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			d.Abort()
			return fmt.Errorf("interrupted; %s is unchanged", dir)
		}
		if err := d.WriteFile(f.Name, f.Data); err != nil {
			d.Abort()
			return err
		}
	}
	_, err = d.Commit()
	return err
}
