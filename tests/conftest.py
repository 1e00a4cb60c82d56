"""Shared fixtures: the golden-file switch, the official TEI schema compiled once per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite expected files of golden cases and pass fixtures from the current output")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


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
