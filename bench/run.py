"""The benchmark: our speed and memory on 0.1-100 MB of real text, side by side with the
peers, written to bench/RESULTS.md. Run on demand (not in CI):

    .venv/bin/python bench/run.py                    # 0.1, 1 and 10 MB, 1000-file build
    .venv/bin/python bench/run.py --sizes 0.1,1,10,100 --peer-max-mb 10

Rates are MB (10^6 bytes) per second of what each step reads: the text for convert and
pandoc, the TEI for validate, the exports and Saxon. Whole commands include the start of
Python (or the JVM); in-process figures are the stage alone (bench/inproc.py).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import peers  # noqa: E402
from corpus import make_corpus  # noqa: E402
from manybuild import build_bench, seed_end_to_end  # noqa: E402
from measure import BENCH, ROOT, TOOL, best_of, env_info, inproc, mbps  # noqa: E402
from report import write_results  # noqa: E402


def bench_size(mb: float, work: Path, repeat: int, with_peers: bool,
               timeout: float) -> dict:
    """Every measurement for the corpus of ``mb`` MB."""
    src = make_corpus(mb, work / "corpora")
    out = work / f"out-{mb:g}MB"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    tei, html, txt = out / "c.xml", out / "c.html", out / "c.txt"
    rep = repeat if mb < 10 else 1
    row: dict = {"mb": mb, "timeout": timeout, "inproc": inproc(src, rep, timeout)}
    cmds = {
        "convert": TOOL + ["convert", str(src), "-o", str(tei)],
        "validate": TOOL + ["validate", str(tei)],
        "html": TOOL + ["export", str(tei), "--to", "html", "-o", str(html)],
        "text": TOOL + ["export", str(tei), "--to", "text", "-o", str(txt)],
    }
    row["command"] = {}
    for name, cmd in cmds.items():
        res = best_of(cmd, rep, timeout=timeout)
        if res["rc"] != 0:
            print(f"  {name} exited {res['rc']}: {' '.join(res['stderr'])}", file=sys.stderr)
        row["command"][name] = res
    row["tei_bytes"] = tei.stat().st_size if tei.exists() else 0
    row["text_bytes"] = src.stat().st_size
    row["peers"] = {}
    if with_peers and peers.pandoc_version():
        row["peers"]["pandoc"] = peers.pandoc(src, out / "c.pandoc.xml", rep, timeout)
    if with_peers and peers.saxon_jar() and tei.exists():
        row["peers"]["saxon-html"] = peers.saxon(tei, out / "c.saxon.html", "html", rep, timeout)
        row["peers"]["saxon-text"] = peers.saxon(tei, out / "c.saxon.txt", "text", rep, timeout)
    _print_row(row)
    return row


def _print_row(row: dict) -> None:
    ip, s = row["inproc"], row["inproc"]["seconds"]

    def rate(stage):
        n = ip["text_bytes"] if stage == "convert" else ip["tei_bytes"]
        return f"{mbps(n, s[stage]):.2f}" if s[stage] is not None else "timed out"

    print(f"{row['mb']:g} MB: " + ", ".join(f"{st} {rate(st)}" for st in
                                           ("convert", "rng", "schematron", "html", "text"))
          + " MB/s in-process; "
          f"peak {ip['peak_mb']:.0f} MB; "
          + ", ".join(f"{k} {v['seconds']:.2f} s" for k, v in row["peers"].items()),
          flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="0.1,1,10", help="corpus sizes in MB (e.g. 0.1,1,10,100)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs below 10 MB")
    ap.add_argument("--peer-max-mb", type=float, default=10,
                    help="run the peers only up to this size (pandoc needs GBs at 100 MB)")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--timeout", type=float, default=300,
                    help="seconds before a command (or the in-process Schematron) is stopped")
    ap.add_argument("--files", type=int, default=1000, help="files in the build benchmark (0: skip)")
    ap.add_argument("--work", type=Path, default=BENCH / "out")
    ap.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    ap.add_argument("--note", default="", help="a line to add to RESULTS.md")
    args = ap.parse_args()

    started = time.time()
    env = env_info()
    env["pandoc"] = peers.pandoc_version() or "not installed"
    env["saxon"] = peers.saxon_version() or "not installed"
    env["tei-stylesheets"] = (peers.stylesheets_version() or "not found (set TEI_STYLESHEETS "
                              "to a checkout of TEIC/Stylesheets): Saxon runs bench/xslt/*.xsl "
                              "instead, an upper bound for the real Stylesheets' speed")
    print(json.dumps(env, indent=1))
    rows = [bench_size(float(mb), args.work, args.repeat,
                       not args.no_peers and float(mb) <= args.peer_max_mb, args.timeout)
            for mb in args.sizes.split(",")]
    seed = seed_end_to_end(args.work, args.repeat + 2)
    print("seed end to end:", json.dumps(seed))
    build = build_bench(args.work, args.files, os.cpu_count() or 1) if args.files else None
    print("build:", json.dumps(build, default=str))
    raw = {"env": env, "sizes": rows, "seed": seed, "build": build,
           "seconds": time.time() - started}
    (args.work / "results.json").write_text(json.dumps(raw, indent=1, default=str))
    write_results(args.results, raw, args.note)
    print(f"wrote {args.results} in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
