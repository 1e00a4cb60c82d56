"""The commands that read plain text: ``convert`` (with its review report), ``entities``
(the curation report) and ``build`` (a whole folder, in parallel and incrementally).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from converter.cli_common import FILE, NER, emit
from converter.errors import InputError

_CERT = click.Choice(["low", "medium", "high"])


@click.command(epilog="""\b
Examples:
  tei-edition convert speech.txt -o speech.xml --report-json speech.review.json
  tei-edition convert speech.txt -o speech.xml --report --max-cert medium
  tei-edition convert - -o - < speech.txt | tei-edition export - --to text""")
@click.argument("seed", type=FILE)
@click.option("-o", "--output", type=FILE,
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
@NER
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
        emit(output, staged.write_to, inputs=(seed, sidecar_path(seed)))


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


@click.command(epilog="""\b
Examples:
  tei-edition entities speech.txt
  tei-edition entities speech.txt --authority people.json --json > names.json""")
@click.argument("seed", type=FILE)
@click.option("--json", "as_json", is_flag=True, help="One JSON object, for tools.")
@click.option("--authority", type=click.Path(dir_okay=False, path_type=Path),
              help="Shared entity authority file (JSON, like a sidecar's entities).")
@click.option("--encoding", help="Encoding of the text file if not UTF-8 (e.g. cp1252).")
@NER
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


@click.command(epilog="""\b
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
@NER
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
