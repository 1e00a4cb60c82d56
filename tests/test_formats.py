"""The table of output formats: the CLI's --to choices and option checks come from it, an
option a format does not take is refused (never silently dropped), and build writes one
edition per format."""
from __future__ import annotations

import dataclasses

import pytest

from converter.writers import EXTENSIONS, FORMATS
from converter.xmlio import parse_file
from tests.helpers import VALID, run


def test_every_format_declares_extension_and_typed_options():
    for name, w in FORMATS.items():
        assert w.name == name and w.extension.startswith(".") and w.help
        assert dataclasses.is_dataclass(w.options)
    assert EXTENSIONS == {n: w.extension for n, w in FORMATS.items()}


def test_an_option_a_format_does_not_take_is_an_error():
    tree = parse_file(VALID)
    with pytest.raises(ValueError, match="the html edition takes no option width"):
        FORMATS["html"](tree, width=40)
    assert FORMATS["text"](tree, width=40).startswith(b"")


def test_cli_choices_come_from_the_table(tmp_path):
    res = run("export", "--help")
    for name, w in FORMATS.items():
        assert f"{name}: {w.help}" in " ".join(res.output.split())
    res = run("export", VALID, "--to", "pdf")
    assert res.exit_code == 2 and "html" in res.output and "text" in res.output


@pytest.mark.parametrize("option", [["--width", "40"], ["--index"]])
def test_cli_refuses_an_option_the_format_does_not_take(option, tmp_path):
    res = run("export", VALID, "--to", "html", *option, "-o", tmp_path / "x.html")
    assert res.exit_code == 2, res.output
    assert f"{option[0]} is for --to text" in res.output
    assert not (tmp_path / "x.html").exists()
    ok = run("export", VALID, "--to", "text", *option, "-o", tmp_path / "x.txt")
    assert ok.exit_code == 0, ok.output
