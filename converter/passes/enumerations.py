"""Paragraph enumerations: "First, … / Second, … / Third, …" as an ordered list.

Consecutive paragraphs that open with the ordinals in order, starting from the first
("First, the wrecking …", "Secondly.—The remains …", "In the third place, …"), or that
name them just after a short opening ("It means, first, …", "This means, second, …"),
are the items of one list; each item keeps its ordinal word, which is also its ``label``
when it opens the paragraph. Two items at least; a run that skips a number, or an
isolated "First and foremost", does not fire. The run must be announced: the paragraph
before it ends with a colon or a question ("the following three basic facts:", "What does
this mean?"); unannounced "First, … Secondly, …" paragraphs of an argument stay paragraphs.
"""
from __future__ import annotations

from converter.model import Block, Document, Node, Reporter, Span
from converter.passes.cues.lists import announces, ordinal_of


def _item(block: Block, n: int, label_len: int) -> Block:
    spans = list(block.spans)
    if label_len:
        spans.append(Span(0, label_len, "label", (), 30))
    return block.with_(kind="item", spans=spans, attrs={"n": str(n)})


def enumerations(doc: Document) -> Document:
    """Group runs of ordinal paragraphs into ``list type="ordered"`` nodes."""
    body = list(doc.body)
    out: list = []
    report = Reporter()
    i = 0
    while i < len(body):
        first = ordinal_of(body[i])
        if first and first[0] == 1 and announces(out[-1] if out else None):
            run = [(body[i], first)]
            j = i + 1
            while j < len(body):
                nxt = ordinal_of(body[j])
                if not nxt or nxt[0] != len(run) + 1:
                    break
                run.append((body[j], nxt))
                j += 1
            if len(run) >= 2:
                items = [_item(b, k + 1, o[1]) for k, (b, o) in enumerate(run)]
                cert = "high" if all(o[1] for _b, o in run) else "medium"
                report.infer(body[i].line, "enumeration (First, Second, …)", cert,
                             f"{len(run)} items")
                out.append(Node("list", items, body[i].line,
                                {"type": "ordered", "cert": cert}))
                i = j
                continue
        out.append(body[i])
        i += 1
    return report.into(doc, body=out)
