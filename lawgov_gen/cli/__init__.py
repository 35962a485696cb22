"""Command line: the click group and commands; the only place that imports click."""

from lawgov_gen.cli.app import cli, console, main

__all__ = ["cli", "console", "main"]
