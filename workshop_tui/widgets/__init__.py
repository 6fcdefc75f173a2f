"""Generic widgets, with no knowledge of workshops: lists, scrolling, wrapped text, the footer."""
