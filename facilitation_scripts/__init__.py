"""The facilitation scripts bundled with workshop-tui (YAML files beside this module)."""
