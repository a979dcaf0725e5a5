package main

import "context"

// runReport is "qingdan report": case-file checks and the semiannual
// reports (being written).
func runReport(ctx context.Context, args []string) error {
	return usageError{"report: not implemented yet"}
}
