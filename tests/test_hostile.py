"""The hostile-input corpus (tests/hostile/cases.json): every broken or malicious input gets
its expected one-line error (exit 1, no traceback), every odd-but-fine input converts to
valid TEI that keeps every word, and nothing outside an input is ever read or fetched.

Each case runs the real command line (click's CliRunner) on a copy of the corpus in a
temporary folder that also holds ``canary.txt``, a file with a random token: XXE, XInclude,
stylesheet PIs and schemaLocation all point at it, so the token must never reach an output.
"""
from __future__ import annotations

import json
import secrets
import shutil
import socket
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from converter.cli import main
from converter.reader import _XML_ILLEGAL
from converter.validate import check_tree
from converter.xmlio import parse_bytes
from tests.helpers import kept_words, words

HOSTILE = Path(__file__).resolve().parent / "hostile"
CASES = json.loads((HOSTILE / "cases.json").read_text(encoding="utf-8"))


class _Listener:
    """A TCP port that records whether anything connected (for XXE-by-URL cases)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self._stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self):
        self._stop = True
        self.thread.join()
        self.sock.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A copy of tests/hostile with a canary file and the URL cases pointed at a live port."""
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(HOSTILE, root, dirs_exist_ok=True)
    token = "CANARY-" + secrets.token_hex(8)
    listener = _Listener()
    for sub in ("tei", "html", "."):
        (root / sub / "canary.txt").write_text(token + "\n")
        (root / sub / "canary.xml").write_text(f"<p>{token}</p>\n")
    for xml in (root / "tei").glob("*.xml"):
        data = xml.read_bytes()
        if b"127.0.0.1:9/" in data:
            xml.write_bytes(data.replace(b"127.0.0.1:9/", f"127.0.0.1:{listener.port}/".encode()))
    yield root, token, listener
    listener.close()


def _fill(text: str, root: Path, case: dict) -> str:
    inp = root / case["in"]
    return text.replace("{in}", str(inp)).replace("{json}", str(inp.with_suffix(".json")))


def _expected_words(raw: bytes, encoding: str) -> list[str]:
    text = raw.decode(encoding)
    return words(_XML_ILLEGAL.sub(" ", text.replace("\x0b", " ").replace("\x0c", " ")))


@pytest.mark.parametrize("case", CASES, ids=lambda c: " ".join([c["in"]] + c["cmd"][1:] + [c["cmd"][0]]))
def test_hostile_case(case, corpus, tmp_path):
    root, token, listener = corpus
    args = [case["cmd"][0], str(root / case["in"])] + case["cmd"][1:]
    res = CliRunner().invoke(main, args)
    out, err = res.stdout, res.stderr
    assert res.exit_code == case["exit"], (out[-2000:], err)
    assert "Traceback" not in out + err and "internal error" not in err
    assert token not in out + err, "a file outside the input was read"
    assert listener.hits == 0, "the network was touched"
    lines = (err + out).splitlines() if case["exit"] else err.splitlines()
    for want in case.get("expect", []):
        want = _fill(want, root, case)
        assert any(line.startswith(want) for line in lines), (want, lines[:8])
    if case["exit"]:
        # One line per problem, each starting file:line[:col]: ; hints indented beneath.
        for line in err.splitlines():
            assert line.startswith("  hint: ") or line.startswith(str(root)), line
        if "hint" in case:
            assert any(line.startswith("  hint: ") and case["hint"] in line
                       for line in err.splitlines()), err
        return
    for want in case.get("report", []):
        assert any(line.startswith(_fill(want, root, case)) for line in err.splitlines()), err
    if case["cmd"][0] != "convert":
        return
    xml = out.encode("utf-8")
    tree = parse_bytes(xml, "out.xml")
    assert check_tree(tree, "out.xml") == []
    raw = (root / case["in"]).read_bytes()
    assert kept_words(xml) == _expected_words(raw, case["decode"])
    for s in case.get("contains", []):
        assert s in out
    for s in case.get("absent", []):
        assert s not in out


def test_converted_hostile_text_is_valid_against_tei_all(corpus, tei_all):
    root, _, _ = corpus
    for case in CASES:
        if case["cmd"][0] == "convert" and case["exit"] == 0:
            res = CliRunner().invoke(main, [case["cmd"][0], str(root / case["in"])] + case["cmd"][1:])
            tree = etree.ElementTree(etree.fromstring(res.stdout.encode("utf-8")))
            assert tei_all.validate(tree), (case["in"], str(tei_all.error_log)[:500])


def test_every_corpus_file_has_a_case():
    used = {c["in"] for c in CASES}
    files = {str(p.relative_to(HOSTILE)) for p in HOSTILE.rglob("*")
             if p.is_file() and p.suffix in (".txt", ".bin", ".xml")
             and p.parent.name in ("text", "sidecar", "tei")}
    assert files - used == set()
