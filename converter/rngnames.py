"""RELAX NG name classes for the validation explainer (converter.rngexplain): reading them
from the .rng (with RELAX NG's ``ns`` inheritance), matching names, and showing them.

A name class is a hashable tuple: ``("name", ns, local)``, ``("any", ns, excepts)`` for
``<anyName>``, ``("ns", ns, excepts)`` for ``<nsName>``, ``("or", a, b)`` for a choice.
"""
from __future__ import annotations

from lxml import etree

RNG = "http://relaxng.org/ns/structure/1.0"
R = "{%s}" % RNG
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def rng_children(el) -> list:
    """The RELAX NG children of ``el`` (annotations in other namespaces left out)."""
    return [c for c in el if isinstance(c.tag, str) and c.tag.startswith(R)]


def local(el) -> str:
    """The local name of an element of the grammar."""
    return etree.QName(el).localname


def ns_of(el) -> str:
    """The inherited ``ns`` attribute of an RNG element (RELAX NG's namespace inheritance)."""
    while el is not None:
        if el.get("ns") is not None:
            return el.get("ns")
        el = el.getparent()
    return ""


def qname(el, name: str) -> tuple:
    """(namespace, local) of a name written in the grammar at ``el`` (``tei:p``, ``p``)."""
    if ":" in name:
        prefix, loc = name.split(":", 1)
        return (el.nsmap.get(prefix, XML_NS if prefix == "xml" else ""), loc)
    return (ns_of(el), name)


def nameclass(el) -> tuple:
    """The name class written by the RNG element ``el`` (name, anyName, nsName, choice)."""
    kind = local(el)
    if kind == "name":
        return ("name",) + qname(el, (el.text or "").strip())
    if kind in ("anyName", "nsName"):
        exc = [nameclass(c) for e in rng_children(el) for c in rng_children(e)]
        return ("any" if kind == "anyName" else "ns", ns_of(el), tuple(exc))
    parts = [nameclass(c) for c in rng_children(el)]
    out = parts[0] if parts else ("or",)
    for p in parts[1:]:
        out = ("or", out, p)
    return out


def element_nc(el, attribute: bool = False) -> tuple:
    """The name class of an ``<element>`` or ``<attribute>`` pattern."""
    if el.get("name") is not None:
        name = el.get("name")
        if attribute and ":" not in name and el.get("ns") is None:
            return ("name", "", name)  # a plain attribute name does not inherit ns
        return ("name",) + qname(el, name)
    return nameclass(rng_children(el)[0])


def matches(nc: tuple, name: tuple) -> bool:
    """Whether the name class ``nc`` matches the (namespace, local) ``name``."""
    if nc[0] == "name":
        return (nc[1], nc[2]) == name
    if nc[0] == "or":
        return any(matches(n, name) for n in nc[1:])
    if nc[0] == "ns" and name[0] != nc[1]:
        return False
    return not any(matches(e, name) for e in nc[2])


def show(nc: tuple, what: str = "element") -> str:
    """A name class as an editor reads it: ``teiHeader``, ``xml:id``, ``any element``."""
    if nc[0] == "name":
        prefix = {TEI_NS: "", "": "", XML_NS: "xml:"}.get(nc[1], "{%s}" % nc[1])
        return prefix + nc[2]
    if nc[0] == "or":
        return " or ".join(show(n, what) for n in nc[1:])
    return f"any {what}" if nc[0] == "any" else f"any {what} in {{{nc[1]}}}"
