"""The commands that read TEI: ``validate`` (against our schema or any other) and
``export`` (the reading editions of ``writers.FORMATS``).
"""
from __future__ import annotations

import sys

import click

from converter.cli_common import FILE, emit, format_options
from converter.errors import InputError
from converter.writers import FORMATS


@click.command(epilog="""\b
Examples:
  tei-edition validate tei/*.xml
  tei-edition validate --schema tei_all --quiet speech.xml && echo ok""")
@click.argument("files", nargs=-1, required=True, type=FILE)
@click.option("--schema", default="edition", show_default=True,
              help="edition (ours, with Schematron), tei_all, tei_lite, or PATH.rng")
@click.option("-q", "--quiet", is_flag=True,
              help="Print problems only, no line for a valid file (for scripts).")
def validate(files, schema, quiet):
    """Validate TEI FILES (- reads standard input); print each problem as file:line:col:
    message (with the element's xml:id), and a line for each valid file."""
    from converter.validate import SCHEMA_LABEL, check_file, check_schema
    from converter.xmlio import is_stdio, source_name

    if sum(map(is_stdio, files)) > 1:
        raise click.UsageError("standard input (-) can be read only once")

    check_schema(schema)  # fail early on a bad schema
    bad = 0
    for f in files:
        try:
            problems = check_file(f, schema)
        except InputError as err:
            click.echo(str(err), err=True)
            bad += 1
            continue
        for p in problems:
            click.echo(str(p))
        if not problems and not quiet:
            click.echo(f"{source_name(f)}: valid ({SCHEMA_LABEL.get(schema, schema)})")
        bad += bool(problems)
    if bad:
        sys.exit(1)


@click.command(epilog="""\b
Examples:
  tei-edition export speech.xml --to html -o speech.html
  tei-edition export speech.xml --to text --width 60 --index -o speech.txt""")
@click.argument("file", type=FILE)
@click.option("--to", "fmt", type=click.Choice(sorted(FORMATS)), required=True,
              help="; ".join(f"{w.name}: {w.help}" for w in FORMATS.values()) + ".")
@click.option("-o", "--output", type=FILE,
              help="Write the edition here (default, or -: standard output).")
@format_options
def export(file, fmt, output, **options):
    """Export a TEI FILE (- reads standard input) as an HTML or plain-text reading edition."""
    from converter.xmlio import parse_file

    writer = FORMATS[fmt]
    ctx = click.get_current_context()
    given = [name for name in options
             if ctx.get_parameter_source(name) != click.core.ParameterSource.DEFAULT]
    for name in given:
        if name not in writer.option_names():
            takers = [w.name for w in FORMATS.values() if name in w.option_names()]
            raise click.UsageError(f"--{name} is for --to {' or '.join(takers)}; the "
                                   f"{fmt} edition does not take it")
    emit(output, writer.write(parse_file(file), **{k: v for k, v in options.items()
                                                    if k in writer.option_names()}),
          inputs=(file,))
