"""Shared fixtures: the golden-file check (a unified diff and the accept command on a
mismatch), the official TEI schema compiled once per session, and the dev data in
``../shared`` as test parameters (a visible skip when it is missing)."""
from __future__ import annotations

import difflib
import os
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TEI_SHARED", ROOT.parent / "shared"))  # the dev data


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite expected files of golden cases and pass fixtures from the current output")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture
def golden(request, update_golden):
    """``golden(got, path)``: ``got`` must equal the file at ``path``. With --update-golden
    the file is rewritten; otherwise a mismatch fails with a unified diff and the exact
    command that accepts the new output for this test alone."""
    def check(got: bytes | str, path: Path) -> None:
        data = got.encode("utf-8") if isinstance(got, str) else got
        if update_golden:
            path.write_bytes(data)
            return
        accept = f"python -m pytest {shlex.quote(request.node.nodeid)} --update-golden"
        if not path.exists():
            pytest.fail(f"{path} is missing; review the output and accept it with:\n  {accept}",
                        pytrace=False)
        old = path.read_bytes()
        if data == old:
            return
        diff = difflib.unified_diff(old.decode("utf-8", "replace").splitlines(keepends=True),
                                    data.decode("utf-8", "replace").splitlines(keepends=True),
                                    f"{path.relative_to(ROOT)} (expected)", "(got)", n=2)
        text = "".join(diff)
        if len(text) > 12_000:
            text = text[:12_000] + "\n... (diff cut at 12000 characters)\n"
        pytest.fail(f"{path.relative_to(ROOT)} differs from the output:\n{text}\n"
                    f"If the change is intended, accept it with:\n  {accept}", pytrace=False)
    return check


def shared_params(sub: str, pattern: str) -> list:
    """The files ``../shared/<sub>/<pattern>`` as test parameters (id: the file's stem).
    Without ``../shared`` one parameter that is skipped with the reason, so the corpus
    tests never vanish silently (CI checks that the data is there)."""
    folder = SHARED / sub
    if not folder.is_dir():
        return [pytest.param(None, id=f"shared-{sub.replace('/', '-')}-missing", marks=pytest.mark.skip(
            reason=f"{folder} is missing: the corpus tests need the dev data in ../shared"))]
    return [pytest.param(p, id=p.stem) for p in sorted(folder.glob(pattern))]


def params(paths, id=lambda p: p.stem) -> list:
    """Local files as test parameters, with readable ids."""
    return [pytest.param(p, id=id(p)) for p in paths]


@pytest.fixture(scope="session")
def tei_all():
    """The official tei_all RELAX NG, compiled once (it takes seconds)."""
    from converter.validate import relaxng

    return relaxng("tei_all")


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


@pytest.fixture
def seed(tmp_path):
    """A small seed text in a temporary folder."""
    path = tmp_path / "seed.txt"
    path.write_text("A Title\n\nSome words of the text.\n", encoding="utf-8")
    return path
