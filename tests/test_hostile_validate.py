"""Validation messages computed from the grammar: name the element, say what was expected,
point at line and column, for our schema and for tei_all (each built from the .rng file)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from converter.rngexplain import grammar
from converter.validate import check_file, schema_path

VALID = (Path(__file__).resolve().parent / "hostile" / "tei" / "valid.xml").read_text(encoding="utf-8")


def _problems(tmp_path, xml: str, schema: str) -> list[str]:
    path = tmp_path / "t.xml"
    path.write_text(xml, encoding="utf-8")
    return [f"{p.line}:{p.col}: {p.message}" for p in check_file(path, schema)]


def _edit(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new, 1)


CASES = [
    # (what, document, expected message prefix (line:col: ...) for edition, for tei_all)
    ("missing header", '<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text><body><p>x</p></body></text></TEI>',
     "2:1: element <text> not allowed in <TEI> here; expected one of: teiHeader",
     "2:1: element <text> not allowed in <TEI> here; expected one of: teiHeader"),
    ("empty root", '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>',
     "1:1: element <TEI> is incomplete; expected one of: teiHeader",
     "1:1: element <TEI> is incomplete; expected one of: teiHeader"),
    ("wrong root", '<html/>', "1:1: root element <html> not allowed; expected: TEI",
     "1:1: root element <html> not allowed; expected: TEI, teiCorpus"),
    ("incomplete header", _edit("<sourceDesc><bibl>test input</bibl></sourceDesc>", ""),
     "4:5: element <fileDesc> is incomplete after <publicationStmt>; expected one of: notesStmt, sourceDesc",
     "4:5: element <fileDesc> is incomplete after <publicationStmt>; expected one of: notesStmt, seriesStmt, sourceDesc"),
    ("head after p", _edit("<p>Ordinary words here.</p>", "<div><p>x</p><head>late</head></div>"),
     "20:20: element <head> not allowed in <div> here; expected one of: ",
     "20:20: element <head> not allowed in <div> here; expected one of: "),
    ("unknown element", _edit("words here.", "words <blink>x</blink> here."),
     "20:25: element <blink> not allowed in <p> (it never appears there); expected one of: ",
     "20:25: element <blink> not allowed in <p> (it never appears there); expected one of: "),
    ("stray text", _edit("<body>", "<body>stray"),
     "19:5: text not allowed directly in <body>; put it inside one of: ",
     "19:5: text not allowed directly in <body>; put it inside one of: "),
    ("bad attribute", _edit("<p>Ordinary", '<p bogus="1">Ordinary'),
     "20:7: attribute bogus not allowed on <p>; allowed: ana, ",
     "20:7: attribute bogus not allowed on <p>; allowed: ana, "),
    ("bad value", _edit("<p>Ordinary", '<p cert="sure">Ordinary'),
     "20:7: attribute cert='sure' on <p>: value not allowed",
     "20:7: attribute cert='sure' on <p>: value not allowed"),
    ("no namespace", VALID.replace(' xmlns="http://www.tei-c.org/ns/1.0"', ""),
     "2:1: element <TEI> is in no namespace; expected namespace http://www.tei-c.org/ns/1.0",
     "2:1: element <TEI> is in no namespace; expected namespace http://www.tei-c.org/ns/1.0"),
    ("second of two on a line", _edit("<p>Ordinary words here.</p>", "<p>a</p><p>b<p>c</p></p>"),
     "20:19: element <p> not allowed in <p> (it never appears there); expected one of: ",
     None),
]


@pytest.mark.parametrize("schema", ["edition", "tei_all"])
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_message_names_element_expectation_and_place(case, schema, tmp_path, request):
    if schema == "tei_all":
        request.getfixturevalue("tei_all")  # compiled once per session
    _, xml, edition, tei_all = case
    want = edition if schema == "edition" else tei_all
    if want is None:
        pytest.skip("tei_all allows this")
    got = _problems(tmp_path, xml, schema)
    assert any(g.startswith(want) for g in got), got
    assert not any("Did not expect" in g or "Expecting an element" in g for g in got), got


def test_valid_document_has_no_problems(tmp_path, tei_all):
    assert _problems(tmp_path, VALID, "edition") == []
    assert _problems(tmp_path, VALID, "tei_all") == []


def test_expected_lists_are_capped_with_a_count(tmp_path, tei_all):
    got = _problems(tmp_path, _edit("words here.", "words <blink>x</blink> here."), "tei_all")
    m = re.search(r"expected one of: (.*) \(and (\d+) more\)", got[0])
    assert m and len(m.group(1).split(", ")) == 12 and int(m.group(2)) > 100


def test_grammar_matches_lxml_on_the_seeds(tei_all):
    """The explainer's content models agree with lxml: every element of a valid edition
    has children that the grammar accepts, in order, and may end where it ends."""
    from converter.explain import check_children

    for schema in ("edition", "tei_all"):
        g = grammar(str(schema_path(schema)))
        for path in sorted((Path(__file__).resolve().parent.parent / "tei").glob("*.xml"))[:2]:
            root = etree.parse(str(path)).getroot()
            for el in root.iter():
                if isinstance(el.tag, str):
                    assert check_children(g, el) is None, (schema, path.name, el.tag, el.sourceline)


def test_schema_with_include_keeps_lxml_wording(tmp_path):
    """The explainer models one self-contained grammar; with <include> it steps aside."""
    rng = tmp_path / "inc.rng"
    rng.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
                   f'<include href="{schema_path("edition")}"/></grammar>')
    got = _problems(tmp_path, '<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text/></TEI>', str(rng))
    assert got == ["2:1: element <text> not allowed here"]


def test_unknown_attribute_reported_with_a_content_error(tmp_path):
    """libxml2 stops at the first failure of an element; the explainer reports the
    attributes of the elements it looks at too, so one run shows both problems."""
    got = _problems(tmp_path, _edit("<p>Ordinary words here.</p>",
                                    '<p bogus="1">w <blink>x</blink></p>'), "edition")
    assert any(g.startswith("20:7: attribute bogus not allowed on <p>") for g in got), got
    assert any(g.startswith("20:22: element <blink> not allowed in <p>") for g in got), got


def test_schematron_failure_is_a_problem_not_a_crash(tmp_path, monkeypatch):
    from lxml import etree as et

    from converter import schematron

    class Broken:
        def validate(self, tree):
            raise et.XSLTApplyError("Failed to evaluate the expression of variable 'v'.")

    monkeypatch.setattr(schematron, "_schematron", lambda: Broken())
    got = _problems(tmp_path, VALID, "edition")
    assert got == ["1:1: Schematron checks could not run: "
                   "Failed to evaluate the expression of variable 'v'."]
