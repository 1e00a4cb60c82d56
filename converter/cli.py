"""The ``tei-edition`` command line: a thin layer over pipeline, validate and writers.

Exit codes: 0 ok, 1 invalid input or invalid TEI, 2 usage. Problems print as
``file:line:col: message``; tracebacks only with ``--debug``. The commands are in
``cli_text`` (convert, entities, build) and ``cli_tei`` (validate, export).
"""
from __future__ import annotations

import os
import sys

import click

from converter import __version__
from converter.cli_tei import export, validate
from converter.cli_text import build, convert, entities
from converter.errors import InputError


def _fail(err: InputError) -> None:
    click.echo(str(err), err=True)
    sys.exit(1)


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


# The commands live with their theme (cli_text, cli_tei); the group only gathers them.
for _command in (convert, entities, validate, export, build):
    main.add_command(_command)
