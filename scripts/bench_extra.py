"""Timings besides page loads for `make bench`: (label, function) pairs; a function may return a note."""

METINGEN = []
