"""Scripts in Markdown, in the facilitation template's shape: reading and writing."""
