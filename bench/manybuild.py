"""Whole-command benchmarks: one 2-page seed end to end, and a build of many small files
(parallel, then incremental, then with a few files changed, and under a terminal to show
that the progress bar is drawn)."""
from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import time
from pathlib import Path

from corpus import make_many
from measure import ROOT, TOOL, best_of, run

SEED = ROOT / "seeds" / "the-partys-tasks-commentary.txt"


def seed_end_to_end(work: Path, repeat: int) -> dict:
    """Whole-command times for the 2-page seed: convert alone, and build (all four steps)."""
    folder = work / "seed" / "seeds"
    shutil.rmtree(folder.parent, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(SEED, folder)
    if SEED.with_suffix(".json").exists():
        shutil.copy(SEED.with_suffix(".json"), folder)
    out = folder.parent
    tool = TOOL  # python -m converter from this checkout (the console script may be another's)
    return {
        "seed": SEED.name, "bytes": SEED.stat().st_size,
        "convert": best_of(tool + ["convert", str(SEED), "-o", str(out / "x.xml")], repeat),
        "build": best_of(tool + ["build", str(folder), "--out", str(out / "tei"), "--editions",
                                 str(out / "ed"), "--force", "-j", "1"], repeat),
        "version": best_of(tool + ["--version"], repeat),
    }


def _pty_build(cmd: list[str]) -> str:
    """Run ``cmd`` with stderr on a pseudo-terminal; return the last progress bar drawn."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=slave, cwd=ROOT)
    os.close(slave)
    data = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    proc.wait()
    os.close(master)
    bars = re.findall(r"\[[#.]+\][^\r\n]*", data.decode("utf-8", "replace"))
    return f"{len(bars)} redraws; last: {bars[-1].strip()}" if bars else "no bar drawn"


def build_bench(work: Path, n: int, cores: int) -> dict:
    """Times for building ``n`` small files: cold with all cores and with one, no-op, and
    after changing 10 files."""
    seeds = make_many(n, work / f"many-{n}" / "seeds")
    out, ed = seeds.parent / "tei", seeds.parent / "ed"

    def build(*extra):
        shutil.rmtree(out, ignore_errors=True) if "--fresh" in extra else None
        args = [a for a in extra if a != "--fresh"]
        return run(TOOL + ["build", str(seeds), "--out", str(out), "--editions", str(ed)]
                   + args)

    res = {"files": n, "bytes": sum(p.stat().st_size for p in seeds.glob("*.txt")),
           "cores": cores}
    res["one_core"] = build("--fresh", "-j", "1")
    res["all_cores"] = build("--fresh", "-j", str(cores))
    res["no_change"] = build()
    for p in sorted(seeds.glob("*.txt"))[:10]:
        p.write_text(p.read_text(encoding="utf-8") + f"\nChanged at {time.time()}.\n",
                     encoding="utf-8")
    res["ten_changed"] = build()
    res["progress_bar"] = _pty_build(TOOL + ["build", str(seeds), "--out", str(out),
                                             "--editions", str(ed), "--force"])
    for p in sorted(seeds.glob("*.txt"))[:10]:  # restore, so the corpus stays deterministic
        text = p.read_text(encoding="utf-8")
        p.write_text(text[:text.rfind("\nChanged at ")], encoding="utf-8")
    return res
