"""The facilitation scripts bundled with workshop-tui: the YAML and Markdown files beside it."""
