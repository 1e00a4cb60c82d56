"""The curation report behind ``tei-edition entities``: how an editor grows an authority.

It lists every mention found, the names no authority entry covers ranked by frequency with
their contexts (candidates for new entries), the ambiguous mentions with their candidates,
and which authority entries were found how often (and which never were).
"""
from __future__ import annotations

from collections import defaultdict

from converter.model import Document

_MAX_CONTEXTS = 3


def report(doc: Document, source: str) -> dict:
    """The report as plain data (what ``--json`` prints)."""
    mentions = list(doc.mentions)
    groups: dict[tuple, list] = defaultdict(list)
    for m in mentions:
        if not m["refs"]:
            groups[(m["text"], m["type"])].append(m)
    unresolved = [{"text": text, "type": typ, "count": len(ms),
                   "cert": max((m["cert"] for m in ms), key=["low", "medium", "high"].index),
                   "lines": [m["line"] for m in ms],
                   "contexts": [m["context"] for m in ms[:_MAX_CONTEXTS]]}
                  for (text, typ), ms in groups.items()]
    unresolved.sort(key=lambda u: (-u["count"], u["text"], u["type"]))
    ambiguous = [{"line": m["line"], "text": m["text"], "candidates": m["refs"],
                  "context": m["context"]}
                 for m in mentions if len(m["refs"]) > 1 or (m["refs"] and m["cert"] == "low")]
    found = {e.id: e for e in doc.entities}
    listed = [{"id": e["id"], "type": e["type"], "label": e["label"],
               "mentions": sum(found[e["id"]].seen.values()) if e["id"] in found else 0,
               "variants": dict(sorted(found[e["id"]].seen.items())) if e["id"] in found else {}}
              for e in doc.authority]
    return {"file": source, "mentions": mentions, "unresolved": unresolved,
            "ambiguous": ambiguous, "authority": listed}


def render(rep: dict) -> str:
    """The report as text for a person: one section per question an editor asks."""
    out = [f"{rep['file']}: {len(rep['mentions'])} mentions, "
           f"{sum(u['count'] for u in rep['unresolved'])} without an authority entry "
           f"({len(rep['unresolved'])} names), {len(rep['ambiguous'])} ambiguous"]
    out.append("\nUnresolved names (most frequent first; add them to the authority):")
    for u in rep["unresolved"]:
        lines = ", ".join(map(str, u["lines"][:8])) + (" ..." if len(u["lines"]) > 8 else "")
        out.append(f"  {u['count']:4d}  {u['type']:<6} {u['text']}  [{u['cert']}] lines {lines}")
        for c in u["contexts"]:
            out.append(f"          … {c} …")
    out.append("\nAmbiguous mentions (say which is meant, or list the reading as ambiguous):")
    for a in rep["ambiguous"]:
        out.append(f"  line {a['line']}: {a['text']} -> {' | '.join(a['candidates'])}")
        out.append(f"          … {a['context']} …")
    out.append("\nAuthority entries (mentions; variants seen):")
    for e in rep["authority"]:
        seen = "; ".join(f"{k} ×{v}" for k, v in e["variants"].items()) or "never found"
        out.append(f"  {e['mentions']:4d}  {e['type']:<6} {e['id']}: {seen}")
    out.append("\nAll mentions:")
    for m in rep["mentions"]:
        ref = " ".join("#" + r for r in m["refs"]) or "-"
        out.append(f"  {m['line']:5d}  {m['type']:<6} {m['text']}  {ref}  [{m['cert']}]")
    return "\n".join(out) + "\n"
