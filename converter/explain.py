"""Turn lxml's RELAX NG error log into problems an editor can act on.

Each log entry carries the XPath of the node it is about. We find that node, match its
(or its parent's) children against the grammar (converter.rngexplain), and say which
element is not allowed where and what was expected instead, at the line and column of the
offending start tag. Entries the grammar analysis cannot improve keep lxml's wording.
"""
from __future__ import annotations

import re

from lxml import etree

from converter.rngexplain import NOT_ALLOWED, Grammar, element_names, grammar

_NS = re.compile(r"\{http://www\.tei-c\.org/ns/1\.0\}")
_ATTR = re.compile(r"Invalid attribute (\S+) for element (\S+)")
_TEXT = re.compile(r"Did not expect text in element (\S+) content")
_SUMMARY = re.compile(r"Element \S+ failed to validate (content|attributes)")
_CONTENT = re.compile(r"Did not expect element|Expecting an element|has extra content|"
                      r"Expecting element|Expecting no more|Element \S+ is empty|Invalid sequence|"
                      r"Expecting a namespace")
MAX_LISTED = 12
_DOC = object()  # stands for the document node: its one child must match <start>


def _name(el) -> tuple:
    q = etree.QName(el)
    return (q.namespace or "", q.localname)


def _show_el(el) -> str:
    if el is _DOC:
        return "the document"
    return "<%s>" % Grammar.show(("name",) + _name(el))


def listing(names) -> str:
    """``a, b, c`` sorted, at most MAX_LISTED, then how many more."""
    names = sorted(set(names), key=lambda n: (n.lower(), n))
    if len(names) > MAX_LISTED:
        return ", ".join(names[:MAX_LISTED]) + f" (and {len(names) - MAX_LISTED} more)"
    return ", ".join(names)


def _wrong_namespace(g: Grammar, el, expected) -> str | None:
    """'not in the TEI namespace' when only the namespace of ``el`` keeps it from fitting."""
    ns, local = _name(el)
    for nc in expected:
        if nc[0] == "name" and nc[2] == local and nc[1] != ns:
            want = "namespace " + nc[1] if nc[1] else "no namespace"
            return (f"element <{local}> is in {'namespace ' + ns if ns else 'no namespace'}; "
                    f"expected {want}" + (f' (add xmlns="{nc[1]}")' if nc[1] and not ns else ""))
    return None


def check_children(g: Grammar, parent):
    """Match ``parent``'s element children against the grammar.

    Returns None when they fit, else (message, element to point at).
    """
    if parent is _DOC:
        p, kids, where = g.content(None), [], "the document"
    else:
        p, kids, where = g.content(_name(parent)), [c for c in parent if isinstance(c.tag, str)], \
            _show_el(parent)
    if p is None:
        return f"element {where} is not declared by the schema", parent
    if parent is _DOC:
        return None
    for child in kids:
        nxt = g.deriv(p, _name(child))
        if nxt == NOT_ALLOWED:
            wrong_ns = _wrong_namespace(g, child, g.first(p))
            if wrong_ns:
                return wrong_ns, child
            expected = [g.show(nc) for nc in g.first(p)]
            anywhere = any(g.matches(nc, _name(child)) for nc in element_names(g, p)) or any(
                g.matches(nc, _name(child)) for nc in element_names(g, g.content(_name(parent))))
            place = "here" if anywhere else "(it never appears there)"
            tail = f"expected one of: {listing(expected)}" if expected else \
                f"nothing more is allowed in {where}"
            return f"element {_show_el(child)} not allowed in {where} {place}; {tail}", child
        p = nxt
    if not g.nullable(p):
        after = f" after {_show_el(kids[-1])}" if kids else ""
        return (f"element {where} is incomplete{after}; expected one of: "
                f"{listing(g.show(nc) for nc in g.first(p))}", parent)
    return None


def _check_root(g: Grammar, root):
    p = g.content(None)
    if g.deriv(p, _name(root)) == NOT_ALLOWED:
        wrong_ns = _wrong_namespace(g, root, g.first(p))
        if wrong_ns:
            return wrong_ns, root
        return (f"root element {_show_el(root)} not allowed; expected: "
                f"{listing(g.show(nc) for nc in g.first(p))}", root)
    return None


def _attr_value(node, attr: str) -> str | None:
    for key, value in node.attrib.items():
        q = etree.QName(key)
        if attr in (q.localname, "xml:" + q.localname):
            return value
    return None


def _prefixes(root) -> dict:
    """Every prefix used in the document (first binding wins), for lxml's error paths."""
    nsmap: dict = {}
    for el in root.iter():
        if isinstance(el.tag, str):
            nsmap.update({k: v for k, v in el.nsmap.items() if k and k not in nsmap})
    return nsmap


def _node(tree, path: str | None, nsmap: dict):
    if not path:
        return None
    try:
        hits = tree.xpath(path, namespaces=nsmap)
    except (etree.XPathError, TypeError):
        return None
    return hits[0] if hits and isinstance(hits[0], etree._Element) else None


class _Columns:
    """Columns of start tags, found in the source line; built on first use, in one pass."""

    def __init__(self, root, lines: list[str] | None):
        self.root, self.lines, self.index = root, lines, None

    def __call__(self, el) -> int:
        if self.lines is None or not el.sourceline or el.sourceline > len(self.lines):
            return 1
        if self.index is None:
            self.index = {}
            for other in self.root.iter():
                if isinstance(other.tag, str):
                    self.index.setdefault((other.sourceline, other.tag), []).append(other)
        same = self.index.get((el.sourceline, el.tag), [])
        nth = next((i for i, other in enumerate(same) if other is el), 0)
        tag = (el.prefix + ":" if el.prefix else "") + etree.QName(el).localname
        starts = [m.start() + 1 for m in re.finditer(r"<%s(?=[\s/>]|$)" % re.escape(tag),
                                                      self.lines[el.sourceline - 1])]
        return starts[nth] if nth < len(starts) else 1


def _unknown_attributes(g: Grammar, el) -> list[str]:
    """Messages for attributes of ``el`` the grammar never allows there (lxml reports no
    attribute problems on an element whose content already failed)."""
    out = []
    if not g.patterns_for(_name(el)):
        return out  # an element the grammar does not know: that is the problem to report
    for key in el.attrib:
        q = etree.QName(key)
        if not g.attribute_allowed(_name(el), (q.namespace or "", q.localname)):
            attr = Grammar.show(("name", q.namespace or "", q.localname), "attribute")
            out.append(f"attribute {attr} not allowed on {_show_el(el)}; allowed: "
                       f"{listing(g.attributes(_name(el))) or 'none'}")
    return out


def explain(tree, entries, schema_file: str, data: bytes | None = None) -> list[tuple]:
    """(line, col, message) for lxml RELAX NG log ``entries`` about ``tree``."""
    g = grammar(schema_file)
    if not g.complete:
        return []
    lines = data.decode("utf-8", "replace").split("\n") if data is not None else None
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    out: list[tuple] = []
    seen: set = set()
    column = _Columns(root, lines)
    nsmap = _prefixes(root)
    children_checked: dict = {}  # a parent with many bad children is matched once
    attrs_checked: set = set()

    def add(at, msg, fallback_line):
        line = at.sourceline if at is not None and at is not _DOC and at.sourceline \
            else fallback_line
        col = column(at) if at is not None and at is not _DOC else 1
        if (line, col, msg) not in seen:
            seen.add((line, col, msg))
            out.append((line, col, msg))

    def children(cand):
        if cand not in children_checked:
            children_checked[cand] = check_children(g, cand)
        return children_checked[cand]

    for e in entries:
        node = _node(tree, e.path, nsmap)
        msg, at = None, node
        m_attr, m_text = _ATTR.match(e.message), _TEXT.match(e.message)
        if _SUMMARY.match(e.message) and len(entries) > 1:
            continue  # "failed to validate content" only sums up the entries around it
        if node is not None and m_attr:
            attr = _NS.sub("", m_attr.group(1))
            allowed = g.attributes(_name(node))
            value = _attr_value(node, attr)
            if attr in allowed and value is not None:
                shown = value if len(value) <= 40 else value[:37] + "..."
                msg = f"attribute {attr}={shown!r} on {_show_el(node)}: value not allowed"
            else:
                msg = (f"attribute {attr} not allowed on {_show_el(node)}; allowed: "
                       f"{listing(allowed) if allowed else 'none'}")
            attrs_checked.add(node)
        elif node is not None and m_text:
            p = g.content(_name(node))
            names = [g.show(nc) for nc in element_names(g, p)] if p is not None else []
            msg = f"text not allowed directly in {_show_el(node)}" + (
                f"; put it inside one of: {listing(names)}" if names else "")
        elif node is not None and _CONTENT.search(e.message):
            parent = node.getparent() if node.getparent() is not None else _DOC
            order = [node, parent] if "Expecting an element" in e.message else [parent, node]
            found = _check_root(g, root) if node is root else None
            for cand in order:
                found = found or children(cand)
                if cand is not _DOC and cand not in attrs_checked:
                    attrs_checked.add(cand)
                    for extra in _unknown_attributes(g, cand):
                        add(cand, extra, e.line)
            if found:
                msg, at = found
            elif len(entries) > 1:
                continue  # the children fit: lxml's echo of another problem (an attribute)
        if msg is None:
            msg, at = _NS.sub("", e.message), None
        add(at, msg, e.line)
    return out
