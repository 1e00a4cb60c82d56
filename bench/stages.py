"""Time every stage of one conversion (reader, each structure pass, each annotation stage,
the TEI made piece by piece: ``teistream.stage``) at two sizes, to show which stage is
slow and which grows faster than the text.

    python bench/stages.py SMALL.txt BIG.txt

Stages are found by wrapping what ``converter.pipeline.convert_bytes`` calls (module
functions and the ``PASSES`` tuple), so the table follows the pipeline as it changes.
Times are CPU seconds of this process.
"""
from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter import pipeline  # noqa: E402
from converter.passes import PASSES  # noqa: E402

TIMES: dict = defaultdict(float)
_WRAPPED = ("reader.decode", "reader.normalise", "reader.from_text", "layout.unwrap",
            "entities.annotate", "dates.annotate", "notes.annotate", "teistream.stage")


def _timed(name: str, fn):
    def wrapper(*args, **kw):
        start = time.process_time()
        try:
            return fn(*args, **kw)
        finally:
            TIMES[name] += time.process_time() - start
    return wrapper


def _install() -> None:
    for dotted in _WRAPPED:
        mod_name, attr = dotted.split(".")
        mod = getattr(pipeline, mod_name, None)
        if mod is not None and hasattr(mod, attr):
            setattr(mod, attr, _timed(dotted, getattr(mod, attr)))
    passes = [_timed(f"pass {p.name}", p.run) for p in PASSES]

    def run_passes(doc, passes=passes):
        for fn in passes:
            doc = fn(doc)
        return doc

    pipeline.run_passes = run_passes


def stage_times(path: Path) -> dict:
    """{stage: CPU seconds} for converting ``path`` once (after a warm-up on a small slice)."""
    data = path.read_bytes()
    pipeline.convert_bytes(data[:2000], "warm", "warm")
    TIMES.clear()
    start = time.process_time()
    pipeline.convert_bytes(data, str(path), path.stem)
    total = time.process_time() - start
    out = dict(TIMES)
    out["(rest)"] = total - sum(out.values())
    out["total"] = total
    return out


def table(small: Path, big: Path) -> str:
    """A Markdown table of stage times at both sizes, the share at the big size, and growth."""
    _install()
    a, b = stage_times(small), stage_times(big)
    ratio = big.stat().st_size / small.stat().st_size
    lines = [f"| stage | {small.name} s | {big.name} s | share at {big.name} | growth "
             f"(x{ratio:.0f} text) |", "|---|---|---|---|---|"]
    for name in sorted(b, key=lambda k: (k == "total", -b[k])):
        growth = b[name] / a[name] if a.get(name, 0) > 1e-4 else float("nan")
        lines.append(f"| {name} | {a.get(name, 0):.3f} | {b[name]:.3f} | "
                     f"{100 * b[name] / b['total']:.1f}% | {growth:.1f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(Path(sys.argv[1]), Path(sys.argv[2])))
