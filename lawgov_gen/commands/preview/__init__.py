"""`lawgov-gen preview`: the report in the browser while the clerk edits the YAML, with every
`check` finding marked where it occurs, updated by itself after each save.

build: one save → findings and the marked HTML; locate/marks: where each finding shows;
page: the page and its updates; watcher: polling the files used; session: the current state
and the downloads; server: HTTP on 127.0.0.1 only; assets: the template files it may serve.
"""

from lawgov_gen.commands.preview.server import PreviewServer
from lawgov_gen.commands.preview.session import Preview

__all__ = ["Preview", "PreviewServer"]
