"""Letter and speech framing: ``opener`` (``dateline``, ``salute``) and ``closer``
(``salute``, ``signed``, ``dateline``).

An opener is a block whose every line is a place or date line ("Head-Quarters, Newburgh,",
"March 18th, 1783.") or a salutation ("SIR,", "My dear Sir,", "Gentlemen,"). A closer
starts with a complimentary close ("I have the honor to be …", "Your most obedient
servant", "always most affectionately yours"); the short lines after it are the signature,
and a following signature block ("SAMUEL WHITE, Speaker.") joins it.

TEI allows an opener only at the top of a division and a closer only at its bottom. So a
frame that opens its division and closes it stays in place; a letter that stands among
other paragraphs (a letter read into the minutes) becomes a ``floatingText`` whose
``body`` runs from its opener to its closer. Divisions here are the stretches between
headings, before they are grouped.
"""
from __future__ import annotations

from converter.model import Block, Document, Node, Reporter
from converter.passes.cues.letters import closer_of, opener_of, signature_of


def _with_signatures(seg: list, stop: int, closer: Node) -> tuple[int, Node]:
    """The index after the signature blocks that follow a closer, and the closer with
    them folded into it."""
    signed = []
    while stop < len(seg) and signature_of(seg[stop]):
        signed.append(signature_of(seg[stop]))
        stop += 1
    return stop, (closer.with_(children=(*closer.children, *signed)) if signed else closer)


def _letter(inner: list, report: Reporter) -> Node:
    report.infer(inner[0].line, "letter inside the text (floatingText)", "medium",
                 f"{len(inner)} parts")
    return Node("floatingText", [Node("body", inner, inner[0].line)], inner[0].line,
                {"type": "letter", "cert": "medium"})


def _frame_segment(seg: list, report: Reporter, last: bool) -> list:
    """Openers and closers of one stretch between headings, placed where TEI allows them:
    in place at the top (opener) or at the very end of the text (closer), else the letter
    they frame becomes a ``floatingText``; a frame with nothing to hold stays as it was."""
    out: list = []
    # Each block is read once: its opener, its closer, and where the next block with either
    # stands (searching forward from every opener made a run of openers quadratic).
    openers = [opener_of(it) for it in seg]
    closers = [closer_of(it) for it in seg]
    nxt: list = [None] * len(seg)
    for k in range(len(seg) - 2, -1, -1):
        framed = openers[k + 1] is not None or closers[k + 1] is not None
        nxt[k] = k + 1 if framed else nxt[k + 1]
    i = 0
    while i < len(seg):
        opener = openers[i]
        if opener is not None:
            j = nxt[i]
            closer = closers[j] if j is not None else None
            if closer is not None and j > i + 1:
                stop, closer = _with_signatures(seg, j + 1, closer)
                inner = [opener] + seg[i + 1:j] + [closer]
                if i == 0 and last and stop == len(seg):
                    out.extend(inner)
                else:
                    out.append(_letter(inner, report))
                report.infer(seg[i].line, "letter opener and closer", "medium", seg[i].text[:40])
                i = stop
                continue
            if i == 0 and i + 1 < len(seg):  # an opener must open something
                out.append(opener)
                report.infer(seg[i].line, "opener (salutation, dateline)", "medium", seg[i].text[:40])
                i += 1
                continue
        closer = closers[i] if opener is None else None
        stop, closer = _with_signatures(seg, i + 1, closer) if closer is not None and last \
            else (None, None)
        if closer is not None and last and stop == len(seg):
            # A close without an opener: in place only at the very end of the text (where
            # it closes the whole text); elsewhere where its letter began is unknown.
            report.infer(seg[i].line, "closer (complimentary close, signature)", "medium",
                         seg[i].text[:40])
            out.append(closer)
            break
        out.append(seg[i])
        i += 1
    return out


def letter_framing(doc: Document) -> Document:
    """Recognise openers and closers in each stretch of the body between headings."""
    out, seg, report = [], [], Reporter()
    for it in doc.body:
        if isinstance(it, Block) and it.kind in ("head", "argument"):
            out.extend(_frame_segment(seg, report, False))
            out.append(it)
            seg = []
        else:
            seg.append(it)
    out.extend(_frame_segment(seg, report, True))
    return report.into(doc, body=out)
