"""lawgov-gen: render the annual rule-of-law government report from YAML."""

__version__ = "0.1.0"
