"""Numbered paragraphs: a run ``1.`` … ``n.`` is either one ordered list or n divisions.

Paragraphs that open with the numbers 1, 2, 3 … in order (other paragraphs may stand
between them) form a run within one division. How the run is used decides what it is:

* announced by a colon or a question ("It is necessary to carry out the following
  measures:") it is
  an ordered ``list``: each ``item`` (``@n``, the printed number kept as ``label``) holds
  every paragraph up to the next number; the last item stops at a heading, at a
  paragraph that sums the run up ("This is how the matter stands…", "Such are…"), or
  after as many paragraphs as the longest earlier item;
* otherwise, when at least half of the numbered paragraphs read as headings (a question,
  or one short sentence, followed by paragraphs of its own: "3. What does it mean – to
  select workers correctly …?") the numbers are points of a speech: each opens a ``div``
  with ``@n`` and a ``head`` (a long opening paragraph gives its first short sentence, or
  just its number, to the head and keeps the rest as a paragraph);
* otherwise (not announced, not headings) the paragraphs are left as they are: an
  argument's "1. … 2. …" paragraphs are paragraphs.
"""
from __future__ import annotations

import re

from converter.model import Block, Document, Node, Reporter, Span
from converter.passes.cues.lists import NUMBERED, announces
from converter.passes.cues.text import split_block, words

_RECAP = re.compile(r"^(?:this|that) is (?:how|why|what)\b|^(?:such|these) (?:are|is|were|was)\b|"
                    r"^thus\b|^in (?:short|sum|conclusion)\b|^to sum up\b", re.I)
_SENTENCE = re.compile(r"[.!?]\s+(?=[A-Z“\"])")


def number_of(item) -> int | None:
    """The number a paragraph opens with ("3. It should …" -> 3), else None."""
    if isinstance(item, Block) and item.kind == "p":
        m = NUMBERED.match(item.text)
        if m:
            return int(m.group("n"))
    return None


def _runs(body: list) -> list[list[int]]:
    """Index lists of numbered runs 1..n (n >= 2), each within one division."""
    runs, cur = [], []
    for i, it in enumerate(body):
        if isinstance(it, Block) and it.kind == "head":
            if len(cur) >= 2:
                runs.append(cur)
            cur = []
            continue
        n = number_of(it)
        if n is None:
            continue
        if n == len(cur) + 1:
            cur.append(i)
        elif n == 1:
            if len(cur) >= 2:
                runs.append(cur)
            cur = [i]
    if len(cur) >= 2:
        runs.append(cur)
    return runs


def _heading_like(body: list, i: int, nxt_member: int | None) -> bool:
    text = NUMBERED.sub("", body[i].text, count=1)
    if nxt_member == i + 1 or len(words(text)) > 16:
        return False
    return text.rstrip().endswith("?") or not _SENTENCE.search(text.rstrip())


def _label(block: Block) -> tuple[Block, str]:
    m = NUMBERED.match(block.text)
    lab = Span(0, len(m.group(0).rstrip()), "label", (), 30)
    return block.with_(spans=(*block.spans, lab)), m.group("n")


def _as_list(body: list, run: list[int], report: Reporter, cert: str) -> tuple[int, Node]:
    """(index after the list, the list node)."""
    bounds = run[1:] + [None]
    items, longest = [], 1
    for start, stop in zip(run, bounds):
        if stop is None:
            stop = start + 1
            while (stop < len(body) and stop - start < longest and
                   not (isinstance(body[stop], Block) and
                        (body[stop].kind == "head" or _RECAP.match(body[stop].text)))):
                stop += 1
        longest = max(longest, stop - start)
        first, n = _label(body[start])
        items.append(Node("item", [first, *body[start + 1:stop]], first.line, {"n": n}))
    report.infer(body[run[0]].line, "numbered list", cert,
                 f"{len(items)} items, longest {longest} paragraphs")
    return stop, Node("list", items, body[run[0]].line, {"type": "ordered", "cert": cert})


def _as_points(body: list, run: list[int], report: Reporter, rank: int) -> list:
    """The run's paragraphs turned into heads of rank ``rank`` (split where too long);
    ``body`` is the stretch from the run's first paragraph to its last."""
    out = list(body)
    for pos, i in enumerate(run):
        blk, n = _label(body[i])
        nxt = run[pos + 1] if pos + 1 < len(run) else None
        attrs = {"n": n, "rank": rank, "style": "point", "cert": "medium"}
        if _heading_like(body, i, nxt):
            out[i] = blk.with_(kind="head", attrs=attrs)
        else:
            label_end = len(NUMBERED.match(blk.text).group(0))
            m = _SENTENCE.search(blk.text, label_end)
            cut = m.end() if m and len(words(blk.text[:m.end()])) <= 13 else label_end
            head, rest = split_block(blk, cut, "head")
            attrs["cert"] = "low"
            out[i] = [head.with_(attrs=attrs), rest]
        report.infer(blk.line, "numbered point as division", attrs["cert"], blk.text[:60])
    flat = []
    for it in out:
        flat.extend(it if isinstance(it, list) else [it])
    return flat


class _Body:
    """The body while runs are replaced from the last to the first: the part before
    ``cut`` is still the original list, the part after it is kept reversed, so replacing
    a stretch moves each element once (rebuilding the list per run was quadratic).
    ``steps`` counts the elements read and moved, for tests of linearity."""

    def __init__(self, items: list):
        self.head, self.cut, self.rev, self.steps = items, len(items), [], 0

    def __len__(self) -> int:
        return self.cut + len(self.rev)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        self.steps += 1
        if k < 0:
            k += len(self)
        return self.head[k] if k < self.cut else self.rev[len(self.rev) - 1 - (k - self.cut)]

    def replace(self, start: int, stop: int, new: list) -> None:
        """``body[start:stop] = new``, for ``start`` at or before the cut."""
        for k in range(self.cut - 1, stop - 1, -1):  # untouched ones after the stretch
            self.rev.append(self.head[k])
        for _ in range(stop - self.cut):  # rewritten ones inside it
            self.rev.pop()
        self.rev.extend(reversed(new))
        self.steps += max(self.cut - stop, 0) + max(stop - self.cut, 0) + len(new)
        self.cut = start

    def items(self) -> list:
        return self.head[:self.cut] + self.rev[::-1]


def _ranks(body: list) -> list[int]:
    """For each index, the rank a point heading there takes: one below the last heading
    before it (2 when there is none)."""
    out, rank = [], 2
    for it in body:
        out.append(rank)
        if isinstance(it, Block) and it.kind == "head":
            rank = it.hints.get("rank", 1) + 1
    return out


def number_runs(items: list, report: Reporter) -> tuple[list, int]:
    """``items`` with their numbered runs made lists or points, and the steps it took."""
    body = _Body(list(items))
    ranks = _ranks(body.head)
    for run in reversed(_runs(body.head)):
        # Everything before the run is still as it was: read it from the original.
        prev = body.head[run[0] - 1] if run[0] else None
        colon = announces(prev)
        nexts = run[1:] + [None]
        heads = sum(_heading_like(body.head, i, n) for i, n in zip(run, nexts))
        if not colon and heads * 2 >= len(run):
            stretch = body.head[run[0]:run[-1] + 1]
            body.replace(run[0], run[-1] + 1, _as_points(
                stretch, [i - run[0] for i in run], report, ranks[run[0]]))
            continue
        if not colon:
            continue
        stop, node = _as_list(body, run, report, "high")
        body.replace(run[0], stop, [node])
    return body.items(), body.steps


def numbered_paragraphs(doc: Document) -> Document:
    """Turn runs of numbered paragraphs into ordered lists or numbered divisions."""
    report = Reporter()
    body, _steps = number_runs(doc.body, report)
    return report.into(doc, body=body)
