"""`lawgov-gen import`, stage one: read last year's report into a clean paragraph stream."""

from lawgov_gen.commands.importer.paragraphs import (
    ImportProblem,
    SourceDocument,
    SourceParagraph,
    read_document,
)

__all__ = ["ImportProblem", "SourceDocument", "SourceParagraph", "read_document"]
