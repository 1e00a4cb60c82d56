"""Where the tool's own files are: the schemas, found with ``importlib.resources``.

The top-level ``schemas/`` folder of the source tree is mapped into the package as
``converter.schemas`` at build time (``package-dir`` in ``pyproject.toml``), so a wheel
carries them and an editable install reads them in place: one copy, found the same way.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def _schemas_dir() -> Path:
    """The folder holding the schemas, as a real path (lxml and the build hash read files)."""
    try:
        found = resources.files("converter.schemas")
    except ModuleNotFoundError:
        # Run from a source tree that was never installed (PYTHONPATH=.): the folder itself.
        return Path(__file__).resolve().parent.parent / "schemas"
    if not isinstance(found, Path):  # a zip import: not supported, say so plainly
        raise RuntimeError(f"the schemas must be files on disk, not in {found}")
    return found


SCHEMAS_DIR = _schemas_dir()


def schema_file(name: str) -> Path:
    """The path of the schema file ``name`` (``tei-edition.rng``, ``sidecar.schema.json``...)."""
    return SCHEMAS_DIR / name
