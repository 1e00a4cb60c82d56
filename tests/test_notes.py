"""Editorial notes: anchored by phrase (and occurrence) or element id, written to the
standOff with the editor's respStmt; an anchor not found is an error naming the note."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from lxml import etree

from converter.cli import main
from converter.errors import InputError
from converter import notes
from converter.model import Block, Document
from converter.pipeline import convert_file
from tests.helpers import text_words, words

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEXT = ("A Title\n\n"
        "The Shakhty trial came first, and it was followed by many more trials of the kind.\n\n"
        "After the Shakhty trial came others, and the scissors crisis made matters worse.\n")


def seed(tmp_path, notes, text=TEXT):
    path = tmp_path / "s.txt"
    path.write_text(text, encoding="utf-8")
    side = {"metadata": {"title": "T", "editor": "A. Editor"}, "notes": notes}
    (tmp_path / "s.json").write_text(json.dumps(side, indent=2), encoding="utf-8")
    return path


def test_phrase_occurrence_and_target_notes(tmp_path):
    path = seed(tmp_path, [
        {"phrase": "Shakhty trial", "occurrence": 2, "text": "A show trial, 1928."},
        {"id": "crisis", "phrase": "scissors crisis", "text": "Prices in 1923."},
        {"target": "p2", "text": "A note on the whole paragraph."}])
    data, _ = convert_file(path)
    root = etree.fromstring(data)
    anchors = root.findall(f".//{TEI}body//{TEI}anchor")
    assert [a.get(XML_ID) for a in anchors] == ["note1", "crisis"]
    # The first note's anchor follows the second "Shakhty trial", in the second paragraph.
    para = anchors[0].getparent()
    assert para.get(XML_ID) == "p2" and "".join(para.itertext()).startswith("After the Shakhty trial")
    assert anchors[0].tail.startswith(" came others")
    notes = root.findall(f"{TEI}standOff/{TEI}note")
    assert [(n.get("type"), n.get("target"), n.get("resp")) for n in notes] == [
        ("editorial", "#note1", "#editor"), ("editorial", "#crisis", "#editor"),
        ("editorial", "#p2", "#editor")]
    editor = root.find(f".//{TEI}titleStmt/{TEI}respStmt/{TEI}name[@{XML_ID}='editor']")
    assert editor is not None and editor.text == "A. Editor"
    assert text_words(data) == words(TEXT)  # notes are not text


def test_phrase_across_a_line_break():
    text = "It was the scissors\ncrisis of 1923."
    doc = Document("t", "t.txt", [Block("p", text, 1)],
                   sidecar={"notes": [{"phrase": "scissors crisis", "text": "x"}]})
    anchors = [s for s in notes.annotate(doc).body[0].spans if s.kind == "anchor"]
    assert [(a.start, a.attr("xml:id")) for a in anchors] == [(text.index(" of"), "note1")]


@pytest.mark.parametrize("note,says", [
    ({"phrase": "Kirov", "text": "x"}, "note 'note1': phrase 'Kirov' occurrence 1 not in the text (not found)"),
    ({"phrase": "Shakhty trial", "occurrence": 3, "text": "x"},
     "note 'note1': phrase 'Shakhty trial' occurrence 3 not in the text (found 2 times)"),
    ({"id": "bad", "target": "s9.p9", "text": "x"}, "note 'bad': target 's9.p9' is no element id"),
])
def test_missing_anchor_is_an_error_naming_the_note(tmp_path, note, says):
    path = seed(tmp_path, [note])
    with pytest.raises(InputError) as err:
        convert_file(path)
    assert says in str(err.value)
    assert str(err.value).startswith(f"{tmp_path / 's.json'}:")
    res = CliRunner().invoke(main, ["convert", str(path)])
    assert res.exit_code == 1 and says in res.output and "Traceback" not in res.output


def test_notes_validate(tmp_path):
    path = seed(tmp_path, [{"phrase": "scissors crisis", "text": "x"}, {"target": "p1", "text": "y"}])
    out = tmp_path / "s.xml"
    assert CliRunner().invoke(main, ["convert", str(path), "-o", str(out)]).exit_code == 0
    res = CliRunner().invoke(main, ["validate", str(out)])
    assert res.exit_code == 0, res.output
