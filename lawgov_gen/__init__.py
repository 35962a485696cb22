"""lawgov-gen: render the annual rule-of-law government report from YAML."""

__all__ = ["__version__"]

try:  # written by the build from the git tag (pyproject: tool.hatch.build.hooks.vcs)
    from lawgov_gen._version import __version__
except ImportError:  # a source tree that was never built or installed
    __version__ = "0.0+unknown"
