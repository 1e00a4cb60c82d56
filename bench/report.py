"""bench/RESULTS.md from the raw figures: tables by size, peers side by side, growth,
the seed end to end, the many-file build, the aims met or not, and where convert's time
goes (a cProfile summary), so an unmet aim comes with the numbers that explain it."""
from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

from measure import BENCH, PYTHON, mbps

STAGES = ("convert", "validate", "html", "text")
IP_STAGES = ("convert", "rng", "schematron", "validate", "html", "text")


def _f(x, nd: int = 2) -> str:
    if x is None:
        return "timed out"
    return f"{x:.{nd}f}" if x < 1000 else f"{x:,.0f}"


def _ip_rate(row: dict, stage: str, clock: str = "seconds"):
    """MB/s of an in-process stage by wall time (``seconds``) or CPU time (``cpu_seconds``)."""
    ip = row["inproc"]
    nbytes = ip["text_bytes"] if stage == "convert" else ip["tei_bytes"]
    secs = ip.get(clock, {}).get(stage)
    return None if secs is None else mbps(nbytes, secs)


def _both(row: dict, stage: str):
    """(wall MB/s, CPU MB/s) and the text 'wall / CPU'."""
    wall, cpu = _ip_rate(row, stage), _ip_rate(row, stage, "cpu_seconds")
    return wall, cpu, f"{_f(wall, 1)} / {_f(cpu, 1)} MB/s"


def _killed(res: dict) -> bool:
    return res["rc"] == -9


def _cmd_cell(row: dict, stage: str) -> str:
    res = row["command"][stage]
    if _killed(res):
        return f"stopped after {res['seconds']:.0f} s"
    nbytes = row["text_bytes"] if stage == "convert" else row["tei_bytes"]
    return f"{res['seconds']:.2f} ({_f(mbps(nbytes, res['seconds']))}, {res['peak_mb']:.0f})"


def _ratios(theirs: dict, ours: dict) -> tuple[float, float]:
    """Their time over ours, by wall clock and by CPU time (the JVM uses several threads,
    so its CPU time can exceed its wall time)."""
    wall = theirs["seconds"] / ours["seconds"]
    cpu = theirs.get("cpu", theirs["seconds"]) / max(ours.get("cpu", ours["seconds"]), 1e-9)
    return wall, cpu


def _wc(res: dict) -> str:
    return f"{res['seconds']:.3f} s ({res.get('cpu', 0):.3f} s CPU)"


def _ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def _growth(rows: list, small: float, big: float):
    by = {r["mb"]: r for r in rows}
    if small not in by or big not in by:
        return None
    a, b = by[small], by[big]
    out = {}
    for s in IP_STAGES:
        ip = _ratio(b["inproc"]["seconds"].get(s), a["inproc"]["seconds"].get(s))
        cpu = _ratio(b["inproc"].get("cpu_seconds", {}).get(s),
                     a["inproc"].get("cpu_seconds", {}).get(s))
        cmd = None
        if s in STAGES and not _killed(a["command"][s]) and not _killed(b["command"][s]):
            cmd = b["command"][s]["seconds"] / a["command"][s]["seconds"]
        out[s] = (ip, cpu, cmd)
    return out


def _stages(rows: list) -> str:
    """bench/stages.py on the two largest corpora up to 10 MB (CPU seconds per stage)."""
    sizes = sorted(r["mb"] for r in rows if r["mb"] <= 10)[-2:]
    if len(sizes) < 2:
        return "(needs two corpus sizes)"
    files = [str(BENCH / "out" / "corpora" / f"corpus-{mb:g}MB.txt") for mb in sizes]
    proc = subprocess.run([PYTHON, str(BENCH / "stages.py"), *files], capture_output=True,
                          text=True)
    return proc.stdout.strip() or proc.stderr.strip()[-2000:]


def _profile(rows: list) -> str:
    mid = next((r for r in rows if r["mb"] == 1), rows[-1])
    src = BENCH / "out" / "corpora" / f"corpus-{mid['mb']:g}MB.txt"
    proc = subprocess.run([PYTHON, str(BENCH / "profile_convert.py"), str(src), "--top", "12"],
                          capture_output=True, text=True)
    return proc.stdout.strip() or proc.stderr.strip()[-2000:]


def _aims(rows: list, seed: dict, growth) -> list:
    top = max(rows, key=lambda r: r["mb"] if r["mb"] <= 10 else -1)
    peer = next((r for r in sorted(rows, key=lambda r: -r["mb"]) if r["peers"]), None)
    aims = [(f"convert >= 7 MB/s (in-process, {top['mb']:g} MB)", "convert", 7),
            (f"HTML export >= 20 MB/s ({top['mb']:g} MB)", "html", 20),
            (f"text export >= 20 MB/s ({top['mb']:g} MB)", "text", 20),
            (f"validation >= 20 MB/s ({top['mb']:g} MB)", "validate", 20)]
    out = []
    for name, stage, goal in aims:
        _wall, cpu, text = _both(top, stage)
        out.append((name + ", wall / CPU", text, cpu is not None and cpu >= goal))
    for peer_name, stage, goal, label in (("pandoc", "convert", 5, "convert >= 5x pandoc"),
                                          ("saxon-html", "html", 10,
                                           "HTML >= 10x Saxon + TEI Stylesheets"),
                                          ("saxon-text", "text", 5,
                                           "text >= 5x Saxon + TEI Stylesheets")):
        if peer and peer_name in peer["peers"] and not _killed(peer["command"][stage]):
            wall, cpu = _ratios(peer["peers"][peer_name], peer["command"][stage])
            out.append((f"{label} (commands, {peer['mb']:g} MB), wall / CPU",
                        f"{wall:.1f}x / {cpu:.1f}x", wall >= goal))
    conv = top["command"]["convert"]
    if not _killed(conv):
        times = conv["peak_mb"] * 2**20 / top["text_bytes"]
        out.append((f"convert peak RSS <= 8x the input (command, {top['mb']:g} MB)",
                    f"{conv['peak_mb']:.0f} MB = {times:.1f}x", times <= 8))
    if growth:
        known = [v[1] for v in growth.values() if v[1] is not None]
        worst = max(known) if known else None
        unknown = any(growth[s][0] is None for s in IP_STAGES)
        out.append(("time 10 MB / 1 MB <= 12 (worst stage, CPU time)",
                    f"{worst:.1f}" + (" (a stage timed out)" if unknown else ""),
                    worst is not None and worst <= 12 and not unknown))
    b = seed["build"]
    out.append(("2-page seed end to end (build command) < 0.3 s, wall / CPU",
                f"{b['seconds']:.3f} / {b.get('cpu', b['seconds']):.3f} s",
                b.get("cpu", b["seconds"]) < 0.3))
    return out


def write_results(path: Path, raw: dict, note: str = "") -> None:
    """Render ``raw`` (see bench/run.py) as Markdown at ``path``."""
    env, rows, seed, build = raw["env"], raw["sizes"], raw["seed"], raw["build"]
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    argv = list(sys.argv)
    if "--note" in argv:  # the note is printed below, not repeated in the command line
        i = argv.index("--note")
        argv[i:i + 2] = ["--note", "..."]
    L = ["# Benchmark results", "",
         f"Written by `{' '.join([Path(sys.executable).name] + argv)}` on {now} "
         f"(took {raw['seconds']:.0f} s). Rates are MB (10^6 bytes) per second of what the "
         "step reads: the text for convert and pandoc, the TEI for validate, the exports and "
         "Saxon. *In-process* is the stage alone in a warm process; *command* is the whole "
         "`tei-edition` command, Python start-up included, as a user runs it.", ""]
    if note:
        L += [note, ""]
    L += ["| | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in env.items()] + [""]
    L += ["## Our tool by corpus size (in-process)", "",
          "| size | text MB | TEI MB | convert MB/s | RELAX NG MB/s | Schematron MB/s "
          "| validate (both) MB/s | HTML MB/s | text MB/s | peak RSS MB |",
          "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        ip = r["inproc"]
        L.append(f"| {r['mb']:g} MB | {ip['text_bytes'] / 1e6:.2f} | {ip['tei_bytes'] / 1e6:.2f} | "
                 + " | ".join(_f(_ip_rate(r, s)) for s in IP_STAGES) + f" | {ip['peak_mb']:.0f} |")
    if any(r["inproc"]["seconds"].get("schematron") is None for r in rows):
        L += ["", f"(timed out: the Schematron was stopped after {rows[0]['timeout']:.0f} s)"]
    L += ["", "The same by CPU time (the process's own, so other load on the machine "
          "counts less):", "",
          "| size | convert | RELAX NG | Schematron | validate (both) | HTML | text |",
          "|---|---|---|---|---|---|---|"]
    for r in rows:
        L.append(f"| {r['mb']:g} MB | "
                 + " | ".join(_f(_ip_rate(r, s, "cpu_seconds")) for s in IP_STAGES) + " |")
    L += ["", "## Whole commands: seconds (MB/s, peak RSS MB)", "",
          "| size | convert | validate | export html | export text |", "|---|---|---|---|---|"]
    for r in rows:
        L.append(f"| {r['mb']:g} MB | " + " | ".join(_cmd_cell(r, s) for s in STAGES) + " |")
    L += ["", "## Peers on the same inputs, same run (whole commands: seconds, MB/s, "
          "peak RSS MB; ratio = their time / ours)", "",
          "| size | pandoc md→TEI | ours convert | ratio | Saxon TEI→HTML | ours html | ratio "
          "| Saxon TEI→text | ours text | ratio | convert peak RSS / input |",
          "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        cells = []
        for peer, ours, nbytes in (("pandoc", "convert", r["text_bytes"]),
                                   ("saxon-html", "html", r["tei_bytes"]),
                                   ("saxon-text", "text", r["tei_bytes"])):
            p, o = r["peers"].get(peer), r["command"][ours]
            if p is None:
                cells += ["not run", f"{o['seconds']:.2f}", "–"]
                continue
            ok = "" if p["rc"] == 0 else f" (exit {p['rc']})"
            ratio = "–" if _killed(o) else f"{p['seconds'] / o['seconds']:.1f}x"
            cells += [f"{p['seconds']:.2f} ({mbps(nbytes, p['seconds']):.2f}, "
                      f"{p['peak_mb']:.0f}){ok}", _cmd_cell(r, ours).split(" (")[0], ratio]
        conv = r["command"]["convert"]
        cells.append(f"{conv['peak_mb'] * 2**20 / r['text_bytes']:.1f}x")
        L.append(f"| {r['mb']:g} MB | " + " | ".join(cells) + " |")
    growth = _growth(rows, 1.0, 10.0)
    L += ["", "## Growth: time at 10 MB / time at 1 MB (10 is linear)", ""]
    if growth:
        L += ["| stage | in-process (wall) | in-process (CPU) | command (wall) |",
              "|---|---|---|---|"]
        L += [f"| {s} | {_f(a, 1)} | {_f(c, 1)} | {'–' if b is None else f'{b:.1f}'} |"
              for s, (a, c, b) in growth.items()]
    else:
        L.append("(needs both the 1 MB and the 10 MB corpus)")
    L += ["", f"## The 2-page seed end to end ({seed['seed']}, {seed['bytes']:,} bytes)", "",
          "Wall seconds (CPU seconds):", "",
          f"- `tei-edition --version` (start-up alone): {_wc(seed['version'])}",
          f"- `tei-edition convert`: {_wc(seed['convert'])}",
          f"- `tei-edition build` of a folder with just this seed (convert, validate, "
          f"HTML, text; `--force -j 1`): {_wc(seed['build'])}", ""]
    if build:
        L += [f"## Build of {build['files']} files ({build['bytes'] / 1e6:.1f} MB, "
              f"{build['cores']} cores)", "", "| run | seconds | files/s | peak RSS MB | exit |",
              "|---|---|---|---|---|"]
        for key, label in (("one_core", "cold, -j 1"), ("all_cores", f"cold, -j {build['cores']}"),
                           ("no_change", "again, nothing changed"),
                           ("ten_changed", "again, 10 files changed")):
            b = build[key]
            L.append(f"| {label} | {b['seconds']:.2f} | {build['files'] / b['seconds']:.0f} | "
                     f"{b['peak_mb']:.0f} | {b['rc']} |")
        L += ["", f"Progress bar on a terminal (pty): {build['progress_bar']}", ""]
    L += ["## Aims", "", "Rates are judged by CPU time (the machine may be shared: see the "
          "load average above); wall-clock figures are shown beside them. The ratios to the "
          "peers (issue #13) are judged by wall time, as a user waits: Saxon runs several "
          "threads, so its CPU time exceeds its wall time.", "",
          "| aim | measured | met |", "|---|---|---|"]
    L += [f"| {a} | {m} | {'yes' if ok else '**no**'} |" for a, m, ok in _aims(rows, seed, growth)]
    L += ["", "## Where convert spends its time", "",
          "By stage (CPU seconds; growth over 10 is worse than linear):", "", _stages(rows),
          "", "By function (cProfile on 1 MB, own time):", "", "```",
          _profile(rows), "```", ""]
    path.write_text("\n".join(L), encoding="utf-8")
