"""Pathological shapes convert in linear time: a 1 MB single line of mixed prose, 300 KB
single lines of one repeated pattern each (the shapes that tempt a regex to backtrack or
a pass to compare every marker with every other), and 100 000 blank lines. Each runs as a
whole command in a subprocess with a generous timeout: the test fails on a hang, not on a
slow machine (a quadratic pass took minutes on these before it was fixed)."""
from __future__ import annotations

import random
import subprocess
import sys

import pytest

from tests.helpers import kept_words, words

pytestmark = pytest.mark.slow  # megabyte inputs through the whole build

MB = 1_000_000
SHAPE = 300_000  # enough for a quadratic pass to take minutes, cheap enough for every run
TIMEOUT = 120  # seconds; a linear pipeline takes a few at most


def _prose(n: int) -> str:
    rng = random.Random(7)
    vocab = ('the Party comrade Lenin said that (1) we must, in Moscow, on March 3, 1937, '
             '"work" harder; and 12. more I. II. Mr. J. V. Stalin - -- \u201cquoted\u201d '
             '(see p. 42) [sic] firstly, secondly: 1) 2) a) b)').split()
    out, size = [], 0
    while size < n:
        w = rng.choice(vocab)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)[:n].rstrip()


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n].rstrip()


SHAPES = {
    "prose": lambda: _prose(MB),
    "numbered-items": lambda: _repeat("(1) point one; ", SHAPE),
    "counting-items": lambda: " ".join(f"({i % 9 + 1}) step" for i in range(SHAPE // 9)),
    "open-quotes": lambda: _repeat('"a ', SHAPE),
    "initials": lambda: _repeat("J. V. ", SHAPE),
    "roman": lambda: _repeat("I. II. III. IV. ", SHAPE),
    "spaces": lambda: "start" + " " * MB + "end",
    "one-word": lambda: "x" * MB,
}


def _convert(tmp_path, name: str, text: str) -> bytes:
    src = tmp_path / f"{name}.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / f"{name}.xml"
    proc = subprocess.run([sys.executable, "-m", "converter", "convert", str(src), "-o",
                           str(out)], capture_output=True, timeout=TIMEOUT)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    return out.read_bytes()


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_long_single_line(tmp_path, shape):
    text = SHAPES[shape]()
    assert "\n" not in text and len(text) >= SHAPE - 16
    xml = _convert(tmp_path, shape, text + "\n")
    assert kept_words(xml) == words(text)


def test_hundred_thousand_blank_lines(tmp_path):
    text = "Start.\n" + "\n \n\t\n" * 33_334 + "End.\n"
    assert text.count("\n") > 100_000
    xml = _convert(tmp_path, "blank", text)
    assert kept_words(xml) == ["start", "end"]
