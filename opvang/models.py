"""Models of this app (see README.md, architecture)."""
