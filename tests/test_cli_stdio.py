"""Standard input and output (``-``) for convert, entities, validate and export, and where
``build`` writes: beside the folder of texts, whatever the current folder."""
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main
from converter.manifest import MANIFEST_NAME
from helpers import VALID, kept_words, words

TEXT = "A Title\n\nThe delegates met in Moscow on March 3, 1937, and spoke of the plan.\n"


@pytest.fixture
def runner():
    return CliRunner()


def _invoke(runner, args, stdin=None):
    return runner.invoke(main, [str(a) for a in args], input=stdin)


def test_convert_filter_reads_stdin_writes_stdout(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = _invoke(runner, ["convert", "-", "-o", "-"], TEXT.encode())
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("<?xml")
    assert kept_words(res.stdout_bytes) == words(TEXT)  # every word, in order
    assert list(tmp_path.iterdir()) == []  # "-o -" is standard output, not a file named "-"
    assert _invoke(runner, ["validate", "-"], res.stdout_bytes).exit_code == 0


def test_convert_file_to_stdout_with_dash(runner, tmp_path, monkeypatch):
    seed = tmp_path / "s.txt"
    seed.write_text(TEXT)
    monkeypatch.chdir(tmp_path)
    res = _invoke(runner, ["convert", seed, "-o", "-"])
    assert res.exit_code == 0 and res.stdout_bytes == _invoke(runner, ["convert", seed]).stdout_bytes
    assert not (tmp_path / "-").exists()


def test_convert_stdin_report_and_errors_name_stdin(runner):
    res = _invoke(runner, ["convert", "-", "--report", "-o", "-"], TEXT.encode())
    assert res.exit_code == 0
    assert any(ln.startswith("<stdin>:1: [") for ln in res.stderr.splitlines()), res.stderr
    res = _invoke(runner, ["convert", "-"], b"A Title\n\nbad byte \xff here\n")
    assert res.exit_code == 1 and res.stdout == ""
    assert res.stderr.splitlines()[0] == "<stdin>:3:10: not valid utf-8: byte 0xff at offset 18"
    res = _invoke(runner, ["convert", "-", "--encoding", "latin-1"],
                  b"A Title\n\nbad byte \xff here\n")
    assert res.exit_code == 0 and "bad byte \u00ff here" in res.stdout
    res = _invoke(runner, ["convert", "-"], b" \n\n")
    assert res.exit_code == 1 and res.stderr.startswith("<stdin>:1: ")


def test_stdin_is_read_with_a_bound(runner, monkeypatch):
    """An endless standard input is refused after the limit, not read into memory."""
    import converter.xmlio as xmlio

    monkeypatch.setattr(xmlio, "MAX_INPUT", 1000)

    class Endless(io.RawIOBase):
        given = 0

        def readable(self):
            return True

        def readinto(self, buf):
            buf[:] = b"a" * len(buf)
            Endless.given += len(buf)
            return len(buf)

    res = runner.invoke(main, ["convert", "-"], input=io.BufferedReader(Endless()))
    assert res.exit_code == 1
    assert res.stderr.startswith("<stdin>: input too large (more than 1000 bytes")
    assert Endless.given < 1000 + 2 * io.DEFAULT_BUFFER_SIZE


def test_entities_from_stdin(runner):
    res = _invoke(runner, ["entities", "-", "--json"], TEXT.encode())
    assert res.exit_code == 0
    rep = json.loads(res.stdout)
    assert "<stdin>" in json.dumps(rep)
    assert "Moscow" in res.stdout


def test_validate_stdin(runner):
    assert _invoke(runner, ["validate", "-"], VALID.read_bytes()).exit_code == 0
    res = _invoke(runner, ["validate", "-"], b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')
    assert res.exit_code == 1
    assert res.stdout == "<stdin>:1:1: element <TEI> is incomplete; expected one of: teiHeader\n"
    res = _invoke(runner, ["validate", "-"], b"<?xml version='1.0'?>\n<!DOCTYPE TEI>\n<TEI/>")
    assert res.exit_code == 1 and res.stderr.startswith("<stdin>:2:1: DOCTYPE declarations")
    res = _invoke(runner, ["validate", "-"], b"<TEI>\n<p>")
    assert res.exit_code == 1 and res.stderr.startswith("<stdin>:2:4: not well-formed XML")
    res = _invoke(runner, ["validate", "-", "-"], VALID.read_bytes())
    assert res.exit_code == 2 and "only once" in res.output


def test_export_stdin_to_stdout_and_file(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tei = _invoke(runner, ["convert", "-"], TEXT.encode()).stdout_bytes
    res = _invoke(runner, ["export", "-", "--to", "text", "-o", "-"], tei)
    assert res.exit_code == 0 and "spoke of the plan" in res.stdout
    assert list(tmp_path.iterdir()) == []
    res = _invoke(runner, ["export", "-", "--to", "html", "-o", "e.html"], tei)
    assert res.exit_code == 0
    assert (tmp_path / "e.html").read_text().startswith("<!DOCTYPE html>")
    res = _invoke(runner, ["export", "-", "--to", "html"], b"<TEI")
    assert res.exit_code == 1 and res.stderr.startswith("<stdin>:1:")


def _project(tmp_path, texts="texts"):
    seeds = tmp_path / "proj" / texts
    seeds.mkdir(parents=True)
    (seeds / "a.txt").write_text(TEXT)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    return seeds, elsewhere


def test_build_writes_beside_the_seeds_folder_not_the_current_one(runner, tmp_path, monkeypatch):
    seeds, elsewhere = _project(tmp_path)
    monkeypatch.chdir(elsewhere)
    res = _invoke(runner, ["build", seeds, "-j", "1"])
    assert res.exit_code == 0, res.output
    proj = seeds.parent
    assert (proj / "tei" / "a.xml").is_file()
    assert (proj / "editions" / "a.html").is_file() and (proj / "editions" / "a.txt").is_file()
    assert list(elsewhere.iterdir()) == []
    # The manifest is there, its lock file is not.
    assert sorted(p.name for p in (proj / "tei").iterdir()) == [MANIFEST_NAME, "a.xml"]
    # A relative folder, from the project: same place; the second build skips.
    monkeypatch.chdir(proj)
    res = _invoke(runner, ["build", seeds.name, "-j", "1"])
    assert res.exit_code == 0 and res.output.splitlines()[2].split()[:2] == ["skipped", "1"]
    assert sorted(p.name for p in proj.iterdir()) == ["editions", "tei", "texts"]


def test_build_dot_from_inside_the_seeds_folder(runner, tmp_path, monkeypatch):
    seeds, _ = _project(tmp_path)
    monkeypatch.chdir(seeds)
    res = _invoke(runner, ["build", ".", "-j", "1"])
    assert res.exit_code == 0, res.output
    assert (seeds.parent / "tei" / "a.xml").is_file()
    assert sorted(p.name for p in seeds.iterdir()) == ["a.txt"]


def test_build_out_and_editions_override(runner, tmp_path, monkeypatch):
    seeds, elsewhere = _project(tmp_path)
    monkeypatch.chdir(elsewhere)
    res = _invoke(runner, ["build", seeds, "-j", "1", "--out", "x", "--editions", "y"])
    assert res.exit_code == 0
    assert (elsewhere / "x" / "a.xml").is_file() and (elsewhere / "y" / "a.html").is_file()
    assert sorted(p.name for p in seeds.parent.iterdir()) == ["texts"]


def test_build_missing_folder_hint(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = _invoke(runner, ["build"])
    assert res.exit_code == 1
    assert res.stderr.splitlines() == ["seeds: no such folder",
                                       "  hint: name the folder of .txt files: tei-edition build DIR"]


def test_build_encoding(runner, tmp_path, monkeypatch):
    seeds, elsewhere = _project(tmp_path)
    (seeds / "a.txt").write_bytes("A Title\n\nThe caf\u00e9 \u2014 closed.\n".encode("cp1252"))
    monkeypatch.chdir(elsewhere)
    res = _invoke(runner, ["build", seeds, "-j", "1"])
    assert res.exit_code == 1 and "pass --encoding" in res.stderr
    res = _invoke(runner, ["build", seeds, "-j", "1", "--encoding", "cp1252"])
    assert res.exit_code == 0, res.output
    xml = (seeds.parent / "tei" / "a.xml").read_text(encoding="utf-8")
    assert "The caf\u00e9 \u2014 closed." in xml
    res = _invoke(runner, ["build", seeds, "-j", "1", "--encoding", "cp1252"])
    assert res.output.splitlines()[2].split()[:2] == ["skipped", "1"]
    res = _invoke(runner, ["build", seeds, "--encoding", "no-such-codec"])
    assert res.exit_code == 2 and "unknown encoding" in res.output
    assert os.listdir(seeds) == ["a.txt"]
