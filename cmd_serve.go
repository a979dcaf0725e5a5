package main

import (
	"context"
	"errors"
)

// runServe previews the site; being written (preview engineer).
func runServe(ctx context.Context, args []string) error {
	return errors.New("serve is not ready yet")
}
