"""Scripts in YAML: writing (reading is the loader's)."""
