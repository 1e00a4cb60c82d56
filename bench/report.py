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


def _ip_rate(row: dict, stage: str):
    ip = row["inproc"]
    nbytes = ip["text_bytes"] if stage == "convert" else ip["tei_bytes"]
    secs = ip["seconds"].get(stage)
    return None if secs is None else mbps(nbytes, secs)


def _killed(res: dict) -> bool:
    return res["rc"] == -9


def _cmd_cell(row: dict, stage: str) -> str:
    res = row["command"][stage]
    if _killed(res):
        return f"stopped after {res['seconds']:.0f} s"
    nbytes = row["text_bytes"] if stage == "convert" else row["tei_bytes"]
    return f"{res['seconds']:.2f} ({_f(mbps(nbytes, res['seconds']))}, {res['peak_mb']:.0f})"


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
        cmd = None
        if s in STAGES and not _killed(a["command"][s]) and not _killed(b["command"][s]):
            cmd = b["command"][s]["seconds"] / a["command"][s]["seconds"]
        out[s] = (ip, cmd)
    return out


def _profile(rows: list) -> str:
    mid = next((r for r in rows if r["mb"] == 1), rows[-1])
    src = BENCH / "out" / "corpora" / f"corpus-{mid['mb']:g}MB.txt"
    proc = subprocess.run([PYTHON, str(BENCH / "profile_convert.py"), str(src), "--top", "12"],
                          capture_output=True, text=True)
    return proc.stdout.strip() or proc.stderr.strip()[-2000:]


def _aims(rows: list, seed: dict, growth) -> list:
    top = max(rows, key=lambda r: r["mb"] if r["mb"] <= 10 else -1)
    peer = next((r for r in sorted(rows, key=lambda r: -r["mb"]) if r["peers"]), None)
    aims = [(f"convert >= 7 MB/s (in-process, {top['mb']:g} MB)", _ip_rate(top, "convert"), 7),
            (f"HTML export >= 20 MB/s ({top['mb']:g} MB)", _ip_rate(top, "html"), 20),
            (f"text export >= 20 MB/s ({top['mb']:g} MB)", _ip_rate(top, "text"), 20),
            (f"validation >= 20 MB/s ({top['mb']:g} MB)", _ip_rate(top, "validate"), 20)]
    out = [(name, "did not finish" if val is None else f"{val:.1f} MB/s",
            val is not None and val >= goal) for name, val, goal in aims]
    if peer and "pandoc" in peer["peers"] and not _killed(peer["command"]["convert"]):
        ratio = peer["peers"]["pandoc"]["seconds"] / peer["command"]["convert"]["seconds"]
        out.append((f"convert >= 10x pandoc (commands, {peer['mb']:g} MB)", f"{ratio:.1f}x",
                    ratio >= 10))
    if peer and "saxon-html" in peer["peers"] and not _killed(peer["command"]["html"]):
        ratio = peer["peers"]["saxon-html"]["seconds"] / peer["command"]["html"]["seconds"]
        out.append((f"HTML >= 10x Saxon (commands, {peer['mb']:g} MB, minimal XSLT)",
                    f"{ratio:.1f}x", ratio >= 10))
    if growth:
        known = [x for pair in growth.values() for x in pair if x is not None]
        worst = max(known) if known else None
        unknown = any(growth[s][0] is None for s in IP_STAGES)
        out.append(("time 10 MB / 1 MB <= 12 (worst stage)",
                    f"{worst:.1f}" + (" (a stage timed out)" if unknown else ""),
                    worst is not None and worst <= 12 and not unknown))
    out.append(("2-page seed end to end (build command) < 0.3 s",
                f"{seed['build']['seconds']:.3f} s", seed["build"]["seconds"] < 0.3))
    return out


def write_results(path: Path, raw: dict, note: str = "") -> None:
    """Render ``raw`` (see bench/run.py) as Markdown at ``path``."""
    env, rows, seed, build = raw["env"], raw["sizes"], raw["seed"], raw["build"]
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    L = ["# Benchmark results", "",
         f"Written by `{' '.join([Path(sys.executable).name] + sys.argv)}` on {now} "
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
    L += ["", "## Whole commands: seconds (MB/s, peak RSS MB)", "",
          "| size | convert | validate | export html | export text |", "|---|---|---|---|---|"]
    for r in rows:
        L.append(f"| {r['mb']:g} MB | " + " | ".join(_cmd_cell(r, s) for s in STAGES) + " |")
    L += ["", "## Peers on the same inputs, same run (whole commands: seconds, MB/s, "
          "peak RSS MB; ratio = their time / ours)", "",
          "| size | pandoc md→TEI | ours convert | ratio | Saxon TEI→HTML | ours html | ratio "
          "| Saxon TEI→text | ours text | ratio |", "|---|---|---|---|---|---|---|---|---|---|"]
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
        L.append(f"| {r['mb']:g} MB | " + " | ".join(cells) + " |")
    growth = _growth(rows, 1.0, 10.0)
    L += ["", "## Growth: time at 10 MB / time at 1 MB (10 is linear)", ""]
    if growth:
        L += ["| stage | in-process | command |", "|---|---|---|"]
        L += [f"| {s} | {_f(a, 1)} | {'–' if b is None else f'{b:.1f}'} |"
              for s, (a, b) in growth.items()]
    else:
        L.append("(needs both the 1 MB and the 10 MB corpus)")
    L += ["", f"## The 2-page seed end to end ({seed['seed']}, {seed['bytes']:,} bytes)", "",
          f"- `tei-edition --version` (start-up alone): {seed['version']['seconds']:.3f} s",
          f"- `tei-edition convert`: {seed['convert']['seconds']:.3f} s",
          f"- `tei-edition build` of a folder with just this seed (convert, validate, "
          f"HTML, text; `--force -j 1`): {seed['build']['seconds']:.3f} s", ""]
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
    L += ["## Aims", "", "| aim | measured | met |", "|---|---|---|"]
    L += [f"| {a} | {m} | {'yes' if ok else '**no**'} |" for a, m, ok in _aims(rows, seed, growth)]
    L += ["", "## Where convert spends its time (cProfile, own time)", "", "```",
          _profile(rows), "```", ""]
    path.write_text("\n".join(L), encoding="utf-8")
