"""Time each stage in one process on one text file; print the figures as JSON.

Run as a child process (``python bench/inproc.py FILE [--repeat N]``) so its peak memory
(``ru_maxrss``) belongs to this file alone. Stages: convert (text -> TEI bytes, the
whole pipeline), parse (TEI bytes -> tree), validate (our RELAX NG, then the Schematron,
timed apart; None when the Schematron ran out of time), and the HTML and text exports. The best of ``--repeat`` runs is kept.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from converter.pipeline import convert_bytes  # noqa: E402
from converter import schematron  # noqa: E402
from converter.validate import relaxng  # noqa: E402
from converter.writers import WRITERS  # noqa: E402
from converter.xmlio import parse_bytes  # noqa: E402


CPU: dict = {}  # stage -> CPU seconds of its fastest run (robust to a loaded machine)


def _best(fn, repeat: int, stage: str | None = None):
    """(fastest wall seconds, value); the CPU seconds of that run go to CPU[stage]."""
    best, cpu, value = float("inf"), 0.0, None
    for _ in range(repeat):
        start, cstart = time.perf_counter(), time.process_time()
        value = fn()
        wall = time.perf_counter() - start
        if wall < best:
            best, cpu = wall, time.process_time() - cstart
    if stage:
        CPU[stage] = cpu
    return best, value


def _limited(fn, repeat: int, timeout: float, stage: str):
    """Like _best, but in a forked child killed after ``timeout`` s: (None, None) then.

    The Schematron runs as one call into libxslt, which no signal interrupts, and a rule
    that is quadratic in the document can take hours on 10 MB.
    """
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, report, leave without cleanup
        os.close(read)
        try:
            wall, value = _best(fn, repeat, "child")
            os.write(write, json.dumps([wall, value, CPU["child"]]).encode())
        finally:
            os._exit(0)
    os.close(write)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read)
        return None, None
    with os.fdopen(read, "rb") as fh:
        data = fh.read()
    if not data:
        return None, None
    wall, value, CPU[stage] = json.loads(data)
    return wall, value


def measure(path: Path, repeat: int = 1, timeout: float = 300) -> dict:
    """Seconds per stage, the sizes involved, and this process's peak RSS in MB."""
    data = path.read_bytes()
    relaxng("edition")  # compiled once per process in real use too; not part of the stage
    schematron._schematron()
    times = {}
    times["convert"], (tei, _doc) = _best(
        lambda: convert_bytes(data, str(path), path.stem), repeat, "convert")
    del _doc
    times["parse"], tree = _best(lambda: parse_bytes(tei, "bench.xml"), repeat, "parse")
    times["rng"], ok = _best(lambda: relaxng("edition").validate(tree), repeat, "rng")
    times["schematron"], nsch = _limited(lambda: len(schematron.check(tree, "bench.xml")),
                                         1, timeout, "schematron")  # once: its limit is per run
    times["validate"] = (None if times["schematron"] is None
                         else times["rng"] + times["schematron"])
    if times["validate"] is not None:
        CPU["validate"] = CPU["rng"] + CPU["schematron"]
    problems = (0 if ok else len(relaxng("edition").error_log)) + (nsch or 0)
    times["html"], html = _best(lambda: WRITERS["html"].write(tree), repeat, "html")
    times["text"], text = _best(lambda: WRITERS["text"].write(tree), repeat, "text")
    return {"text_bytes": len(data), "tei_bytes": len(tei), "html_bytes": len(html),
            "txt_bytes": len(text), "problems": problems, "seconds": times,
            "cpu_seconds": {k: v for k, v in CPU.items() if k != "child"},
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file", type=Path)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=300, help="limit for the Schematron")
    args = ap.parse_args()
    print(json.dumps(measure(args.file, args.repeat, args.timeout)))
