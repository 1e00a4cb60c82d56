"""Build: every seed -> validated TEI -> HTML and text editions, in parallel, incrementally.

The per-file job is ``converter.job.run_job`` (a picklable ``Job`` in, a small ``Result``
out, never raising). ``build_all`` decides which seeds need a rebuild
(``converter.manifest``), runs the jobs in this process, in a process pool (``jobs``
workers) or on a Dask cluster (``scheduler``; see ``converter.runners``), and records what
was built. Memory: each worker holds one file at a time and results are a few numbers, so
a build needs about ``jobs`` times the largest file, whatever the size of the corpus.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from converter.errors import InputError
from converter.job import Job, Result, run_job  # noqa: F401 - run_job: the job, for callers
from converter.manifest import Manifest, code_version, input_key, relative
from converter.runners import cores, run_dask, run_local

# Flush the manifest at least this often, so an interrupted build keeps its progress.
_FLUSH_SECONDS = 5.0


def output_dirs(seeds_dir: Path, out_dir: Path | None = None,
                ed_dir: Path | None = None) -> tuple[Path, Path]:
    """(TEI folder, editions folder): the ones given, else ``tei/`` and ``editions/`` beside
    ``seeds_dir`` in the folder that holds it (``p/seeds`` -> ``p/tei``), whatever the
    current folder is."""
    seeds_dir = Path(seeds_dir)
    # "." and ".." have no usable parent as written: look them up.
    holder = seeds_dir.resolve().parent if seeds_dir.name in ("", "..") else seeds_dir.parent
    return (Path(out_dir) if out_dir else holder / "tei",
            Path(ed_dir) if ed_dir else holder / "editions")


def plan(seeds_dir: Path, out_dir: Path, ed_dir: Path, authority: Path | None = None,
         force: bool = False, manifest: Manifest | None = None, encoding: str | None = None,
         ner: str | None = None):
    """(jobs to run, skipped Results, keys by seed): what a build of ``seeds_dir`` must do."""
    manifest = manifest or Manifest(out_dir)
    options = {"editions": relative(ed_dir, manifest.base)}
    if encoding:  # only when given, so the keys of builds without it stay as they were
        options["encoding"] = encoding
    if ner and ner != "rules":
        options["ner"] = ner  # another name finder: other outputs
    seeds = sorted(Path(seeds_dir).glob("*.txt"))
    todo, skipped, keys = [], [], {}
    for seed in seeds:
        # seed.with_suffix(".json") is pipeline.sidecar_path, written out here so that a
        # build with nothing to do never imports the pipeline (a quarter second of start-up).
        key = input_key(seed, seed.with_suffix(".json"), authority, options)
        keys[str(seed)] = key
        entry = None if force else manifest.up_to_date(seed, key)
        if entry is not None:
            skipped.append(Result(str(seed), "skipped", words=entry.get("words", 0),
                                  entities=entry.get("entities", 0)))
        else:
            todo.append(Job(str(seed), str(out_dir), str(ed_dir),
                            str(authority) if authority else None, encoding, ner))
    # Largest first: the long jobs start early, so workers finish together.
    todo.sort(key=lambda j: (-_size(j.seed), j.seed))
    return todo, skipped, keys


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def build_all(seeds_dir: Path, out_dir: Path, ed_dir: Path, *, jobs: int | None = None,
              force: bool = False, authority: Path | None = None,
              scheduler: str | None = None, on_result=None,
              encoding: str | None = None, ner: str | None = None) -> list[Result]:
    """Build every ``*.txt`` in ``seeds_dir``; return one Result per seed, in name order.

    ``jobs``: worker processes (default: all cores). ``on_result(result)`` is called as each
    seed finishes (the progress bar). The manifest is updated as results arrive.
    ``encoding``: of the texts, when not UTF-8 (as ``convert --encoding``); ``ner``: a
    name finder besides the rules (as ``convert --ner``).
    """
    code_version.cache_clear()  # the code may have changed since this process last built
    manifest = Manifest(out_dir)
    todo, results, keys = plan(seeds_dir, out_dir, ed_dir, authority, force, manifest,
                               encoding, ner)
    for res in results:
        if on_result:
            on_result(res)
    workers = jobs or cores()
    stream = (run_dask(todo, scheduler, workers) if scheduler and todo
              else run_local(todo, workers))
    pending, removals, last = {}, [], time.monotonic()
    interval = _FLUSH_SECONDS
    lost = None  # the first failure to write the manifest (read-only folder, full disk)
    try:
        for res in stream:
            results.append(res)
            name = manifest.name(Path(res.seed)) if res.seed in keys else None
            if name and res.status == "built":
                pending[name] = {**keys[res.seed], "words": res.words,
                                 "entities": res.entities,
                                 "outputs": {relative(p, manifest.base): h
                                             for p, h in sorted(res.outputs.items())}}
            elif name:
                removals.append(name)
            if on_result:
                on_result(res)
            if time.monotonic() - last > interval:
                began = time.monotonic()
                try:
                    manifest.merge(pending, removals)
                except InputError as err:  # keep building; the last merge tries again
                    lost, interval = lost or err, float("inf")
                    continue
                pending, removals, last = {}, [], time.monotonic()
                # A huge manifest is costly to rewrite: never spend over 5% of the time on it.
                interval = max(_FLUSH_SECONDS, 20 * (last - began))
    finally:
        try:
            manifest.merge(pending, removals)
        except InputError as err:
            lost = lost or err
    results = sorted(results, key=lambda r: r.seed)
    if lost is not None:
        raise ManifestNotWritten(lost, results)
    return results


class ManifestNotWritten(InputError):
    """The build ran, but its manifest could not be written; ``results`` says how each
    file fared, so each file's own problems can still be shown."""

    def __init__(self, err: InputError, results: list):
        super().__init__(err.message, err.file, err.line, err.col, err.hint)
        self.results = results
