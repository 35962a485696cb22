"""Templates, fonts and the Word and PDF renderers; render_file and render_many."""
