package main

import (
	"context"
	"errors"
)

func runBenchContent(ctx context.Context, args []string) error {
	return errors.New("bench-content is being written")
}
