"""The core of each command that is not render or check."""
