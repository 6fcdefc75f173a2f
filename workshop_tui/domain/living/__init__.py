"""Living agreements: versions in a chain, what changed, what carries over."""
