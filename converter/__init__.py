"""tei-edition: up-convert plain-text historical documents to annotated TEI P5 editions."""

__version__ = "0.1.0"
TOOL_NAME = "tei-edition"
