"""Fuzzing with hypothesis.

* ``convert`` on arbitrary Unicode text and arbitrary bytes, in several encodings: it never
  crashes (only InputError is allowed, and only for input with no text or undecodable
  bytes), the TEI is always valid, and no word is lost.
* ``sidecar.load`` on arbitrary JSON: InputError or a dict, never a crash; and ``convert``
  with generated schema-valid sidecars whose names and note phrases come from the text.
* ``validate`` (edition and tei_all) and ``export`` on mutated TEI (tree edits: elements
  renamed, moved, doubled, deleted, odd attributes and text; then bytes flipped, ranges cut
  or doubled, hostile snippets spliced in: DOCTYPEs with external entities, XInclude,
  stylesheet PIs, deep nesting): never crash, and never read outside the input: a canary
  file with a random token sits next to the input and is referenced by path and URL, and a
  local TCP port referenced by URL records any connection.

The default run is short (``TEI_FUZZ_EXAMPLES``, default 40 per test, keeps the suite
fast); for a long run: ``TEI_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py``.
"""
from __future__ import annotations

import copy
import json
import os
import secrets
import socket
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from converter import sidecar
from converter.errors import InputError
from converter.pipeline import convert_bytes
from converter.reader import _XML_ILLEGAL
from converter.validate import check_file, check_tree
from converter.writers import WRITERS
from converter.xmlio import parse_bytes, parse_file
from tests.helpers import kept_words, words

pytestmark = pytest.mark.slow  # hypothesis fuzzing of every command

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = int(os.environ.get("TEI_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 40,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])

# -- convert ----------------------------------------------------------------------------

_ODD = st.sampled_from(["\r\n", "\r", "\n\n", "\x00", "\x0c", "\x1b", "\ufeff", "\u202e",
                        "\u00a0", "\u2028", "\ufffe", "\U0001F600", "<", "&", "]]>", '"',
                        "«", "“", "(", "[", "1.", "I.", "CHAPTER", "Comrade Stalin", "e\u0301"])
TEXT = st.one_of(
    st.text(min_size=1, max_size=400),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=400),
    st.lists(st.one_of(_ODD, st.text(max_size=12)), min_size=1, max_size=60).map("".join),
    st.lists(st.sampled_from(["THE PARTY", "said:", "“We", "must”", "(a)", "2)", "—",
                              "Москва", "Ἀθῆναι", "שלום", "\n", "\n\n", "   "]),
             min_size=1, max_size=80).map(" ".join),
)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16"])


def _words_of(text: str) -> list[str]:
    return words(_XML_ILLEGAL.sub(" ", text.replace("\x0b", " ").replace("\x0c", " ")))


@FUZZ
@given(TEXT, ENCODINGS)
def test_fuzz_convert_unicode(text, encoding):
    data = text.encode(encoding)
    try:
        xml, _ = convert_bytes(data, "fuzz.txt", "fuzz")
    except InputError as err:
        # Allowed refusals only: nothing but white space, or mostly NUL bytes (binary).
        head = data[:4096]
        assert ("no text" in err.message and not text.replace("\ufeff", "").strip()) or (
            "binary" in err.message and head.count(0) > len(head) // 4), err
        return
    tree = parse_bytes(xml, "fuzz.xml")
    assert check_tree(tree, "fuzz.xml") == []
    assert kept_words(xml) == _words_of(text.lstrip("\ufeff") if encoding != "utf-8" else
                                        text[1:] if text.startswith("\ufeff") else text)


@FUZZ
@given(st.one_of(st.binary(max_size=600), st.tuples(
    st.sampled_from([b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"]), st.binary(max_size=300)
).map(b"".join)))
def test_fuzz_convert_bytes(data):
    try:
        xml, _ = convert_bytes(data, "fuzz.txt", "fuzz")
    except InputError as err:
        assert str(err).startswith("fuzz.txt:")
        return
    assert check_tree(parse_bytes(xml, "fuzz.xml"), "fuzz.xml") == []


def test_fuzzed_unicode_is_valid_against_tei_all(tei_all):
    """A fixed sample of the fuzzer's shapes, checked against the official schema too."""
    @settings(max_examples=max(10, EXAMPLES // 4), deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])
    @given(TEXT)
    def inner(text):
        assume(_words_of(text))
        xml, _ = convert_bytes(text.encode("utf-8"), "fuzz.txt", "fuzz")
        tree = parse_bytes(xml, "fuzz.xml")
        assert tei_all.validate(tree), str(tei_all.error_log)[:400]

    inner()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
        st.sampled_from(["metadata", "entities", "notes", "id", "type", "label", "aliases",
                         "title", "date", "phrase", "text", "occurrence", "target", "x"]),
        kids, max_size=5),
    max_leaves=20)


@FUZZ
@given(JSON, st.booleans())
def test_fuzz_sidecar(value, mangle):
    raw = json.dumps(value)
    if mangle and raw:
        raw = raw[: len(raw) // 2]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.json"
        path.write_text(raw, encoding="utf-8")
        try:
            assert isinstance(sidecar.load(path), dict)
        except InputError as err:
            assert str(err).startswith(str(path))


# -- validate / export on mutated TEI ---------------------------------------------------

class _Sandbox:
    """A folder with a canary file and a listening port that must never be contacted."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="tei-fuzz-"))
        self.token = "CANARY-" + secrets.token_hex(8)
        (self.dir / "canary.txt").write_text(self.token)
        (self.dir / "canary.xml").write_text(f"<p>{self.token}</p>")
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            self.hits += 1
            conn.close()


BOX = _Sandbox()
CANARY = str(BOX.dir / "canary.txt")
URL = f"http://127.0.0.1:{BOX.port}/canary"
SNIPPETS = [
    f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{CANARY}">]>', "&x;",
    f'<!DOCTYPE TEI SYSTEM "{URL}.dtd">', f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{URL}"> %p;]>',
    '<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>', "&b;",
    f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{CANARY}" parse="text"/>',
    '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="canary.xml"/>',
    f'<?xml-stylesheet type="text/xsl" href="{URL}"?>', f'<?xml-model href="{URL}"?>',
    f'<p xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="x {CANARY}">s</p>',
    "<hi>" * 300, "</hi>", "<p>", "</p>", "<div>", "</body>", '<p xml:id="s1.p1">dup</p>',
    "<![CDATA[<script>]]>", "<!-- -->", "&#0;", "&#x110000;", "&lt;", "\x00", "\xff\xfe",
    '<ref target="javascript:alert(1)">r</ref>', '<graphic url="file:///etc/passwd"/>',
    '<text xmlns="http://www.tei-c.org/ns/1.0">', '<?xml version="1.0" encoding="UTF-16"?>',
]
BASES = [p.read_bytes() for p in [ROOT / "tests" / "hostile" / "tei" / "valid.xml",
                                  *sorted((ROOT / "tests" / "golden").glob("*/expected.xml"))[:3]]
         if p.exists()]
MUTATION = st.one_of(
    st.tuples(st.just("insert"), st.floats(0, 1), st.sampled_from(SNIPPETS)),
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 200)),
    st.tuples(st.just("double"), st.floats(0, 1), st.integers(1, 400)),
    st.tuples(st.just("flip"), st.floats(0, 1), st.integers(0, 255)),
    st.tuples(st.just("truncate"), st.floats(0, 1), st.just(0)),
)


def _mutate(data: bytes, ops) -> bytes:
    for op, where, arg in ops:
        i = int(where * len(data))
        if op == "insert":
            data = data[:i] + arg.encode("utf-8", "surrogateescape") + data[i:]
        elif op == "delete":
            data = data[:i] + data[i + arg:]
        elif op == "double":
            data = data[:i + arg] + data[i:]
        elif op == "flip" and data:
            i = min(i, len(data) - 1)
            data = data[:i] + bytes([arg]) + data[i + 1:]
        elif op == "truncate":
            data = data[:i]
    return data


# Tree edits keep the file well-formed, so validation and the writers get exercised too.
_TEI_NAMES = ["p", "div", "head", "list", "item", "label", "q", "quote", "cit", "lb", "pb",
              "persName", "note", "hi", "ref", "text", "body", "TEI", "teiHeader", "front",
              "titlePage", "date", "anchor", "table", "row", "cell", "blink"]
TREE_EDIT = st.one_of(
    st.tuples(st.just("rename"), st.integers(0, 10**6), st.sampled_from(_TEI_NAMES)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.just(None)),
    st.tuples(st.just("move"), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just("dup"), st.integers(0, 10**6), st.just(None)),
    st.tuples(st.just("attr"), st.integers(0, 10**6), st.tuples(
        st.sampled_from(["n", "type", "when", "ref", "target", "rend", "cert", "xml:id",
                         "onclick", "style", "bogus", "{urn:x}a"]),
        st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=12))),
    st.tuples(st.just("text"), st.integers(0, 10**6), st.text(
        st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=20)),
)


def _edit_tree(data: bytes, edits) -> bytes:
    from lxml import etree

    root = etree.fromstring(data)
    tei = "{http://www.tei-c.org/ns/1.0}"
    for op, i, arg in edits:
        els = [el for el in root.iter() if isinstance(el.tag, str)]
        el = els[i % len(els)]
        parent = el.getparent()
        if op == "rename":
            el.tag = tei + arg
        elif op == "delete" and parent is not None:
            parent.remove(el)
        elif op == "move" and parent is not None:
            dest = els[arg % len(els)]
            if el not in dest.iterancestors() and dest is not el:
                dest.append(el)
        elif op == "dup" and parent is not None:
            parent.insert(parent.index(el), copy.deepcopy(el))
        elif op == "attr":
            name, value = arg
            el.set(name.replace("xml:", "{http://www.w3.org/XML/1998/namespace}"), value)
        elif op == "text":
            el.text = arg
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@FUZZ
@given(st.sampled_from(range(len(BASES))), st.lists(TREE_EDIT, max_size=8),
       st.one_of(st.just([]), st.lists(MUTATION, min_size=1, max_size=3)),
       st.sampled_from(["edition", "tei_all"]))
def test_fuzz_validate_and_export_mutated_tei(base, edits, ops, schema):
    data = _mutate(_edit_tree(BASES[base], edits), ops)
    path = BOX.dir / "input.xml"
    path.write_bytes(data)
    outputs = []
    try:
        outputs += [str(p) for p in check_file(path, schema)]
    except InputError as err:
        outputs.append(str(err))
    try:
        tree = parse_file(path)
    except InputError as err:
        outputs.append(str(err))
    else:
        for writer in WRITERS.values():
            outputs.append(writer.write(tree).decode("utf-8"))
    joined = "\n".join(outputs)
    assert BOX.token not in joined, "a file outside the input was read"
    assert BOX.hits == 0, "the network was touched"


# -- convert with a sidecar -------------------------------------------------------------

@st.composite
def _text_and_sidecar(draw):
    """A text, and a schema-valid sidecar whose entity names and note phrases are drawn
    from that text (so they match, overlap and nest in awkward ways) or made up."""
    text = draw(TEXT)
    toks = [t for t in text.split() if t.strip()] or ["Nowhere"]
    phrase = st.builds(lambda i, n: " ".join(toks[i % len(toks):i % len(toks) + n]),
                       st.integers(0, 500), st.integers(1, 3)) | st.text(min_size=1, max_size=8)
    phrase = phrase.filter(lambda s: s.strip())
    entities = draw(st.lists(st.builds(
        lambda i, kind, label, aliases: {"id": f"e{i}", "type": kind, "label": label,
                                         "aliases": aliases},
        st.integers(0, 10**6), st.sampled_from(["person", "place", "org", "event"]), phrase,
        st.lists(phrase, max_size=3)), max_size=4, unique_by=lambda e: e["id"]))
    notes = draw(st.lists(st.builds(lambda p, n, t: {"phrase": p, "occurrence": n, "text": t},
                                    phrase, st.integers(1, 3), st.text(min_size=1, max_size=20)),
                          max_size=3))
    return text, {"entities": entities, "notes": notes}


@FUZZ
@given(_text_and_sidecar())
def test_fuzz_convert_with_sidecar(case):
    text, side = case
    try:
        sidecar.check(side, json.dumps(side), "fuzz.json")  # e.g. a control character
        xml, _ = convert_bytes(text.encode("utf-8"), "fuzz.txt", "fuzz", side)
    except InputError as err:
        assert err.file in ("fuzz.txt", "fuzz.json") or "note" in err.message, err
        return
    assert check_tree(parse_bytes(xml, "fuzz.xml"), "fuzz.xml") == []
    assert "".join(kept_words(xml)) == "".join(_words_of(text.lstrip("\ufeff")))
