package main

import (
	"context"
	"errors"
)

// runPipeline runs the report daemon or prints its status.
func runPipeline(ctx context.Context, args []string) error {
	return errors.New("pipeline: not built yet")
}
