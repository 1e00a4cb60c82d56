"""The same per-file build job on a Dask cluster (a LocalCluster here); skipped without Dask
(``pip install '.[dask]'``; the test extra includes it so CI runs this)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from converter.build import build_all
from converter.cli import main
from converter.manifest import MANIFEST_NAME

pytestmark = pytest.mark.slow  # starts a Dask cluster

distributed = pytest.importorskip("distributed")


def _corpus(tmp_path, n=20):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(n):
        (seeds / f"d{i:03d}.txt").write_text(
            f"Leaflet {i}\n\nWords of leaflet {i} in one paragraph.\n\nII. PART TWO\n\nEnd {i}.\n")
    return seeds


def test_dask_local_cluster_matches_local_build(tmp_path):
    seeds = _corpus(tmp_path)
    (seeds / "bad.txt").write_bytes(b"\xff not text")
    local = build_all(seeds, tmp_path / "tei-local", tmp_path / "ed-local", jobs=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        res = CliRunner().invoke(main, ["build", str(seeds), "--out", str(tmp_path / "tei"),
                                        "--editions", str(tmp_path / "ed"),
                                        "--scheduler", cluster.scheduler_address])
    assert res.exit_code == 1, res.output  # bad.txt failed, the others were built
    assert "bad.txt:1:1: not valid utf-8" in res.output
    for r in local:
        name = r.seed.rsplit("/", 1)[-1].replace(".txt", "")
        if r.status == "built":
            assert ((tmp_path / "tei" / f"{name}.xml").read_bytes()
                    == (tmp_path / "tei-local" / f"{name}.xml").read_bytes())
            assert ((tmp_path / "ed" / f"{name}.html").read_bytes()
                    == (tmp_path / "ed-local" / f"{name}.html").read_bytes())
    entries = json.loads((tmp_path / "tei" / MANIFEST_NAME).read_text())["entries"]
    assert len(entries) == 20
    # Incremental on Dask too: nothing left to do, so no job is sent (nor a scheduler asked).
    (seeds / "bad.txt").unlink()
    again = build_all(seeds, tmp_path / "tei", tmp_path / "ed", scheduler="tcp://127.0.0.1:1")
    assert {r.status for r in again} == {"skipped"}


def test_unreachable_scheduler_is_a_one_line_error(tmp_path):
    seeds = _corpus(tmp_path, 1)
    res = CliRunner().invoke(main, ["build", str(seeds), "--out", str(tmp_path / "t"),
                                    "--editions", str(tmp_path / "e"),
                                    "--scheduler", "tcp://127.0.0.1:9"])
    assert res.exit_code == 1
    assert "cannot reach the Dask scheduler" in res.output and "Traceback" not in res.output
