"""Schematron checks for what RELAX NG cannot say (references resolve, ids are unique,
dates are real calendar dates, numbered lists count on), run with lxml's isoschematron."""
from __future__ import annotations

from functools import lru_cache

from lxml import etree
from lxml import isoschematron

from converter.errors import Problem
from converter.resources import schema_file
from converter.xmlio import safe_parser

SCH_PATH = schema_file("tei-edition.sch")
SVRL = "{http://purl.oclc.org/dsdl/svrl}"


@lru_cache(maxsize=1)
def _schematron():
    # No existence check: a missing schema is a broken install, never "no checks to run".
    return isoschematron.Schematron(etree.parse(str(SCH_PATH), safe_parser()),
                                    store_report=True)


def check(tree, source: str) -> list:
    """Problems found by ``schemas/tei-edition.sch`` (line numbers of the failing node)."""
    sch = _schematron()
    try:
        if sch is None or sch.validate(tree):
            return []
    except etree.XSLTApplyError as err:  # never a crash: say the checks could not run
        return [Problem(source, 1, 1, f"Schematron checks could not run: {err}")]
    out = []
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    for fail in sch.validation_report.iter(f"{SVRL}failed-assert", f"{SVRL}successful-report"):
        loc = fail.get("location", "")
        line = 1
        try:
            hits = root.getroottree().xpath(loc) if loc else []
            node = hits[0] if hits else None
            if node is not None and hasattr(node, "getparent") and not hasattr(node, "sourceline"):
                node = node.getparent()  # an attribute: report its element's line
            if node is not None and getattr(node, "sourceline", None):
                line = node.sourceline
        except etree.XPathError:
            pass
        text = "".join(fail.itertext()).strip()
        out.append(Problem(source, line, 1, text))
    return out
