"""Passes that once did quadratic work: their cost, counted in steps (elements read and
moved, or cue calls made), grows like the text. No clock is read: steps are exact."""
from __future__ import annotations

from converter.model import Block, Document, Reporter
from converter.passes import framing, numbered


def _numbered_body(copies: int) -> list:
    body = []
    for k in range(copies):
        body += [Block("p", f"Section {k} demands the following measures:", 4 * k + 1),
                 Block("p", "1. Raise the output of the mills.", 4 * k + 2),
                 Block("p", "2. Train the workers of the mills.", 4 * k + 3),
                 Block("p", "These measures are what the hour demands of us all.", 4 * k + 4)]
    return body


def test_numbered_runs_take_linear_steps():
    small_body, big_body = _numbered_body(200), _numbered_body(2000)
    small, small_steps = numbered.number_runs(small_body, Reporter())
    big, big_steps = numbered.number_runs(big_body, Reporter())
    # Every run became a list (the pass did its work) ...
    assert sum(getattr(it, "kind", "") == "list" for it in small) == 200
    assert sum(getattr(it, "kind", "") == "list" for it in big) == 2000
    # ... and ten times the runs took about ten times the steps (rebuilding the body
    # list per run made it a hundred times).
    assert 9 * small_steps <= big_steps <= 11 * small_steps
    assert small_steps < 10 * len(small_body)


def _openers(copies: int) -> Document:
    # A long stretch of salutations with no closer anywhere: each opener searched on for
    # its closer, reading the blocks' cues again (each block's cues were read three or
    # four times).
    body = [Block("p", "Sir," if k % 2 else "The meeting went on with its business.", k + 1)
            for k in range(copies)]
    return Document("t", "t.txt", body, sidecar={})


def test_letter_framing_reads_each_block_once(monkeypatch):
    calls = {"n": 0}

    def counted(fn):
        def wrapper(blk):
            calls["n"] += 1
            return fn(blk)
        return wrapper

    monkeypatch.setattr(framing, "opener_of", counted(framing.opener_of))
    monkeypatch.setattr(framing, "closer_of", counted(framing.closer_of))
    framing.letter_framing(_openers(400))
    small = calls["n"]
    calls["n"] = 0
    framing.letter_framing(_openers(4000))
    assert 9 * small <= calls["n"] <= 11 * small
    assert small <= 2 * 400  # an opener and a closer test per block, once
