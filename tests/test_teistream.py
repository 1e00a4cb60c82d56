"""The TEI written piece by piece (``teistream``, what convert and build write) is the whole
tree's serialisation (``tei.serialize(tei.build(doc))``) byte for byte, whatever the
document: notes in the standOff, renditions in the header, containers opened part by
part, a body laid out or not, a spool in memory or on disk. And convert's peak memory
stays a small multiple of its input."""
from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter import notes, pipeline, reader, tei, teistream
from converter.cli import main
from converter.errors import InputError
from converter.model import Block, Document, Node, Span

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*/input.txt"))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _whole(doc: Document) -> bytes:
    root = tei.build(doc)
    notes.check_ids(set(root.xpath("//@xml:id", smart_strings=False)), doc)
    return tei.serialize(root)


def _streamed(doc: Document) -> bytes:
    with teistream.stage(doc) as staged:
        out = io.BytesIO()
        staged.write_to(out)
        assert staged.getvalue() == out.getvalue()  # both ways out give the same bytes
        return out.getvalue()


def _same(doc: Document) -> bytes:
    whole = _whole(doc)
    assert _streamed(doc) == whole
    return whole


def _side(path: Path) -> dict:
    side = path.with_suffix(".json")
    return json.loads(side.read_text("utf-8")) if side.exists() else {}


@pytest.mark.parametrize("text", GOLDEN + SEEDS, ids=lambda p: p.parent.name + "/" + p.name)
@pytest.mark.parametrize("opened", [teistream.OPEN_ABOVE, -1], ids=["pieces", "all-opened"])
def test_streamed_equals_whole_tree(text, opened, monkeypatch):
    """Goldens and seeds (sidecars with notes, both kinds of target) as they are written,
    and with every container opened and written part by part."""
    monkeypatch.setattr(teistream, "OPEN_ABOVE", opened)
    doc = pipeline.annotated(text.read_bytes(), text.name, text.stem, _side(text))
    _same(doc)


def _generated(paragraphs: int, seed: int = 7) -> str:
    """Chapters with headings, paragraphs, quotations, lists, emphasis, dates and names."""
    rnd = random.Random(seed)
    words = ("the people of Moscow and _London_ met on 3 March 1921 while Comrade Ivanov "
             "said that *every* worker must read \"the plan\" before the congress").split()
    out = []
    for i in range(paragraphs):
        if i % 40 == 0:
            out.append(f"CHAPTER {i // 40 + 1}\n\nTHE {rnd.choice(words).upper()} QUESTION")
        if i % 13 == 5:
            out.append("\n".join(f"{k}. {' '.join(rnd.choices(words, k=6))}" for k in range(1, 4)))
        else:
            out.append(" ".join(rnd.choices(words, k=rnd.randint(20, 90))))
    return "\n\n".join(out) + "\n"


@pytest.mark.parametrize("spool", [teistream.SPOOL_MEMORY, 1], ids=["memory", "disk"])
def test_streamed_equals_whole_tree_on_a_long_text_with_notes(spool, monkeypatch):
    monkeypatch.setattr(teistream, "SPOOL_MEMORY", spool)
    monkeypatch.setattr(teistream, "OPEN_ABOVE", 2000)  # chapters opened, as in a book
    side = {"metadata": {"title": "T", "editor": "E"},
            "notes": [{"phrase": "the plan", "occurrence": 3, "text": "A note."},
                      {"target": "s1.p3", "text": "On a paragraph."},
                      {"target": "s1.l2.i2", "text": "On an item."},
                      {"target": "s1", "text": "On a chapter."}]}
    doc = pipeline.annotated(_generated(300).encode(), "g.txt", "g", side)
    xml = _same(doc)
    assert b"<div" in xml and b"<list" in xml and b"<tagsDecl>" in xml and b"<standOff>" in xml


def test_a_body_with_phrase_level_children_is_not_laid_out():
    """A label straight in the body keeps the whole body on its lines (tei.indent)."""
    para = Block("p", "Some words\non two lines.", 2)
    doc = Document("t", "t.txt", [Block("label", "A.", 1), para,
                                  Node("div", [Block("head", "Head", 4), para], 4)],
                   meta={"title": "T"})
    xml = _same(doc)
    assert b"<body><label" in xml


def test_an_empty_body_and_a_front():
    doc = Document("t", "t.txt", [], front=[Block("docTitle", "A Title", 1)], meta={})
    assert b"<body/>" in _same(doc)


def test_spans_and_nested_containers_opened_at_every_depth(monkeypatch):
    monkeypatch.setattr(teistream, "OPEN_ABOVE", -1)
    text = "He said _so_ on 1 May 1920."
    blk = Block("p", text, 3, spans=[Span(8, 12, "hi", (("rendition", "#r-underscore"),))])
    inner = Node("div", [Block("head", "Two", 2), blk,
                         Node("list", [Node("item", [blk], 3), Node("item", [], 3)], 3)], 2)
    doc = Document("t", "t.txt", [Node("div", [Block("head", "One", 1), inner, blk], 1)],
                   meta={"title": "T"}, notes=[{"id": "n1", "target": "s1.s1.p1", "text": "x",
                                                "check": True}])
    xml = _same(doc)
    assert b'<rendition scheme="free" xml:id="r-underscore">' in xml


def test_a_note_on_a_missing_id_fails_before_anything_is_written(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("A Title\n\nOne paragraph of text.\n", encoding="utf-8")
    (tmp_path / "s.json").write_text(json.dumps(
        {"notes": [{"target": "s9.p9", "text": "Nowhere."}]}), encoding="utf-8")
    doc = pipeline.read_file(path)
    with pytest.raises(InputError, match="s9.p9"):
        teistream.stage(doc)
    out = tmp_path / "out.xml"
    out.write_bytes(b"old")
    res = CliRunner().invoke(main, ["convert", str(path), "-o", str(out)])
    assert res.exit_code == 1 and "s9.p9" in res.output
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".tei-")] == []


def test_convert_writes_the_streamed_bytes_to_a_file_and_to_stdout(tmp_path):
    path = tmp_path / "g.txt"
    path.write_text(_generated(60), encoding="utf-8")
    out = tmp_path / "g.xml"
    assert CliRunner().invoke(main, ["convert", str(path), "-o", str(out)]).exit_code == 0
    res = CliRunner().invoke(main, ["convert", str(path), "-o", "-"])
    whole = _whole(pipeline.read_file(path))
    assert out.read_bytes() == whole and res.stdout_bytes == whole


def _split_with_a_copy(text: str, first_line: int = 1) -> list:
    """reader.split_blocks as it was, over ``text + "\\n\\n"`` (a copy of the text)."""
    blocks, pos, line = [], 0, first_line
    for m in reader._BLANK_RUN.finditer(text + "\n\n"):
        chunk = text[pos:m.start()]
        if chunk.strip():
            lead = chunk[: len(chunk) - len(chunk.lstrip("\n"))]
            first = line + lead.count("\n")
            lines = tuple(reader.source_line(raw, first + k)
                          for k, raw in enumerate(chunk[len(lead):].split("\n")) if raw.strip())
            blocks.append(Block("p", "\n".join(ln.text for ln in lines), lines[0].number,
                                lines=lines))
        line += text.count("\n", pos, m.end()) if m.end() <= len(text) else text.count("\n", pos)
        pos = m.end()
    return blocks


def test_blocks_are_split_as_over_a_copy_with_two_newlines_added():
    """split_blocks reads the text in place: no copy with two newlines added, no slice
    for the work inside an e-text wrapper."""
    rnd = random.Random(3)
    pieces = ["a", "b c", "\n", "\n", "\n", " ", "\t", "\u00a0", "x\n", "\n \n", ""]
    cases = ["", "\n", " ", "a", "a\n", "a\n\n", "a\n \n", "a\n  ", "\n\na\n\n\nb \n\t\n"]
    cases += ["".join(rnd.choices(pieces, k=rnd.randint(0, 30))) for _ in range(3000)]
    for text in cases:
        assert reader.split_blocks(text, 5) == _split_with_a_copy(text, 5), repr(text)
        # A part of a text (the work inside an e-text wrapper), by its offsets.
        begin = rnd.randint(0, len(text))
        stop = rnd.randint(begin, len(text))
        assert reader.split_blocks(text, 5, begin, stop) == \
            _split_with_a_copy(text[begin:stop], 5), (text, begin, stop)


_PEAK = """import atexit, sys
def peak():
    with open('/proc/self/status') as fh:
        hwm = [line.split()[1] for line in fh if line.startswith('VmHWM:')][0]
    with open(sys.argv[1], 'w') as fh:
        fh.write(hwm)
atexit.register(peak)
import converter.pipeline, converter.review  # start-up: what convert imports, before any data
from converter.cli import main
main(sys.argv[2:])
"""


def _peak_kb(args: list[str], tmp_path: Path) -> int:
    """The peak resident memory (KB) of ``tei-edition ARGS``, as the kernel counted it for
    that process alone (VmHWM: what the parent held before exec does not count)."""
    report = tmp_path / "peak"
    res = subprocess.run([sys.executable, "-c", _PEAK, str(report)] + args,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    assert res.returncode == 0, res.stderr
    return int(report.read_text())


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("wrapped", [False, True], ids=["plain", "etext-crlf"])
def test_convert_peak_memory_is_a_small_multiple_of_the_input(tmp_path, wrapped):
    """Beyond what the interpreter and the modules take to start, converting 2 MB of
    edited text takes at most 8 times its size at its peak (the issue's aim for the
    whole process at 10 MB); also inside a Project Gutenberg wrapper, with CRLF line ends
    (the reader's other path: the work is found by offsets, the line ends normalised in
    a copy). The whole tree and its bytes, as before the TEI was written piece by piece,
    took 16 times; keeping the mentions without a report, 6.3 times; now about 5."""
    texts = [p.read_text("utf-8") for p in SEEDS]
    parts, size = [], 0
    while size < 2_000_000:  # edited texts, one after another, as in bench/
        parts.append(texts[len(parts) % len(texts)])
        size += len(parts[-1].encode())
    text = "\n\n".join(parts)
    if wrapped:
        frame = (ROOT / "tests/golden/etext-gutenberg-wrapper/input.txt").read_text("latin-1")
        head, foot = frame.split("\n", 17)[:17], frame.split("\n")[47:]
        text = "\r\n".join(head + text.split("\n") + foot)
    path = tmp_path / "big.txt"
    path.write_bytes(text.encode("utf-8"))
    size_kb = path.stat().st_size // 1024
    assert size_kb > 1500
    start = _peak_kb(["--version"], tmp_path)
    peak = _peak_kb(["convert", str(path), "-o", str(tmp_path / "big.xml")], tmp_path)
    assert peak - start < 8 * size_kb, f"{peak - start} KB beyond start-up for {size_kb} KB"
    if wrapped:
        assert b"<note type=\"etext-header\"" in (tmp_path / "big.xml").read_bytes()


def test_mentions_and_inferences_are_kept_only_for_a_report(tmp_path):
    """convert without a report keeps no mentions (the largest part of the model after
    the text) and writes the same TEI; the report and the curation report have them."""
    path = tmp_path / "g.txt"
    path.write_text(_generated(60), encoding="utf-8")  # names the rules find, unsure ones
    kept = pipeline.read_file(path)
    lean = pipeline.read_file(path, record=False)
    assert kept.mentions and not lean.mentions
    assert len(lean.report) < len(kept.report)
    assert _streamed(lean) == _streamed(kept)
    res = CliRunner().invoke(main, ["convert", str(path), "-o", str(tmp_path / "a.xml")])
    rep = CliRunner().invoke(main, ["convert", str(path), "-o", str(tmp_path / "b.xml"),
                                    "--report-json", str(tmp_path / "r.json")])
    assert res.exit_code == rep.exit_code == 0
    assert (tmp_path / "a.xml").read_bytes() == (tmp_path / "b.xml").read_bytes()
    entries = json.loads((tmp_path / "r.json").read_text())["entries"]
    assert any(e["element"] == "persName" for e in entries)


def test_the_body_waits_beside_the_output_and_a_failed_spool_is_one_line(tmp_path, monkeypatch):
    path = tmp_path / "g.txt"
    path.write_text(_generated(40), encoding="utf-8")
    real, dirs = teistream.tempfile.SpooledTemporaryFile, []

    def spy(*args, **kw):
        dirs.append(kw.get("dir"))
        return real(*args, **kw)

    monkeypatch.setattr(teistream.tempfile, "SpooledTemporaryFile", spy)
    out = tmp_path / "out" / "g.xml"
    out.parent.mkdir()
    assert CliRunner().invoke(main, ["convert", str(path), "-o", str(out)]).exit_code == 0
    assert dirs == [out.parent]
    monkeypatch.setattr(teistream, "SPOOL_MEMORY", 1)  # to disk at once: a folder not there
    res = CliRunner().invoke(main, ["convert", str(path), "-o", str(tmp_path / "no" / "g.xml")])
    assert res.exit_code == 0 and dirs[-1] is None  # a folder the output will make: the default
    doc = pipeline.read_file(path)
    with pytest.raises(InputError, match="cannot write a temporary file"):
        teistream.stage(doc, str(tmp_path / "missing"))
