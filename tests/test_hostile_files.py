"""Files and sizes: atomic writes (an interrupted run leaves the old output), refusing to
overwrite an input however it is spelled, output folders created, unwritable outputs as
clear errors; inputs too big or too deep; one-line errors and --debug tracebacks."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter import xmlio
from converter.cli import main
from converter.errors import InputError
from converter.validate import check_tree
from converter.xmlio import parse_bytes, write_atomic
from tests.helpers import text_words, words

HOSTILE = Path(__file__).resolve().parent / "hostile"
VALID = HOSTILE / "tei" / "valid.xml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def seed(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text("A Title\n\nSome words of the text.\n", encoding="utf-8")
    return path


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# -- atomic writes --------------------------------------------------------------------

@pytest.mark.parametrize("crash", [KeyboardInterrupt, OSError(28, "No space left on device")])
def test_interrupted_write_keeps_old_output(tmp_path, monkeypatch, crash):
    out = tmp_path / "out.xml"
    out.write_bytes(b"OLD")

    def boom(*_a, **_k):
        raise crash

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises((KeyboardInterrupt, InputError)) as info:
        write_atomic(out, b"NEW" * 1000)
    if info.type is InputError:
        assert "cannot write output: No space left on device" in str(info.value)
    assert out.read_bytes() == b"OLD"
    assert _leftovers(tmp_path) == []


def test_interrupted_convert_keeps_old_output(seed, tmp_path, monkeypatch):
    """Through the CLI: a crash while writing leaves the previous edition and no temp file."""
    out = tmp_path / "ed.xml"
    out.write_bytes(b"PREVIOUS EDITION")
    real_fdopen = os.fdopen

    class Half:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Half(real_fdopen(fd, mode)))
    res = run("convert", seed, "-o", out)
    assert res.exit_code == 1
    assert res.stderr.strip() == f"{out}: cannot write output: Input/output error"  # no hint
    assert out.read_bytes() == b"PREVIOUS EDITION"
    assert _leftovers(tmp_path) == []


def test_write_replaces_whole_file_and_is_readable(tmp_path):
    out = tmp_path / "x.xml"
    out.write_bytes(b"a much longer previous content " * 100)
    write_atomic(out, b"short")
    assert out.read_bytes() == b"short"
    assert oct(out.stat().st_mode & 0o777) == "0o644"


# -- never overwrite an input -----------------------------------------------------------

def test_refuses_to_overwrite_input_however_spelled(seed, tmp_path):
    original = seed.read_bytes()
    (tmp_path / "sub").mkdir()
    link = tmp_path / "link.txt"
    link.symlink_to(seed)
    hard = tmp_path / "hard.txt"
    os.link(seed, hard)
    for target in (seed, tmp_path / "sub" / ".." / "seed.txt", link, hard):
        res = run("convert", seed, "-o", target)
        assert res.exit_code == 1, target
        assert res.stderr.startswith(f"{target}: refusing to overwrite the input file"), res.stderr
    assert seed.read_bytes() == original


def test_refuses_to_overwrite_sidecar(seed):
    side = seed.with_suffix(".json")
    side.write_text('{"metadata": {"title": "T"}}', encoding="utf-8")
    res = run("convert", seed, "-o", side)
    assert res.exit_code == 1 and "refusing to overwrite the input file" in res.stderr
    assert side.read_text(encoding="utf-8") == '{"metadata": {"title": "T"}}'


def test_export_refuses_to_overwrite_its_tei(tmp_path):
    tei = tmp_path / "e.xml"
    tei.write_bytes(VALID.read_bytes())
    for fmt in ("html", "text"):
        res = run("export", tei, "--to", fmt, "-o", tei)
        assert res.exit_code == 1 and "refusing to overwrite the input file" in res.stderr
    assert tei.read_bytes() == VALID.read_bytes()


# -- output locations -----------------------------------------------------------------

def test_output_folders_are_created(seed, tmp_path):
    out = tmp_path / "a" / "b" / "c" / "ed.xml"
    assert run("convert", seed, "-o", out).exit_code == 0
    assert out.read_bytes().startswith(b"<?xml")
    html = tmp_path / "x" / "y" / "ed.html"
    assert run("export", out, "--to", "html", "-o", html).exit_code == 0 and html.exists()


def test_output_under_a_file_is_a_clear_error(seed, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = run("convert", seed, "-o", blocker / "ed.xml")
    assert res.exit_code == 1
    assert res.stderr.startswith(f"{blocker / 'ed.xml'}: cannot write output: ")
    assert "Traceback" not in res.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_output_folder_is_a_clear_error(seed, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        res = run("convert", seed, "-o", ro / "ed.xml")
        assert res.exit_code == 1
        assert res.stderr.splitlines() == [
            f"{ro / 'ed.xml'}: cannot write output: Permission denied",
            "  hint: the folder is not writable: choose another output with -o"]
    finally:
        ro.chmod(0o755)


def test_read_only_filesystem_is_a_clear_error(seed):
    """/sys refuses new files even for root: a one-line error with a hint, exit 1."""
    target = Path("/sys/tei-edition-test.xml")
    if not Path("/sys").is_dir():
        pytest.skip("no /sys here")
    res = run("convert", seed, "-o", target)
    assert res.exit_code == 1
    first, hint = res.stderr.splitlines()
    assert first in (f"{target}: cannot write output: Permission denied",
                     f"{target}: cannot write output: Read-only file system")
    assert hint.startswith("  hint: ") and "choose another output with -o" in hint
    assert not target.exists()


def test_full_disk_is_a_clear_error(seed, tmp_path, monkeypatch):
    out = tmp_path / "ed.xml"
    out.write_bytes(b"OLD")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    res = run("convert", seed, "-o", out)
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        f"{out}: cannot write output: No space left on device",
        "  hint: the disk is full; the previous output (if any) is unchanged"]
    assert out.read_bytes() == b"OLD" and _leftovers(tmp_path) == []


def test_missing_and_folder_inputs(tmp_path):
    res = run("convert", tmp_path / "nope.txt")
    assert res.exit_code == 1
    assert res.stderr.strip() == f"{tmp_path / 'nope.txt'}: cannot read file: No such file or directory"
    res = run("validate", tmp_path / "nope.xml")
    assert res.exit_code == 1 and "cannot read file: No such file or directory" in res.stderr
    assert run("convert", tmp_path).exit_code == 2  # a folder: usage error from click


# -- sizes ------------------------------------------------------------------------------

def test_one_megabyte_single_line(tmp_path):
    text = " ".join(f"w{i}ord" for i in range(150_000))[:1_000_000].rsplit(" ", 1)[0]
    seed = tmp_path / "long.txt"
    seed.write_text(text, encoding="utf-8")
    res = run("convert", seed)
    assert res.exit_code == 0
    xml = res.stdout.encode("utf-8")
    assert check_tree(parse_bytes(xml, "o.xml"), "o.xml") == []
    assert text_words(xml) == words(text)


def test_one_long_word_without_spaces(tmp_path):
    seed = tmp_path / "word.txt"
    seed.write_text("x" * 300_000, encoding="utf-8")
    res = run("convert", seed)
    assert res.exit_code == 0 and text_words(res.stdout.encode()) == ["x" * 300_000]


def test_hundred_thousand_blank_lines(tmp_path):
    seed = tmp_path / "blank.txt"
    seed.write_text("\n" * 100_000 + "The only words.\n" + "\n" * 100_000, encoding="utf-8")
    res = run("convert", seed, "--report")
    assert res.exit_code == 0
    assert text_words(res.stdout.encode()) == ["the", "only", "words"]


def test_deeply_nested_tei_is_refused_clearly(tmp_path):
    deep = tmp_path / "deep.xml"
    deep.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">' + "<hi>" * 5000 + "x"
                    + "</hi>" * 5000 + "</TEI>")
    for args in (["validate", deep], ["export", deep, "--to", "html"]):
        res = run(*args)
        assert res.exit_code == 1
        assert "not well-formed XML: elements are nested more than 256 levels deep" in res.stderr
        assert "Traceback" not in res.output


def test_large_tei_file_validates_and_exports(tmp_path):
    """A 6 MB edition (30 000 paragraphs) goes through validate and both exports."""
    text = VALID.read_text(encoding="utf-8")
    paras = "\n".join(f'      <p xml:id="p{i}">Paragraph number {i} with a few words.</p>'
                      for i in range(30_000))
    big = tmp_path / "big.xml"
    big.write_text(text.replace("      <p>Ordinary words here.</p>", paras), encoding="utf-8")
    assert big.stat().st_size > 2_000_000
    res = run("validate", big)
    assert res.exit_code == 0, res.output[:500]
    assert run("export", big, "--to", "text", "-o", tmp_path / "big.txt").exit_code == 0
    assert "Paragraph number 29999" in (tmp_path / "big.txt").read_text(encoding="utf-8")


def test_input_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(xmlio, "MAX_INPUT", 100)
    res = run("validate", VALID)
    assert res.exit_code == 1
    assert res.stderr.startswith(f"{VALID}: file too large ({VALID.stat().st_size} bytes; the limit is 100)")


# -- error format -----------------------------------------------------------------------

def test_internal_error_is_one_line_unless_debug(seed, monkeypatch):
    import converter.pipeline as pipeline

    def crash(*_a, **_k):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(pipeline, "convert_file", crash)
    res = run("convert", seed)
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        "tei-edition: internal error: ZeroDivisionError: boom",
        "  hint: rerun with --debug for a traceback and report it"]
    res = CliRunner().invoke(main, ["--debug", "convert", str(seed)])
    assert isinstance(res.exception, ZeroDivisionError)  # the traceback is not swallowed


def test_input_error_has_no_traceback_even_with_debug(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9\n")
    res = CliRunner().invoke(main, ["--debug", "convert", str(bad)])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert res.stderr.splitlines()[0] == f"{bad}:1:4: not valid utf-8: byte 0xe9 at offset 3"


def test_closed_pipe_is_not_an_error_message(tmp_path):
    """`tei-edition validate big.xml | head -1`: no 'internal error' when head stops reading."""
    import subprocess
    import sys

    text = VALID.read_text(encoding="utf-8")
    bad = tmp_path / "bad.xml"
    bad.write_text(text.replace("      <p>Ordinary words here.</p>", "\n".join(
        f'<p xml:id="p{i}">w <blink>x</blink></p>' for i in range(3000))), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "converter", "validate", str(bad)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert b"element <blink> not allowed" in first
    assert err == b"", err
    assert proc.returncode == 1


def test_endless_input_is_cut_at_the_limit(monkeypatch):
    """/dev/zero (or an endless pipe) is read only up to the limit, then refused."""
    monkeypatch.setattr(xmlio, "MAX_INPUT", 1 << 20)
    for cmd in (["convert", "/dev/zero"], ["validate", "/dev/zero"]):
        res = run(*cmd)
        assert res.exit_code == 1
        assert res.stderr.startswith("/dev/zero: file too large (more than 1048576 bytes; "
                                     "the limit is 1048576)"), res.stderr


def test_messages_quoting_user_data_stay_on_one_line():
    from converter.validate import Problem

    err = InputError("value 'a\nb' not allowed\r\nhere", "f.xml", 3, 4, hint="fix\nit")
    assert str(err).splitlines() == ["f.xml:3:4: value 'a b' not allowed here", "  hint: fix it"]
    assert str(Problem("f.xml", 1, 2, "type doesn't allow 'x\ny'")) == \
        "f.xml:1:2: type doesn't allow 'x y'"


def test_output_symlink_is_replaced_not_written_through(seed, tmp_path):
    """-o pointing at a symlink (say, planted towards a file of the user's) replaces the
    link with the new file; the file it pointed to is untouched."""
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "out.xml"
    link.symlink_to(precious)
    assert run("convert", seed, "-o", link).exit_code == 0
    assert precious.read_text() == "keep me"
    assert not link.is_symlink() and link.read_bytes().startswith(b"<?xml")
