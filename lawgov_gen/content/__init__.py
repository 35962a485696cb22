"""Model to output-neutral content: figures, expressions, numbering, prose, layout."""
