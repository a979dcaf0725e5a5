package search

// Synthetic exposes synthetic to the external tests and benchmarks.
var Synthetic = synthetic
