"""Writers: TEI file -> reading editions. They read the TEI, never the internal model,
so they work on any TEI (ours or another project's).

``FORMATS`` is the one table of output formats: each ``Writer`` declares its name, file
extension, a typed options dataclass and its help line; the CLI builds ``export --to``
and its option checks from it, and ``build`` writes one edition per entry. An option a
format does not declare is an error, never silently dropped.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class HtmlOptions:
    """The HTML edition has no options (its index of names is always there)."""


@dataclass(frozen=True)
class TextOptions:
    """Line width, and whether to add the index of names."""

    width: int = 72
    index: bool = False


@dataclass(frozen=True)
class Writer:
    """One output format."""

    name: str
    extension: str
    options: type
    help: str
    module: str  # its ``write(tree, **options)``; imported on first use (the CLI starts fast)

    def option_names(self) -> tuple[str, ...]:
        """The options this format takes."""
        return tuple(f.name for f in fields(self.options))

    def __call__(self, tree, **options) -> bytes:
        """The edition of a parsed TEI ``tree`` as bytes; an option the format does not
        take raises ValueError."""
        unknown = sorted(set(options) - set(self.option_names()))
        if unknown:
            raise ValueError(f"the {self.name} edition takes no option {', '.join(unknown)}")
        opts = self.options(**options)
        write = importlib.import_module(self.module).write
        return write(tree, **{f.name: getattr(opts, f.name) for f in fields(opts)})


FORMATS: dict[str, Writer] = {w.name: w for w in (
    Writer("html", ".html", HtmlOptions, "a self-contained reading edition",
           "converter.writers.html"),
    Writer("text", ".txt", TextOptions, "plain UTF-8 text", "converter.writers.text"),
)}
# Shorthands for callers that only write: name -> writer, name -> file extension.
WRITERS: dict[str, Writer] = FORMATS
EXTENSIONS: dict[str, str] = {name: w.extension for name, w in FORMATS.items()}
