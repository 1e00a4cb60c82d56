"""Build: every seed -> validated TEI -> HTML and text editions, in parallel, incrementally.

``run_job`` is the per-file job: a pure function of a picklable ``Job`` that never raises
(one bad file never stops the others) and returns a small ``Result``. ``build_all`` decides
which seeds need a rebuild (``converter.manifest``), runs the jobs in this process, in a
process pool (``jobs`` workers) or on a Dask cluster (``scheduler``; see
``converter.runners``), and records what was built. Memory: each worker holds one file at a time and results are a few numbers, so a
build needs about ``jobs`` times the largest file, whatever the size of the corpus.
"""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from converter.errors import InputError
from converter.manifest import Manifest, code_version, input_key, relative

TEI_NS = "{http://www.tei-c.org/ns/1.0}"
# Elements counted as entity mentions in the summary.
ENTITY_TAGS = {f"{TEI_NS}{n}" for n in ("persName", "placeName", "orgName", "roleName", "rs",
                                       "name")}
# A failed file shows this many problems in the build log (validate lists them all).
_SHOW_PROBLEMS = 3
# Flush the manifest at least this often, so an interrupted build keeps its progress.
_FLUSH_SECONDS = 5.0


@dataclass(frozen=True)
class Job:
    """One seed to build, with everything a worker (a process or a Dask worker) needs."""

    seed: str
    out_dir: str
    ed_dir: str
    authority: str | None = None
    encoding: str | None = None


@dataclass
class Result:
    """What building one seed produced. ``status``: built, skipped or failed."""

    seed: str
    status: str = "built"
    words: int = 0
    entities: int = 0
    problems: int = 0
    error: str | None = None
    seconds: float = 0.0
    outputs: dict = field(default_factory=dict)


def _counts(tree) -> tuple[int, int]:
    """(words, entity mentions) in the TEI ``<text>``."""
    text = tree.getroot().find(f"{TEI_NS}text")
    if text is None:
        return 0, 0
    words = sum(len(t.split()) for t in text.itertext())
    entities = sum(1 for el in text.iter() if el.tag in ENTITY_TAGS)
    return words, entities


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


def _convert(seed: Path, authority: str | None, encoding: str | None = None):
    from converter.pipeline import convert_file

    return convert_file(seed, encoding, Path(authority) if authority else None)


def _same_bytes(path: Path, payload: bytes) -> bool:
    """Whether ``path`` already holds exactly ``payload``. Rewriting an identical output is
    skipped: renaming over an existing file makes ext4 flush it (about 1 ms a file), and
    untouched outputs keep their modification times for tools downstream."""
    try:
        if os.path.getsize(path) != len(payload):
            return False
        with open(path, "rb") as fh:
            return fh.read() == payload
    except OSError:
        return False


def run_job(job: Job) -> Result:
    """Convert, validate and export one seed; every error is captured in the Result."""
    from converter.validate import check_tree
    from converter.writers import EXTENSIONS, WRITERS
    from converter.xmlio import parse_bytes, write_atomic

    start = time.perf_counter()
    seed = Path(job.seed)
    res = Result(job.seed)
    try:
        data, doc = _convert(seed, job.authority, job.encoding)
        del doc  # the model is not needed any more: keep peak memory to one copy
        out = Path(job.out_dir) / f"{seed.stem}.xml"
        tree = parse_bytes(data, str(out))
        problems = check_tree(tree, str(out))
        if problems:
            res.status, res.problems = "failed", len(problems)
            shown = [str(p) for p in problems[:_SHOW_PROBLEMS]]
            if len(problems) > _SHOW_PROBLEMS:
                shown.append(f"  ... and {len(problems) - _SHOW_PROBLEMS} more problems "
                             f"(tei-edition validate shows them all)")
            res.error = "\n".join(shown)
            return res
        res.words, res.entities = _counts(tree)
        written = [(out, data)]
        for fmt, writer in WRITERS.items():
            written.append((Path(job.ed_dir) / f"{seed.stem}{EXTENSIONS[fmt]}", writer(tree)))
        for path, payload in written:
            if not _same_bytes(path, payload):
                write_atomic(path, payload, inputs=(seed,))
            res.outputs[str(path)] = hashlib.sha256(payload).hexdigest()
    except InputError as err:
        res.status, res.problems, res.error = "failed", 1, str(err)
    except Exception as err:  # noqa: BLE001 - one crashing file must not stop the build
        res.status, res.problems = "failed", 1
        res.error = f"{job.seed}: internal error: {type(err).__name__}: {err}"
    finally:
        res.seconds = time.perf_counter() - start
    return res


def plan(seeds_dir: Path, out_dir: Path, ed_dir: Path, authority: Path | None = None,
         force: bool = False, manifest: Manifest | None = None, encoding: str | None = None):
    """(jobs to run, skipped Results, keys by seed): what a build of ``seeds_dir`` must do."""
    manifest = manifest or Manifest(out_dir)
    options = {"editions": relative(ed_dir, manifest.base)}
    if encoding:  # only when given, so the keys of builds without it stay as they were
        options["encoding"] = encoding
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
                            str(authority) if authority else None, encoding))
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
              encoding: str | None = None) -> list[Result]:
    """Build every ``*.txt`` in ``seeds_dir``; return one Result per seed, in name order.

    ``jobs``: worker processes (default: all cores). ``on_result(result)`` is called as each
    seed finishes (the progress bar). The manifest is updated as results arrive.
    ``encoding``: of the texts, when not UTF-8 (as ``convert --encoding``).
    """
    code_version.cache_clear()  # the code may have changed since this process last built
    manifest = Manifest(out_dir)
    todo, results, keys = plan(seeds_dir, out_dir, ed_dir, authority, force, manifest,
                               encoding)
    for res in results:
        if on_result:
            on_result(res)
    from converter.runners import cores, run_dask, run_local

    workers = jobs or cores()
    stream = (run_dask(todo, scheduler, workers) if scheduler and todo
              else run_local(todo, workers))
    pending, removals, last = {}, [], time.monotonic()
    interval = _FLUSH_SECONDS
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
                manifest.merge(pending, removals)
                pending, removals, last = {}, [], time.monotonic()
                # A huge manifest is costly to rewrite: never spend over 5% of the time on it.
                interval = max(_FLUSH_SECONDS, 20 * (last - began))
    finally:
        manifest.merge(pending, removals)
    return sorted(results, key=lambda r: r.seed)
