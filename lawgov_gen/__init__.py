"""lawgov-gen: render the annual rule-of-law government report from YAML."""

try:  # written by the build from the git tag (pyproject: tool.hatch.build.hooks.vcs)
    from lawgov_gen._version import __version__
except ImportError:  # a source tree that was never built or installed
    __version__ = "0.0+unknown"
