"""Writers: TEI file -> reading editions. They read the TEI, never the internal model,
so they work on any TEI (ours or another project's).

``FORMATS`` is the one table of output formats: each writer class (a
``behaviours.BehaviourWriter``) declares its name, file extension, a typed options
dataclass and its help line, and has one method per behaviour of the behaviour table. The
CLI builds ``export --to`` and its option checks from it, and ``build`` writes one edition
per entry. An option a format does not declare is an error, never silently dropped.
"""
from __future__ import annotations

from converter.writers.behaviours import BehaviourWriter
from converter.writers.html import HtmlWriter
from converter.writers.text import TextWriter

FORMATS: dict[str, type[BehaviourWriter]] = {w.name: w for w in (HtmlWriter, TextWriter)}
# Shorthands for callers that only write: name -> writer, name -> file extension.
WRITERS = FORMATS
EXTENSIONS: dict[str, str] = {name: w.extension for name, w in FORMATS.items()}
