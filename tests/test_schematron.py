"""Schematron (schemas/tei-edition.sch): each rule passes a good document and fails a bad one."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from lxml import etree

from converter import schematron
from converter.cli import main

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
GOOD = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>
<standOff><listPerson><person xml:id="kirov"><persName>Kirov</persName></person></listPerson>
<note target="#p1 #a1" resp="#kirov">n</note></standOff>
<text><body>
<p xml:id="p1"><persName ref="#kirov">Kirov</persName><anchor xml:id="a1"/>
<date when="2000-02-29">a</date><date when="1937-03-03">b</date><date when="--02-29">c</date>
<date notBefore="1923-06" notAfter="1923-11">d</date><date when="1765">e</date></p>
<list type="ordered"><item n="1">a</item><item n="2">b</item><item n="3">c</item></list>
<list type="simple"><item n="a">x</item><item n="c">y</item></list>
</body></text></TEI>"""


def problems(xml: str) -> list[str]:
    return [p.message for p in schematron.check(etree.ElementTree(etree.fromstring(xml)), "x")]


def test_good_document_passes():
    assert problems(GOOD) == []


@pytest.mark.parametrize("old,new,says", [
    ('ref="#kirov"', 'ref="#trotsky"', '@ref="#trotsky" on persName points to an xml:id that does not exist'),
    ('ref="#kirov"', 'ref="#kirov #zinoviev"', "points to an xml:id that does not exist"),
    ('target="#p1 #a1"', 'target="#p1 #a2"', '@target="#p1 #a2" on note points'),
    ('resp="#kirov"', 'resp="#editor"', '@resp="#editor" on note points'),
    ('when="2000-02-29"', 'when="1900-02-29"', '@when="1900-02-29" on date is not a real calendar date'),
    ('when="1937-03-03"', 'when="1937-04-31"', '@when="1937-04-31" on date is not a real calendar date'),
    ('when="--02-29"', 'when="--13-01"', '@when="--13-01" on date is not a real calendar date'),
    ('notAfter="1923-11"', 'notAfter="1923-00"', '@notAfter="1923-00" on date is not a real calendar date'),
    ('<item n="3">', '<item n="4">', 'list item n="4" does not follow item n="2"'),
])
def test_each_rule_fails_a_bad_document(old, new, says):
    assert old in GOOD
    found = problems(GOOD.replace(old, new, 1))
    assert len(found) == 1 and says in found[0], found


def test_duplicate_ids():
    # A parser rejects duplicate xml:ids in a file, so build the bad tree in memory.
    root = etree.fromstring(GOOD)
    root.find(".//{http://www.tei-c.org/ns/1.0}anchor").set(XML_ID, "p1")
    root.find(".//{http://www.tei-c.org/ns/1.0}note").set("target", "#p1")
    found = [p.message for p in schematron.check(etree.ElementTree(root), "x")]
    assert found == ['xml:id "p1" is used 2 times; ids must be unique'] * 2


def test_validate_reports_file_and_line(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text(GOOD.replace('ref="#kirov"', 'ref="#trotsky"'), encoding="utf-8")
    res = CliRunner().invoke(main, ["validate", str(path)])
    assert res.exit_code == 1
    assert f"{path}:5:1: @ref=\"#trotsky\" on persName points" in res.output


@pytest.mark.slow  # a long division
def test_long_division_is_checked_in_linear_time(tmp_path):
    # 5000 paragraphs in one division, names with @resp in each: a rule context with a
    # predicate made libxslt count siblings for every node (minutes here); now about a second.
    import subprocess
    import sys

    from converter.pipeline import convert_bytes

    text = "Mr. Stein went to Chicago on March 3, 1888 with Tom Cordery of the Lace Co.\n\n" * 5000
    xml, _ = convert_bytes(text.encode(), "big.txt", "big")
    path = tmp_path / "big.xml"
    path.write_bytes(xml)
    code = ("import sys; from lxml import etree; from converter import schematron; "
            "sys.exit(bool(schematron.check(etree.parse(sys.argv[1]), 'x')))")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)
