"""Time each stage in one process on one text file; print the figures as JSON.

Run as a child process (``python bench/inproc.py FILE [--repeat N]``) so its peak memory
(``ru_maxrss``) belongs to this file alone. Stages: convert (text -> TEI bytes, the
whole pipeline), parse (TEI bytes -> tree), validate (our RELAX NG + Schematron), and the
HTML and text exports from the parsed tree. The best of ``--repeat`` runs is kept.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from converter.pipeline import convert_bytes  # noqa: E402
from converter.validate import check_tree, relaxng  # noqa: E402
from converter.writers import WRITERS  # noqa: E402
from converter.xmlio import parse_bytes  # noqa: E402


def _best(fn, repeat: int):
    best, value = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best, value


def measure(path: Path, repeat: int = 1) -> dict:
    """Seconds per stage, the sizes involved, and this process's peak RSS in MB."""
    data = path.read_bytes()
    relaxng("edition")  # compiled once per process in real use too; not part of the stage
    times = {}
    times["convert"], (tei, _doc) = _best(
        lambda: convert_bytes(data, str(path), path.stem), repeat)
    del _doc
    times["parse"], tree = _best(lambda: parse_bytes(tei, "bench.xml"), repeat)
    times["validate"], problems = _best(lambda: check_tree(tree, "bench.xml"), repeat)
    times["html"], html = _best(lambda: WRITERS["html"](tree), repeat)
    times["text"], text = _best(lambda: WRITERS["text"](tree), repeat)
    return {"text_bytes": len(data), "tei_bytes": len(tei), "html_bytes": len(html),
            "txt_bytes": len(text), "problems": len(problems), "seconds": times,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file", type=Path)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    print(json.dumps(measure(args.file, args.repeat)))
