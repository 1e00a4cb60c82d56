"""Profile one conversion (cProfile) and say where the time goes, by module and function.

    python bench/profile_convert.py FILE [--top 20] [--stage convert|validate|html|text]

Prints the share of total time spent in each module's own code (tottime) and the top
functions, so a hot spot can be named precisely (function, % of time).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _where(filename: str) -> str:
    if filename.startswith(str(ROOT)):
        return str(Path(filename).relative_to(ROOT))
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins (regex, str, lxml C calls)"
    return "stdlib/site: " + Path(filename).name


def profile(path: Path, stage: str = "convert", top: int = 20) -> str:
    """A text report of where ``stage`` spends its time on ``path``."""
    from converter.pipeline import convert_bytes
    from converter.validate import check_tree, relaxng
    from converter.writers import WRITERS
    from converter.xmlio import parse_bytes

    data = path.read_bytes()
    relaxng("edition")
    tree = None
    if stage != "convert":
        tree = parse_bytes(convert_bytes(data, str(path), path.stem)[0], "p.xml")
    work = {"convert": lambda: convert_bytes(data, str(path), path.stem),
            "validate": lambda: check_tree(tree, "p.xml"),
            "html": lambda: WRITERS["html"].write(tree), "text": lambda: WRITERS["text"].write(tree)}[stage]
    prof = cProfile.Profile()
    prof.runcall(work)
    stats = pstats.Stats(prof)
    total = sum(v[2] for v in stats.stats.values()) or 1e-9
    by_module: dict = defaultdict(float)
    rows = []
    for (fname, line, func), (_cc, _nc, tt, ct, _callers) in stats.stats.items():
        by_module[_where(fname)] += tt
        rows.append((tt, ct, f"{_where(fname)}:{line}({func})"))
    out = [f"{stage} of {path.name} ({len(data) / 1e6:.2f} MB): {total:.3f} s under cProfile",
           "", "own time by module:"]
    for mod, tt in sorted(by_module.items(), key=lambda kv: -kv[1])[:top]:
        out.append(f"  {100 * tt / total:5.1f}%  {tt:7.3f} s  {mod}")
    out += ["", "top functions by own time (cumulative in brackets):"]
    for tt, ct, name in sorted(rows, reverse=True)[:top]:
        out.append(f"  {100 * tt / total:5.1f}%  {tt:7.3f} s  [{100 * ct / total:5.1f}%]  {name}")
    return "\n".join(out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file", type=Path)
    ap.add_argument("--stage", default="convert", choices=["convert", "validate", "html", "text"])
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args()
    print(profile(args.file, args.stage, args.top))
