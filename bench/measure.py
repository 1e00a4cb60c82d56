"""Running things to measure them: whole commands with their wall time and peak memory.

``run`` starts a command and collects it with ``os.wait4``, whose resource usage belongs
to that child alone, so ``peak_mb`` is the command's own maximum resident set size.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = sys.executable
TOOL = [PYTHON, "-m", "converter"]


def run(cmd: list[str], stdout=subprocess.DEVNULL, timeout: float = 3600, cwd=None) -> dict:
    """Run ``cmd``; return {seconds, peak_mb, rc, stderr (last lines)}; killed (rc -9)
    after ``timeout`` seconds."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, cwd=cwd or ROOT)
    tail: list = [b""]

    def drain():  # read stderr meanwhile, so a chatty command cannot block on a full pipe
        for chunk in iter(lambda: proc.stderr.read(65536), b""):
            tail[0] = (tail[0] + chunk)[-4000:]

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
        time.sleep(0.005)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    reader.join(5)
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss / 1024, "rc": proc.returncode,
            "stderr": [ln[:300] for ln in
                       tail[0].decode("utf-8", "replace").strip().splitlines()[-3:]]}


def best_of(cmd: list[str], repeat: int, **kw) -> dict:
    """The fastest of ``repeat`` runs (the peak memory of that run)."""
    runs = []
    for _ in range(max(1, repeat)):
        runs.append(run(cmd, **kw))
        if runs[-1]["rc"] == -9:  # stopped at the time limit: once is enough to know
            return runs[-1]
    return min(runs, key=lambda r: r["seconds"])


def inproc(path: Path, repeat: int, timeout: float) -> dict:
    """Stage timings in one fresh process (bench/inproc.py), with its peak memory."""
    proc = subprocess.run([PYTHON, str(BENCH / "inproc.py"), str(path), "--repeat",
                           str(repeat), "--timeout", str(timeout)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise SystemExit(f"inproc failed on {path}:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def mbps(nbytes: int, seconds: float) -> float:
    """Megabytes (10^6 bytes) per second."""
    return nbytes / 1e6 / seconds if seconds > 0 else float("inf")


def env_info() -> dict:
    """Machine and versions, for the results file."""
    import platform

    from lxml import etree

    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, cwd=ROOT).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "converter", "schemas"],
                           capture_output=True, text=True, cwd=ROOT).stdout.strip()
    from converter import __version__

    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return {"machine": f"{platform.machine()}, {os.cpu_count()} cores, {cpu}, {mem} RAM",
            "load average at start (1/5/15 min)": load,
            "os": platform.platform(), "python": platform.python_version(),
            "lxml": ".".join(map(str, etree.LXML_VERSION)),
            "libxml2": ".".join(map(str, etree.LIBXML_VERSION)),
            "tei-edition": f"{__version__} (git {commit}{', uncommitted changes' if dirty else ''})"}
