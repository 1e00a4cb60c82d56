"""The seed editions with their curated authority: every mention of a listed entity is
tagged and linked, notes and dates are there, and the TEI is valid (RNG, Schematron, tei_all)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from converter import entities
from converter.model import walk_blocks
from converter.pipeline import convert_file
from converter.validate import check_tree

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.json"))
TEI = "{http://www.tei-c.org/ns/1.0}"
NAME_KINDS = set(entities.ELEMENT.values())


@pytest.fixture(scope="module", params=SEEDS, ids=[s.stem for s in SEEDS])
def converted(request):
    data, doc = convert_file(request.param.with_suffix(".txt"))
    return data, doc


def test_every_mention_of_a_listed_entity_is_linked(converted):
    _, doc = converted
    ents = entities.authority(doc.sidecar)
    assert ents, "the seed's sidecar lists no entities"
    checked = 0
    for blk in list(walk_blocks(doc.front)) + list(walk_blocks(doc.body)):
        linked = [s for s in blk.spans if s.kind in NAME_KINDS and s.attr("ref")]
        for ent in ents:
            for variant in entities.variants(ent):
                pattern = r"(?<![\w.])" + r"\s+".join(map(re.escape, variant.split())) + r"(?!\w)"
                for m in re.finditer(pattern, blk.text):
                    covering = [s for s in linked if s.start <= m.start() and m.end() <= s.end]
                    assert covering, f"line {blk.line}: {variant!r} ({ent.id}) is not tagged"
                    exact = [s for s in covering if (s.start, s.end) == m.span()]
                    for s in exact:
                        assert f"#{ent.id}" in s.attr("ref").split(), (blk.line, variant, s)
                    checked += 1
    assert checked >= 20  # the check ran on real mentions


def test_standoff_notes_and_dates(converted):
    data, doc = converted
    root = etree.fromstring(data)
    ids = {e.get("{http://www.w3.org/XML/1998/namespace}id") for e in root.iter()}
    listed = {e["id"] for e in doc.sidecar["entities"]}
    refs = {r.lstrip("#") for e in root.find(f"{TEI}text").iter() for r in (e.get("ref") or "").split()}
    assert refs and refs <= listed and refs <= ids
    notes = root.findall(f"{TEI}standOff/{TEI}note[@type='editorial']")
    assert len(notes) == len(doc.sidecar["notes"]) >= 4
    assert root.find(f"{TEI}text").findall(f".//{TEI}date[@when]")


def test_seed_tei_is_valid(converted, tei_all):
    data, _ = converted
    tree = etree.ElementTree(etree.fromstring(data))
    assert check_tree(tree, "seed") == []
    assert tei_all.validate(tree), tei_all.error_log
