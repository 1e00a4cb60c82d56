"""Sizes and the error format: a 1 MB line, a 300 KB word, 100 000 blank lines, deep
nesting, a 6 MB edition, inputs over the limit or endless; one-line errors, --debug
tracebacks, a closed pipe, messages quoting user data."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from lxml import etree

from converter import xmlio
from converter.cli import main
from converter.errors import InputError
from converter.validate import check_tree
from converter.xmlio import parse_bytes
from tests.helpers import kept_words, words

from tests.helpers import VALID, run


# -- sizes ------------------------------------------------------------------------------

@pytest.mark.slow  # a megabyte of text
def test_one_megabyte_single_line(tmp_path):
    text = " ".join(f"w{i}ord" for i in range(150_000))[:1_000_000].rsplit(" ", 1)[0]
    seed = tmp_path / "long.txt"
    seed.write_text(text, encoding="utf-8")
    res = run("convert", seed)
    assert res.exit_code == 0
    xml = res.stdout.encode("utf-8")
    assert check_tree(parse_bytes(xml, "o.xml"), "o.xml") == []
    assert kept_words(xml) == words(text)


def test_one_long_word_without_spaces(tmp_path):
    seed = tmp_path / "word.txt"
    seed.write_text("x" * 300_000, encoding="utf-8")
    res = run("convert", seed)
    assert res.exit_code == 0 and kept_words(res.stdout.encode()) == ["x" * 300_000]


def test_hundred_thousand_blank_lines(tmp_path):
    seed = tmp_path / "blank.txt"
    seed.write_text("\n" * 100_000 + "The only words.\n" + "\n" * 100_000, encoding="utf-8")
    res = run("convert", seed, "--report")
    assert res.exit_code == 0
    assert kept_words(res.stdout.encode()) == ["the", "only", "words"]


def test_deeply_nested_tei_is_refused_clearly(tmp_path):
    deep = tmp_path / "deep.xml"
    deep.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">' + "<hi>" * 5000 + "x"
                    + "</hi>" * 5000 + "</TEI>")
    for args in (["validate", deep], ["export", deep, "--to", "html"]):
        res = run(*args)
        assert res.exit_code == 1
        assert f"not well-formed XML: elements are nested more than {xmlio.MAX_DEPTH} levels deep" \
            in res.stderr
        assert "Traceback" not in res.output


@pytest.mark.slow  # a large TEI file
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

    monkeypatch.setattr(pipeline, "read_file", crash)  # what convert and build read with
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


@pytest.mark.slow  # validates 3000 errors in a subprocess
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


@pytest.mark.parametrize("inner", ["<!--c-->", "<?pi x?>", "<x/>", "words", "<x><!--c--></x>",
                                   "<x/><y><z/></y>"])
@pytest.mark.parametrize("levels", [xmlio.MAX_DEPTH - 1, xmlio.MAX_DEPTH, xmlio.MAX_DEPTH + 1])
def test_the_depth_limit_counts_elements_and_names_the_first_too_deep(inner, levels):
    """As a walk counting elements (not comments or text) finds it: the line of the first
    element deeper than the limit, or nothing."""
    data = ("<a>\n" * levels + inner + "</a>" * levels).encode()
    tree = etree.ElementTree(etree.fromstring(data))
    first = next((el for el in tree.iter(etree.Element)
                  if sum(1 for _ in el.iterancestors()) + 1 > xmlio.MAX_DEPTH), None)
    if first is None:
        assert xmlio.parse_bytes(data, "d.xml").getroot().tag == "a"
    else:
        with pytest.raises(InputError) as err:
            xmlio.parse_bytes(data, "d.xml")
        assert str(err.value).startswith(f"d.xml:{first.sourceline}: not well-formed XML: "
                                         f"elements are nested more than {xmlio.MAX_DEPTH}")
