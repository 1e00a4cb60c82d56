"""The model is a contract: frozen records, known kinds, hints apart from TEI attributes,
and a report that belongs to one document (running the passes again never changes an
earlier result)."""
from __future__ import annotations

import dataclasses

import pytest

from converter.model import Block, Document, Node, Reporter, Span
from converter.passes import run_passes
from converter.reader import read
from tests.helpers import run

TEXT = ("THE TITLE\n\nI. FIRST PART\n\nIt means, first, that we work; second, that we "
        "rest.\n\nII. SECOND PART\n\n1) one\n2) two\n3) three\n").encode()


def test_running_the_passes_twice_leaves_the_first_report_alone():
    """Regression: ``Document.infer`` appended to a list shared by every copy, so after
    ``run_passes(d0)`` the input's report was the output's and a second run added its
    entries to the first document's report."""
    d0 = read(TEXT, "t.txt", "t")
    before = d0.report
    d1 = run_passes(d0)
    assert d1.report, "the passes inferred something"
    assert d0.report == before and d0.report is not d1.report
    first = d1.report
    d2 = run_passes(d0)
    assert d1.report == first  # the second run added nothing to the first result
    assert d2.report == d1.report  # and found the same


def test_records_are_frozen():
    blk = Block("p", "Some text.", 1, [Span(0, 4, "q")], {"n": "1"})
    node = Node("list", [blk], 1)
    doc = Document("d", "d.txt", [node])
    for obj, name in ((blk, "text"), (node, "children"), (doc, "body")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, name, None)
    with pytest.raises(TypeError):
        blk.attrs["n"] = "2"
    assert isinstance(blk.spans, tuple) and isinstance(node.children, tuple)
    assert isinstance(doc.body, tuple)
    with pytest.raises(AttributeError):
        doc.body.append(blk)


def test_unknown_kinds_are_refused():
    with pytest.raises(ValueError, match="unknown block kind 'para'"):
        Block("para", "x", 1)
    with pytest.raises(ValueError, match="unknown node kind"):
        Node("section", [], 1)
    with pytest.raises(ValueError, match="unknown span kind"):
        Span(0, 1, "bold")


def test_steering_hints_are_not_tei_attributes():
    head = Block("head", "I. FIRST", 1, attrs={"n": "I", "rank": 2, "style": "numbered"})
    assert dict(head.attrs) == {"n": "I"}
    assert dict(head.hints) == {"rank": 2, "style": "numbered"}
    # New attributes replace the hints too, as a new attribute set did before.
    assert dict(head.with_(attrs={"cert": "low"}).hints) == {}
    assert dict(head.with_(text="I. First").hints) == {"rank": 2, "style": "numbered"}


def test_reporter_extends_a_new_document_only():
    doc = Document("d", "d.txt", [Block("p", "x", 1)])
    rep = Reporter()
    rep.infer(1, "something", "low", "why")
    new = rep.into(doc, body=[Block("head", "x", 1)])
    assert doc.report == () and [i.what for i in new.report] == ["something"]
    assert new.body[0].kind == "head" and doc.body[0].kind == "p"


def test_convert_dump_prints_the_model(tmp_path):
    seed = tmp_path / "s.txt"
    seed.write_bytes(TEXT)
    res = run("convert", seed, "--dump", "-o", tmp_path / "s.xml")
    assert res.exit_code == 0, res.output
    dump = res.stderr
    assert dump.startswith("# s (")
    assert "# body" in dump and "\ndiv[n=II type=section] @7\n" in dump
    assert "\n  head[cert=high n=II](rank=2 style=numbered) @7 'II. SECOND PART'\n" in dump
    assert "\n    item[n=1] @9 '1) one'\n      ~label[0:2]\n" in dump
    assert "\n# report\n" in dump and "7: heading (numbered) [high] II. SECOND PART" in dump
