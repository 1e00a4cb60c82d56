"""Streaming TEI: the bytes of ``tei.serialize(tei.build(doc))`` without ever holding the
whole tree or the whole serialisation.

The whole tree of a 10 MB text takes about 60 MB and its bytes another 30; the model
it is made from, far less. So the body is made one piece at a time (a paragraph, a list,
a small division; a large division is opened and its parts made one by one), each piece
indented as the whole tree would be, serialised and let go. What TEI puts before the
text but only the text can tell (the renditions the ``<hi>`` use, the reading order of the
annotated elements for the editorial notes in ``standOff``, the ids that note targets
must name) is gathered on the way, so the pieces go to a spool (memory for a small
document, a temporary file beyond ``SPOOL_MEMORY``) until the header and ``standOff`` are
known. ``Staged.write_to`` then copies header, spool and end to the output.

The spool costs a second write of the body, a few milliseconds at 10 MB, and disk space
(about 1.3 times the input) in the output's folder when there is one (elsewhere: the
folder for temporary files, which some systems keep in memory); a failed check (a note
whose target is no id) raises before anything is written.
"""
from __future__ import annotations

import shutil
import tempfile

from lxml import etree

from converter import notes, tei
from converter.errors import InputError
from converter.model import Block, Document, walk_blocks
from converter.vocabulary import ELEMENT, RUNNING, TEI_NS, XML_ID

# The spool stays in memory up to this many bytes, then moves to a temporary file.
SPOOL_MEMORY = 1 << 20
# A container whose blocks hold more text than this is written part by part.
OPEN_ABOVE = 1 << 15
# The levels of TEI > text > body: the body's children are indented one level deeper.
_BODY_LEVEL = 2
_NSDECL = f' xmlns="{TEI_NS}"'.encode()


class Staged:
    """A TEI document made and checked, its body in a spool: ``write_to`` copies it out."""

    def __init__(self, head: bytes, spool, tail: bytes):
        self.head, self.spool, self.tail = head, spool, tail

    def write_to(self, fh) -> None:
        """Write the whole document to the binary file ``fh``."""
        fh.write(self.head)
        self.spool.seek(0)
        shutil.copyfileobj(self.spool, fh, 1 << 20)
        fh.write(self.tail)

    def getvalue(self) -> bytes:
        """The whole document as bytes (for callers that keep it in memory anyway)."""
        self.spool.seek(0)
        return self.head + self.spool.read() + self.tail

    def close(self) -> None:
        """Let the spool go (its temporary file, if any, is removed)."""
        self.spool.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _Facts:
    """What the pieces tell the header and ``standOff``: renditions used, every xml:id
    (only if a note must be checked), and for the notes each id's reading position."""

    def __init__(self, doc: Document, before: int):
        self.used: set = set()
        self.ids: set | None = set() if any(n["check"] for n in doc.notes) else None
        self.order: dict | None = {} if doc.notes else None
        self.count = before  # elements of <text> before the next one, in document order

    def piece(self, el) -> None:
        """Note what the finished element ``el`` (with all it holds) tells."""
        self.used |= tei.renditions(el)
        if self.ids is not None:  # (plain strings: "smart" ones each keep their element)
            self.ids.update(el.xpath(".//@xml:id", smart_strings=False))
        if self.order is not None:  # (counted on from the pieces before, as over the text)
            order, self.count = tei.reading_order(el, self.count)
            self.order.update(order)


def _fragment(el) -> bytes:
    """``el`` serialised alone, without the namespace declaration lxml repeats on it (the
    whole document declares it once, on ``TEI``)."""
    data = etree.tostring(el, encoding="UTF-8", with_tail=False)
    start = len(etree.QName(el).localname) + 1
    if data[start:start + len(_NSDECL)] != _NSDECL:  # never: every element is TEI's
        raise AssertionError(f"unexpected serialisation of {el.tag}")
    return data[:start] + data[start + len(_NSDECL):]


def _indents(items) -> bool:
    """Whether ``tei.indent`` lays out an element holding ``items`` (one element each)
    line by line: not if any of them is phrase-level."""
    return bool(items) and not any(ELEMENT[it.kind] in RUNNING for it in items)


def _large(node) -> bool:
    return sum(len(b.text) for b in walk_blocks(node.children)) > OPEN_ABOVE


class _Writer:
    """Makes the pieces of the body in ``parent`` and writes their bytes to ``out``."""

    def __init__(self, ids: tei.Ids, source: str, facts: _Facts, out):
        self.ids, self.source, self.facts, self.out = ids, source, facts, out

    def items(self, items, parent, scope: str, level: int, laid_out: bool) -> None:
        """Write ``items``, the children of ``parent`` (at indent ``level``); ``laid_out``:
        whether ``parent`` is laid out line by line."""
        pad = ("\n" + "  " * (level + 1)).encode()
        for it in items:
            if laid_out:
                self.out.write(pad)
            if not isinstance(it, Block) and it.children and _large(it):
                self._open(it, parent, scope, level + 1, laid_out)
                continue
            el = tei.item(parent, it, self.ids, scope)
            self._lines()
            if laid_out:
                tei.indent(el, level + 1)
            self.facts.piece(el)
            self.out.write(_fragment(el))
            parent.remove(el)
        if laid_out and items:
            self.out.write(("\n" + "  " * level).encode())

    def _open(self, node, parent, scope: str, level: int, laid_out: bool) -> None:
        """Write the container ``node`` part by part: start tag, children, end tag."""
        el, child_scope = tei.open_node(parent, node, self.ids, scope)
        self._lines()
        start = _fragment(el)  # childless: <div .../>
        self.out.write(start[:-2] + b">")
        facts = self.facts
        first = facts.count
        facts.count += 1
        self.items(node.children, el, child_scope, level, laid_out and _indents(node.children))
        self.out.write(f"</{etree.QName(el).localname}>".encode())
        ident = el.get(XML_ID)
        if ident:
            if facts.ids is not None:
                facts.ids.add(ident)
            if facts.order is not None:  # its end: the last element inside it
                facts.order[ident] = facts.count - 1
        parent.remove(el)

    def _lines(self) -> None:
        """``@source`` on what was just made (set last, as ``tei.build`` does)."""
        tei.source_lines(self.ids.lines, self.source)
        self.ids.lines.clear()


def stage(doc: Document, spool_dir: str | None = None) -> Staged:
    """Make the TEI of ``doc`` (the same bytes as ``tei.serialize(tei.build(doc))``),
    checking the notes' targets; the body waits in a spool (beyond ``SPOOL_MEMORY``, a
    temporary file in ``spool_dir``) until it is written."""
    ids = tei.Ids()
    root, standoff, text, body = tei.frame(doc, ids)  # the body stays empty
    tei.source_lines(ids.lines, doc.source)
    ids.lines.clear()
    facts = _Facts(doc, 0)
    facts.piece(text)  # <text>, the front and <body>, before every piece
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY, dir=spool_dir)
    try:
        laid_out = _indents(doc.body)
        _Writer(ids, doc.source, facts, spool).items(doc.body, body, "", _BODY_LEVEL, laid_out)
        tei.declare_renditions(root, facts.used)
        if not tei.build_standoff(standoff, doc, facts.order):
            root.remove(standoff)
        if facts.ids is not None:
            facts.ids.update(root.xpath("//@xml:id", smart_strings=False))
            notes.check_ids(facts.ids, doc)
        head, sep, tail = tei.serialize(root).partition(b"<body/>")
        if not sep or b"<body/>" in tail:  # never: the frame has one body, and it is empty
            raise AssertionError("no single empty <body/> in the frame")
        if doc.body:
            head, tail = head + b"<body>", b"</body>" + tail
        else:
            head += sep
        return Staged(head, spool, tail)
    except OSError as err:  # the temporary file: a full disk, a folder not writable
        spool.close()
        raise InputError(f"cannot write a temporary file: {err.strerror}",
                         str(spool_dir or tempfile.gettempdir()),
                         hint="free some space there, or choose another output") from None
    except BaseException:
        spool.close()
        raise
