"""The per-file build job: a pure function of a picklable ``Job`` that never raises (one
bad file never stops the others) and returns a small ``Result``. Lower than ``build`` and
``runners``, which both use it, so neither imports the other."""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from converter.errors import InputError
from converter.vocabulary import NAME_ELEMENTS, TEI

# Elements counted as entity mentions in the summary.
ENTITY_TAGS = {f"{TEI}{n}" for n in NAME_ELEMENTS}
# A failed file shows this many problems in the build log (validate lists them all).
_SHOW_PROBLEMS = 3

@dataclass(frozen=True)
class Job:
    """One seed to build, with everything a worker (a process or a Dask worker) needs."""

    seed: str
    out_dir: str
    ed_dir: str
    authority: str | None = None
    encoding: str | None = None
    ner: str | None = None


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
    text = tree.getroot().find(f"{TEI}text")
    if text is None:
        return 0, 0
    words = sum(len(t.split()) for t in text.itertext())
    entities = sum(1 for el in text.iter() if el.tag in ENTITY_TAGS)
    return words, entities


def _convert(seed: Path, authority: str | None, encoding: str | None = None,
             ner: str | None = None):
    from converter.pipeline import convert_file

    # No report is made here: the mentions and inferences need not be kept.
    return convert_file(seed, encoding, Path(authority) if authority else None, ner, record=False)


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
        # (the name finder is passed only when named: _convert(seed, authority, encoding)
        # is the call tests patch)
        data, doc = (_convert(seed, job.authority, job.encoding, job.ner) if job.ner
                     else _convert(seed, job.authority, job.encoding))
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
            written.append((Path(job.ed_dir) / f"{seed.stem}{EXTENSIONS[fmt]}", writer.write(tree)))
        for path, payload in written:
            if not _same_bytes(path, payload):
                write_atomic(path, payload, inputs=(seed,), elsewhere="--out or --editions")
            res.outputs[str(path)] = hashlib.sha256(payload).hexdigest()
    except InputError as err:
        res.status, res.problems, res.error = "failed", 1, str(err)
    except Exception as err:  # noqa: BLE001 - one crashing file must not stop the build
        res.status, res.problems = "failed", 1
        res.error = f"{job.seed}: internal error: {type(err).__name__}: {err}"
    finally:
        res.seconds = time.perf_counter() - start
    return res
