"""The build manifest: content hashes that let ``build`` skip files that have not changed.

One small JSON file next to the outputs (``<out>/.tei-edition-manifest.json``) maps each
seed to the hash of everything its outputs depend on (text, sidecar, authority file, tool
version, the code and schemas) and to the hashes of the outputs it wrote. A seed is skipped
only when that key is unchanged *and* every recorded output is still there, byte for byte.

Two builds of the same folder may run at once: outputs are written atomically by the
workers, and the manifest is only ever changed by a read-merge-write under an exclusive
lock (``fcntl.flock`` on a lock file beside it, removed on release), so neither build loses
the other's entries.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from converter import __version__
from converter.resources import SCHEMAS_DIR
from converter.xmlio import MAX_INPUT, open_input, write_atomic, write_error

MANIFEST_NAME = ".tei-edition-manifest.json"
FORMAT = 1
_CHUNK = 1 << 20
_PACKAGE_DIR = Path(__file__).resolve().parent


def file_hash(path: Path | None) -> str | None:
    """SHA-256 of a file's bytes, read in chunks (memory stays flat); None if it is absent
    or cannot be read. Bounded like every input: a seed that is a symlink to /dev/zero or a
    named pipe is hashed up to the size limit (the job then fails on it), never forever."""
    if path is None:
        return None
    digest = hashlib.sha256()
    left = MAX_INPUT + 1
    try:
        with open_input(path) as fh:
            while left > 0:
                chunk = fh.read(min(_CHUNK, left))
                if not chunk:
                    break
                digest.update(chunk)
                left -= len(chunk)
    except OSError:
        return None
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the tool's version, its Python code and its schemas.

    Any edit to a pass, the builder, a writer or a schema changes every output's key, so
    a rebuild after upgrading never keeps outputs made by the old code.
    """
    digest = hashlib.sha256(__version__.encode())
    # The schemas' __init__.py is left out: installed it lies under the package, editable
    # beside it, and the key must not depend on how the tool was installed.
    files = sorted(p for p in _PACKAGE_DIR.rglob("*.py") if SCHEMAS_DIR not in p.parents) + sorted(
        p for p in SCHEMAS_DIR.glob("*") if p.suffix in (".rng", ".sch", ".json"))
    for path in files:
        digest.update(str(path.relative_to(path.parent.parent)).encode())
        digest.update(file_hash(path).encode())
    return digest.hexdigest()[:16]


def input_key(text: Path, sidecar: Path, authority: Path | None, options: dict) -> dict:
    """Everything one seed's outputs depend on, as a dict of hashes (stored for humans too)."""
    parts = {
        "text": file_hash(text),
        "sidecar": file_hash(sidecar),
        "authority": file_hash(authority) if authority else None,
        "tool": f"{__version__}+{code_version()}",
        "options": json.dumps(options, sort_keys=True),
    }
    parts["key"] = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()
    return parts


def relative(path, base: str) -> str:
    """``path`` relative to the absolute folder ``base`` (no symlink lookups: this runs for
    every file of a build, and ``Path.resolve`` costs system calls)."""
    return os.path.relpath(os.path.abspath(path), base)


@contextlib.contextmanager
def _locked(lock_path: Path):
    """Hold an exclusive lock on ``lock_path`` (advisory; a no-op where flock is missing).

    The lock file is removed on release, so no empty file stays behind. Another build may
    then be holding the removed file's lock; so after locking, the file must still be the
    one at ``lock_path``, else the lock is taken again on the new one.
    """
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # not POSIX: per-file atomic writes still keep the file whole
        yield
        return
    while True:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            held, now = os.fstat(fd), os.stat(lock_path)
            if (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino):
                break
        except FileNotFoundError:  # removed by the build that held it before us
            pass
        os.close(fd)
    try:
        yield
    finally:
        try:
            os.unlink(lock_path)  # still locked: nobody else holds this file's lock
        except OSError:
            pass
        os.close(fd)  # closing releases the lock


class Manifest:
    """The manifest of one output folder: look up entries, then merge changes back."""

    def __init__(self, out_dir: Path):
        self.dir = Path(out_dir)
        self.base = os.path.abspath(self.dir)
        self.path = self.dir / MANIFEST_NAME
        self.lock = self.dir / (MANIFEST_NAME + ".lock")
        self.entries = self._read()

    def _read(self) -> dict:
        """The entries on disk; a missing or damaged manifest just means 'build everything'."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def name(self, seed: Path) -> str:
        """The entry name of ``seed``."""
        return relative(seed, self.base)

    def up_to_date(self, seed: Path, key: dict) -> dict | None:
        """The stored entry if ``seed`` needs no rebuild (same key, outputs intact), else None."""
        entry = self.entries.get(self.name(seed))
        if not isinstance(entry, dict) or entry.get("key") != key["key"]:
            return None
        outputs = entry.get("outputs") or {}
        if not outputs:
            return None
        for out, digest in outputs.items():
            if file_hash(self.dir / out) != digest:
                return None
        return entry

    def merge(self, updates: dict, removals=()) -> None:
        """Write ``updates`` (name -> entry) and drop ``removals`` under the lock.

        The file is re-read under the lock, so entries another build wrote meanwhile are
        kept; the write itself is atomic (temp file + rename).
        """
        if not updates and not removals:
            return
        try:
            with _locked(self.lock):
                current = self._read()
                current.update(updates)
                for name in removals:
                    current.pop(name, None)
                data = {"format": FORMAT, "entries": dict(sorted(current.items()))}
                write_atomic(self.path,
                             (json.dumps(data, indent=1, sort_keys=True) + "\n").encode(),
                             elsewhere="--out")
        except OSError as err:  # the lock file: a read-only folder or file system
            raise write_error(err, self.path, "--out") from None
            self.entries = current

