"""The Textual app of the console: its launch, screens' flow, quitting, themes and messages."""
