"""The seed editions with their curated authority: every mention of a listed entity is
tagged and linked, notes and dates are there, and the TEI is valid (RNG, Schematron, tei_all)."""
from __future__ import annotations

import bisect
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


def _variant_patterns(ents) -> list[tuple[str, str, re.Pattern]]:
    """(entity id, variant, compiled pattern) for every variant, compiled once per document."""
    return [(ent.id, v, re.compile(r"(?<![\w.])" + r"\s+".join(map(re.escape, v.split())) + r"(?!\w)"))
            for ent in ents for v in entities.variants(ent)]


def _matches(pattern: re.Pattern, variant: str, text: str):
    """What ``pattern.finditer(text)`` yields, found fast: a pattern opening with a
    look-behind has no literal prefix for the regex engine to skip to, so ``str.find``
    jumps to each occurrence of the variant's first word and the pattern is tried there."""
    first, i = variant.split()[0], 0
    while (i := text.find(first, i)) >= 0:
        m = pattern.match(text, i)
        if m:
            yield m
            i = max(m.end(), i + 1)
        else:
            i += 1


def test_every_mention_of_a_listed_entity_is_linked(converted):
    _, doc = converted
    ents = entities.authority(doc.sidecar)
    assert ents, "the seed's sidecar lists no entities"
    blocks = list(walk_blocks(doc.front)) + list(walk_blocks(doc.body))
    # One text for all blocks, joined by NUL (neither a word character, a dot nor white
    # space, so no match crosses a block edge): one finditer per variant, not per block.
    starts, pos = [], 0
    for blk in blocks:
        starts.append(pos)
        pos += len(blk.text) + 1
    joined = "\0".join(blk.text for blk in blocks)
    linked = [[s for s in blk.spans if s.kind in NAME_KINDS and s.attr("ref")] for blk in blocks]
    checked = 0
    for ent_id, variant, pattern in _variant_patterns(ents):
        for m in _matches(pattern, variant, joined):
            b = bisect.bisect_right(starts, m.start()) - 1
            blk, off = blocks[b], starts[b]
            lo, hi = m.start() - off, m.end() - off
            covering = [s for s in linked[b] if s.start <= lo and hi <= s.end]
            assert covering, f"line {blk.line}: {variant!r} ({ent_id}) is not tagged"
            for s in covering:
                if (s.start, s.end) == (lo, hi):
                    assert f"#{ent_id}" in s.attr("ref").split(), (blk.line, variant, s)
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
