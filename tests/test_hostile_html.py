"""Hostile TEI (tests/hostile/html/*.xml) exported as HTML comes out inert, checked statically:
no script, style, frame, form or refresh that the input put there, no ``javascript:`` (or
``vbscript:``/``data:``) URL, no ``on*`` event-handler attribute; and the input's words are
still there, as text. (The writers' own tests render these files in Chromium as well.)

"Put there by the input" is measured against a benign baseline export, so the writer may
ship its own small script or stylesheet without the test being loosened.
"""
from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from converter.cli import main
from tests.helpers import words

HOSTILE = Path(__file__).resolve().parent / "hostile"
FILES = sorted((HOSTILE / "html").glob("*.xml"))
URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "background", "cite",
             "srcset", "xlink:href", "codebase", "longdesc", "manifest", "ping", "srcdoc"}
ACTIVE = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form",
          "input", "button", "meta", "link", "style", "svg", "math", "template", "portal"}
_BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|livescript):", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\xa0\u200b-\u200f\u2028\u2029\ufeff]+")


def _export(path: Path, tmp_path: Path) -> bytes:
    out = tmp_path / (path.stem + ".html")
    res = CliRunner().invoke(main, ["export", str(path), "--to", "html", "-o", str(out)])
    assert res.exit_code == 0, res.output
    return out.read_bytes()


def _inventory(html: bytes):
    """What in a page can run code or navigate: active elements (with their content) and
    every attribute that is a handler, a style or a URL."""
    doc = lxml.html.document_fromstring(html)
    active = set()
    attrs = set()
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.split("}")[-1].lower()
        if tag in ACTIVE:
            active.add((tag, (el.text or "").strip(), tuple(sorted(el.attrib.items()))))
        for name, value in el.attrib.items():
            name = name.lower()
            if name.startswith("on") or name == "style" or name in URL_ATTRS or name == "http-equiv":
                attrs.add((tag, name, value))
    return doc, active, attrs


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    """The writer's own scripts, styles and links, from a benign TEI file."""
    html = _export(HOSTILE / "tei" / "valid.xml", tmp_path_factory.mktemp("base"))
    _, active, attrs = _inventory(html)
    return active, attrs


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_hostile_tei_exports_inert_html(path, tmp_path, baseline):
    html = _export(path, tmp_path)
    doc, active, attrs = _inventory(html)
    base_active, base_attrs = baseline
    assert active <= base_active, f"active content from the input: {active - base_active}"
    for tag, name, value in attrs:
        clean = _INVISIBLE.sub("", value)
        assert not name.startswith("on") or (tag, name, value) in base_attrs, (tag, name, value)
        if name in URL_ATTRS or name == "http-equiv":
            assert not _BAD_SCHEME.match(clean), (tag, name, value)
            assert "javascript:" not in clean.lower(), (tag, name, value)
        if name == "style":
            assert (tag, name, value) in base_attrs or not re.search(
                r"javascript:|expression\(|url\(", clean, re.I), (tag, name, value)
    # No markup from the input survives as markup: each injected <script> is visible text.
    if path.stem == "script-in-text":
        body = doc.body.text_content()
        for shown in ('<script>alert("text")</script>', "<img src=x onerror=alert(1)>",
                      '<iframe src="javascript:alert(3)">', "</p></body></html><script>alert(5)"):
            assert shown in body, shown


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_hostile_tei_keeps_its_words(path, tmp_path):
    """Inert does not mean dropped: the words of TEI paragraphs still reach the reader."""
    from lxml import etree

    html = _export(path, tmp_path)
    text = words(lxml.html.document_fromstring(html).text_content())
    tree = etree.parse(str(path))
    tei = "{http://www.tei-c.org/ns/1.0}"
    for p in tree.iter(f"{tei}p", f"{tei}head"):
        # Only the TEI-namespace text: foreign (XHTML, SVG) content may be left out.
        own = [p.text or ""] + [c.tail or "" for c in p]
        own += ["".join(c.itertext()) for c in p
                if isinstance(c.tag, str) and c.tag.startswith(tei) and c.tag[len(tei):] in ("q", "soCalled", "persName", "date", "ref")]
        for w in words(" ".join(own)):
            assert w in text, (p.get("{http://www.w3.org/XML/1998/namespace}id"), w)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_hostile_tei_text_export_does_not_crash(path, tmp_path):
    out = tmp_path / "e.txt"
    res = CliRunner().invoke(main, ["export", str(path), "--to", "text", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "Ordinary" in out.read_text(encoding="utf-8") or out.stat().st_size > 0
