"""The ``tei-edition`` command line: a thin layer over pipeline, validate and writers.

Exit codes: 0 ok, 1 invalid input or invalid TEI, 2 usage. Problems print as
``file:line:col: message``; tracebacks only with ``--debug``.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import MISSING, fields
from pathlib import Path

import click

from converter import __version__
from converter.errors import InputError
from converter.writers import FORMATS


def _fail(err: InputError) -> None:
    click.echo(str(err), err=True)
    sys.exit(1)


# A file argument or -o value; "-" is standard input as an argument, standard output after -o.
_FILE = click.Path(dir_okay=False, allow_dash=True, path_type=Path)
_NER = click.option("--ner", metavar="rules|spacy[:MODEL]",
                    help="Name finder besides the rules: 'rules' (default) or 'spacy[:MODEL]' "
                         "(needs pip install 'tei-edition[spacy]' and the model).")


def _emit(output: Path | None, data, inputs=()) -> None:
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


class _Group(click.Group):
    """Turns InputError (and, without --debug, any crash) into a one-line error, exit 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except InputError as err:
            _fail(err)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except BrokenPipeError:  # `tei-edition validate big.xml | head`: stop quietly
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError):
                pass
            sys.exit(1)
        except Exception as err:  # noqa: BLE001 - last line of defence for users
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"tei-edition: internal error: {type(err).__name__}: {err}", err=True)
            click.echo("  hint: rerun with --debug for a traceback and report it", err=True)
            sys.exit(1)


@click.group(cls=_Group, epilog="""\b
Examples:
  tei-edition convert speech.txt -o speech.xml --report
  tei-edition build seeds/ && tei-edition validate --schema tei_all tei/*.xml""")
@click.version_option(__version__, prog_name="tei-edition")
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
@click.pass_context
def main(ctx, debug):
    """Turn plain-text historical documents into TEI P5 editions, validate, and export."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


_CERT = click.Choice(["low", "medium", "high"])


@main.command(epilog="""\b
Examples:
  tei-edition convert speech.txt -o speech.xml --report-json speech.review.json
  tei-edition convert speech.txt -o speech.xml --report --max-cert medium
  tei-edition convert - -o - < speech.txt | tei-edition export - --to text""")
@click.argument("seed", type=_FILE)
@click.option("-o", "--output", type=_FILE,
              help="Write the TEI here (default, or -: standard output).")
@click.option("--encoding", help="Encoding of the text file if not UTF-8 (e.g. cp1252).")
@click.option("--report", is_flag=True,
              help="Print the review report on standard error: one line per inference, "
                   "lowest certainty first, with the xml:id made, then a count per kind.")
@click.option("--report-json", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the review report as JSON to this file: line, column, xml_id, "
                   "element, cert, reason, detail and excerpt of every inference.")
@click.option("--min-cert", type=_CERT, help="Report only inferences at least this certain.")
@click.option("--max-cert", type=_CERT,
              help="Report only inferences at most this certain (low: the doubtful ones).")
@click.option("--dump", is_flag=True,
              help="Print the internal document model (blocks, nodes, spans) to stderr.")
@click.option("--authority", type=click.Path(dir_okay=False, path_type=Path),
              help="Shared entity authority file (JSON, like a sidecar's entities).")
@_NER
def convert(seed, output, encoding, report, report_json, min_cert, max_cert, dump, authority,
            ner):
    """Convert SEED.txt (and its sidecar SEED.json) to TEI; SEED - reads standard input."""
    from converter.pipeline import sidecar_path, stage_file
    from converter.xmlio import is_stdio, write_atomic

    if not is_stdio(seed):
        _warn_if_markup(seed)
    # Made and checked, but written only after the report: piece by piece, never whole.
    # Mentions and inferences are kept only for a report that shows them; the body waits
    # beside the output (on disk, not in a temporary folder that may be memory).
    to_file = output is not None and not is_stdio(output) and output.parent.is_dir()
    staged, doc = stage_file(seed, encoding, authority, ner, bool(dump or report or report_json),
                             output.parent if to_file else None)
    with staged:
        _report(seed, doc, dump, report, report_json, min_cert, max_cert)
        _emit(output, staged.write_to, inputs=(seed, sidecar_path(seed)))


def _report(seed, doc, dump, report, report_json, min_cert, max_cert) -> None:
    """``convert``'s --dump, --report and --report-json."""
    from converter.pipeline import sidecar_path
    from converter.xmlio import write_atomic

    if dump:
        click.echo(doc.dump(), nl=False, err=True)
    if report or report_json:
        from converter import review

        items = review.select(review.entries(doc), min_cert, max_cert)
        if report_json:
            write_atomic(report_json, review.to_json(items, doc.source),
                         inputs=(seed, sidecar_path(seed)))
        if report:
            for line in review.to_lines(items, doc.source):
                click.echo(line, err=True)


def _warn_if_markup(seed: Path) -> None:
    """One line on stderr when the 'text' to convert is XML or HTML already."""
    try:
        with open(seed, "rb") as fh:
            head = fh.read(512).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    except OSError:
        return  # convert_file names the problem
    if head.startswith((b"<?xml", b"<!doctype", b"<html", b"<tei")):
        click.echo(f"{seed}: warning: this looks like XML or HTML, not plain text; "
                   "use 'tei-edition validate' or 'tei-edition export' for TEI", err=True)


@main.command(epilog="""\b
Examples:
  tei-edition entities speech.txt
  tei-edition entities speech.txt --authority people.json --json > names.json""")
@click.argument("seed", type=_FILE)
@click.option("--json", "as_json", is_flag=True, help="One JSON object, for tools.")
@click.option("--authority", type=click.Path(dir_okay=False, path_type=Path),
              help="Shared entity authority file (JSON, like a sidecar's entities).")
@click.option("--encoding", help="Encoding of the text file if not UTF-8 (e.g. cp1252).")
@_NER
def entities(seed, as_json, authority, encoding, ner):
    """Curation report for SEED: every name found, unresolved names by frequency with
    their contexts, ambiguous mentions with their candidates."""
    import json

    from converter.curation import render, report
    from converter.pipeline import convert_file

    _data, doc = convert_file(seed, encoding, authority, ner)
    rep = report(doc, doc.source)
    text = json.dumps(rep, ensure_ascii=False, indent=1) + "\n" if as_json else render(rep)
    click.echo(text, nl=False)


@main.command(epilog="""\b
Examples:
  tei-edition validate tei/*.xml
  tei-edition validate --schema tei_all --quiet speech.xml && echo ok""")
@click.argument("files", nargs=-1, required=True, type=_FILE)
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


def _format_options(command):
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


@main.command(epilog="""\b
Examples:
  tei-edition export speech.xml --to html -o speech.html
  tei-edition export speech.xml --to text --width 60 --index -o speech.txt""")
@click.argument("file", type=_FILE)
@click.option("--to", "fmt", type=click.Choice(sorted(FORMATS)), required=True,
              help="; ".join(f"{w.name}: {w.help}" for w in FORMATS.values()) + ".")
@click.option("-o", "--output", type=_FILE,
              help="Write the edition here (default, or -: standard output).")
@_format_options
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
    _emit(output, writer.write(parse_file(file), **{k: v for k, v in options.items()
                                                    if k in writer.option_names()}),
          inputs=(file,))


@main.command(epilog="""\b
Examples:
  tei-edition build
  tei-edition build ~/letters/texts --encoding cp1252
  tei-edition build texts/ --out tei/ --editions site/ -j 2 --force""")
@click.argument("seeds_dir", default="seeds", type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where TEI files go (default: tei/ beside SEEDS_DIR).")
@click.option("--editions", "ed_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where HTML and text editions go (default: editions/ beside SEEDS_DIR).")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Worker processes (default: all cores).")
@click.option("--force", is_flag=True, help="Rebuild every file, even if unchanged.")
@click.option("--authority", type=click.Path(dir_okay=False, path_type=Path),
              help="Entity authority file used for every seed.")
@click.option("--encoding", help="Encoding of the text files if not UTF-8 (e.g. cp1252).")
@click.option("--scheduler", metavar="ADDRESS|local",
              help="Run the jobs on a Dask cluster (tcp://host:8786, or 'local' for a "
                   "LocalCluster); needs pip install 'tei-edition[dask]'.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: only when stderr is a terminal).")
@_NER
def build(seeds_dir, out_dir, ed_dir, jobs, force, authority, encoding, scheduler, progress,
          ner):
    """Convert every SEEDS_DIR/*.txt to TEI, validate it, and export HTML and text, into
    tei/ and editions/ beside SEEDS_DIR (the folder that holds it) unless told otherwise.

    Unchanged files (same text, sidecar, authority and tool) are skipped; see --force.
    """
    import codecs

    from converter.build import ManifestNotWritten, build_all, output_dirs
    from converter.progress import Progress, summary

    if not seeds_dir.is_dir():
        raise InputError("no such folder", str(seeds_dir),
                         hint="name the folder of .txt files: tei-edition build DIR")
    if authority:
        from converter.entities import load_authority

        if not authority.exists():
            raise InputError("no such authority file", str(authority))
        load_authority(authority)  # a bad one is one error now, not one per seed
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {encoding!r}",
                                     param_hint="--encoding") from None
    if ner:  # a missing extra or model is one error here, not one per file
        from converter import ner_spacy

        if ner_spacy.parse_spec(ner):
            ner_spacy.load(ner_spacy.parse_spec(ner))
    out_dir, ed_dir = output_dirs(seeds_dir, out_dir, ed_dir)
    start = time.perf_counter()
    total = sum(1 for _ in seeds_dir.glob("*.txt"))
    bar = Progress(total, sys.stderr, progress)
    unrecorded = None
    try:
        results = build_all(seeds_dir, out_dir, ed_dir, jobs=jobs, force=force,
                            authority=authority, scheduler=scheduler, on_result=bar.update,
                            encoding=encoding, ner=ner)
    except ManifestNotWritten as err:  # each file's problems first, then this one
        results, unrecorded = err.results, err
    finally:
        bar.close()
    for r in results:
        if r.error:
            click.echo(r.error, err=True)
    if unrecorded is not None:
        click.echo(str(unrecorded), err=True)
    click.echo(summary(results, time.perf_counter() - start))
    if unrecorded is not None or any(r.status == "failed" for r in results):
        sys.exit(1)
