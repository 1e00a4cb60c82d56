"""What the commands of ``cli`` share: the file argument and ``-o`` (``-`` is standard
input or output), ``--ner``, the options of the output formats, and writing a result to
a file (atomically) or to standard output.
"""
from __future__ import annotations

import sys
from dataclasses import MISSING, fields
from pathlib import Path

import click

from converter.writers import FORMATS

# A file argument or -o value; "-" is standard input as an argument, standard output after -o.
FILE = click.Path(dir_okay=False, allow_dash=True, path_type=Path)
NER = click.option("--ner", metavar="rules|spacy[:MODEL]",
                   help="Name finder besides the rules: 'rules' (default) or 'spacy[:MODEL]' "
                        "(needs pip install 'tei-edition[spacy]' and the model).")


def emit(output: Path | None, data, inputs=()) -> None:
    """``data`` to the file ``output`` (atomically), or to standard output for none or ``-``;
    ``data``: bytes, or a function that writes them to the binary file it is given."""
    from converter.xmlio import is_stdio, write_atomic

    if output is None or is_stdio(output):
        if isinstance(data, bytes):
            click.echo(data, nl=False)  # bytes: written as they are, whatever the locale
        else:
            sys.stdout.flush()
            out = getattr(sys.stdout, "buffer", sys.stdout)  # as click.echo writes bytes
            data(out)
            out.flush()
    else:
        write_atomic(output, data, inputs=inputs)


def format_options(command):
    """One option per field of the formats' options dataclasses (``--width``, ``--index``):
    a flag for a bool, a number (with its ``min``) for an int; help from the field."""
    seen: dict = {}
    for writer in FORMATS.values():
        for f in fields(writer.options):
            seen.setdefault(f.name, f)
    for f in reversed(list(seen.values())):
        flag, helptext = "--" + f.name.replace("_", "-"), f.metadata.get("help")
        if f.type in (bool, "bool"):
            command = click.option(flag, f.name, is_flag=True, help=helptext)(command)
        else:
            kind = click.IntRange(min=f.metadata.get("min")) if f.type in (int, "int") else str
            command = click.option(flag, f.name, default=None if f.default is MISSING
                                   else f.default, show_default=True, type=kind,
                                   help=helptext)(command)
    return command
