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
        FORMATS["html"].write(tree, width=40)
    assert FORMATS["text"].write(tree, width=40).startswith(b"")


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


def test_the_behaviour_table():
    from lxml import etree

    from converter.writers.behaviours import behaviour
    tei = etree.fromstring(
        '<text xmlns="http://www.tei-c.org/ns/1.0"><body><div><head>H</head>'
        '<p>a <quote>q</quote> <lb/></p><list><label>1.</label><item>i</item></list>'
        '<figure><head>F</head></figure><note>n</note><fw>7</fw></div></body></text>')
    ns = "{http://www.tei-c.org/ns/1.0}"
    got = {(el.getparent().tag.replace(ns, "") + "/" + el.tag.replace(ns, "")):
           behaviour(el, el.tag != ns + "quote") for el in tei.iter() if el.getparent() is not None}
    assert got == {"text/body": "paragraph", "body/div": "division", "div/head": "heading",
                   "div/p": "paragraph", "p/quote": "inline", "p/lb": "break",
                   "div/list": "list", "list/label": "label", "list/item": "item",
                   "div/figure": "figure", "figure/head": "caption", "div/note": "note",
                   "div/fw": "omit"}


def test_both_writers_are_behaviour_writers_dispatched_from_the_table():
    """Each format is a BehaviourWriter with one method per behaviour; dispatch calls the
    method the table names; a writer missing one is refused when it is defined."""
    from lxml import etree

    from converter.writers.behaviours import METHODS, BehaviourWriter
    assert set(METHODS) == {"omit", "note", "break", "division", "heading", "caption", "list",
                            "item", "label", "blockquote", "table", "figure", "paragraph",
                            "inline"}
    for w in FORMATS.values():
        assert issubclass(w, BehaviourWriter)
        assert all(callable(getattr(w, m)) for m in METHODS.values())
    with pytest.raises(TypeError, match="writer half has no method for"):
        type("Half", (BehaviourWriter,), {"name": "half", "heading": lambda self, el: None})
    calls = []
    probe = type("Probe", (BehaviourWriter,), {"name": "probe", **{
        m: (lambda self, el, block, m=m: calls.append((el.tag.split("}")[1], block, m)))
        for m in METHODS.values()}})()
    tei = etree.fromstring(
        '<div xmlns="http://www.tei-c.org/ns/1.0"><head>H</head><p>a <quote>q</quote><lb/>'
        '<note>n</note></p><list><label>1.</label><item>i</item></list><fw>7</fw></div>')
    for el in tei.iter():
        block = el.tag.split("}")[1] not in ("quote", "lb", "note")
        probe.dispatch(el, block, block)
    assert calls == [("div", True, "division"), ("head", True, "heading"),
                     ("p", True, "paragraph"), ("quote", False, "phrase"),
                     ("lb", False, "line_break"), ("note", False, "note"),
                     ("list", True, "list"), ("label", True, "label"), ("item", True, "item"),
                     ("fw", True, "omit")]


def test_cli_options_come_from_the_options_dataclasses():
    """``export`` has one option per field of the formats' options, with its help."""
    import dataclasses
    res = run("export", "--help")
    for w in FORMATS.values():
        for f in dataclasses.fields(w.options):
            assert f"--{f.name}" in res.output and f.metadata["help"][:30] in " ".join(
                res.output.split())
    assert run("export", VALID, "--to", "text", "--width", "19").exit_code == 2
