package main

import (
	"context"
	"fmt"
	"os"

	"qingdan/benchcontent"
	"qingdan/output"
)

func runBenchContent(ctx context.Context, args []string) error {
	fs := newFlags("bench-content", benchUsage.S())
	items := fs.Int("items", 0, benchItemsFlag.S())
	out := fs.String("out", "", benchOutFlag.S())
	seed := fs.Uint64("seed", 1, benchSeedFlag.S())
	hugo := fs.String("hugo", "", benchHugoFlag.S())
	departments := fs.Int("departments", 0, benchDepartmentsFlag.S())
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	if *items < 1 || *items > benchcontent.MaxItems {
		return usageError{benchItemsRange.S(benchcontent.MaxItems)}
	}
	if *out == "" {
		return usageError{benchOutRequired.S()}
	}
	var files []benchcontent.File
	var err error
	if *departments != 0 {
		if *hugo != "" {
			return usageError{benchHugoOneSite.S()}
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
	fmt.Fprintln(os.Stderr, benchWrote.S(*items, *out))
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
			return benchInterrupted.Error(dir)
		}
		if err := d.WriteFile(f.Name, f.Data); err != nil {
			d.Abort()
			return err
		}
	}
	_, err = d.Commit()
	return err
}
