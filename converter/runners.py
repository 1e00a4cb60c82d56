"""Where build jobs run: in this process, in a pool of worker processes, or on a Dask
cluster. Each runner yields one ``Result`` per job as jobs finish, in any order, and never
raises for a bad file: a job's failure is its Result.
"""
from __future__ import annotations

import os

from converter.job import Job, Result, run_job
from converter.errors import InputError


def _warm_up() -> None:
    """Import and compile everything once before forking, so workers start ready."""
    import converter.pipeline  # noqa: F401
    import converter.writers  # noqa: F401
    from converter import schematron
    from converter.validate import relaxng

    relaxng("edition")
    schematron._schematron()


def _watch_parent(parent: int) -> None:
    """Worker initializer: end this worker when the build that started it is gone.

    A build killed with SIGKILL cannot stop its pool, and its workers would wait forever
    on a pipe that the other workers keep open. On Linux the kernel sends SIGKILL when the
    parent dies (``PR_SET_PDEATHSIG``); everywhere, a thread checks the parent each second.
    """
    import sys
    import threading
    import time

    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before the line above took effect
        os._exit(1)

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _pool(workers: int, ctx):
    """A process pool whose workers do not outlive this process."""
    import concurrent.futures as cf

    return cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                                  initializer=_watch_parent, initargs=(os.getpid(),))


def run_local(jobs: list[Job], workers: int):
    """Yield Results as they finish, in this process or a pool of ``workers`` processes."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield run_job(job)
        return
    import concurrent.futures as cf
    import multiprocessing as mp

    _warm_up()
    # fork shares the warmed-up, imported code; elsewhere fall back to the default method.
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    lost = []
    with _pool(min(workers, len(jobs)), ctx) as pool:
        futures = {pool.submit(run_job, job): job for job in jobs}
        for fut in cf.as_completed(futures):
            job = futures.pop(fut)
            try:
                yield fut.result()
            except cf.process.BrokenProcessPool:
                lost.append(job)
            except Exception as err:  # noqa: BLE001 - e.g. a result that cannot be pickled
                yield _died(job, err)
    # A worker died (killed, out of memory, a crash in C code) and took the pool, with
    # every unfinished job, down with it: run those again, each in its own process, so
    # only the culprit fails.
    yield from _isolated(lost, workers, ctx)


def _died(job: Job, err: BaseException | None = None) -> Result:
    why = f"{type(err).__name__}: {err}" if err else "killed, out of memory, or a crash"
    return Result(job.seed, "failed", problems=1, error=f"{job.seed}: the worker process "
                  f"died while building this file ({why})")


def _isolated(jobs: list[Job], workers: int, ctx):
    """Each job in a one-process pool of its own, ``workers`` at a time."""
    import concurrent.futures as cf

    queue, running = list(jobs), {}
    while queue or running:
        while queue and len(running) < workers:
            job = queue.pop(0)
            pool = _pool(1, ctx)
            running[pool.submit(run_job, job)] = (job, pool)
        done, _ = cf.wait(running, return_when=cf.FIRST_COMPLETED)
        for fut in done:
            job, pool = running.pop(fut)
            try:
                yield fut.result()
            except Exception:  # noqa: BLE001 - this job's own worker died
                yield _died(job)
            pool.shutdown(wait=True)


def run_dask(jobs: list[Job], scheduler: str, workers: int):
    """Yield Results from a Dask cluster (``local`` starts a LocalCluster on this machine).

    The workers must see the same file system paths as this process (a shared disk).
    """
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise InputError("--scheduler needs Dask: pip install 'tei-edition[dask]'",
                         scheduler) from None
    cluster = None
    if scheduler != "local":
        _reachable(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                               processes=True, dashboard_address=None)
    try:
        client = Client(cluster or scheduler, timeout="20s")
    except OSError as err:
        if cluster is not None:
            cluster.close()
        raise InputError(f"cannot reach the Dask scheduler: {err}", scheduler) from None
    try:
        futures = client.map(run_job, jobs, pure=False)
        for fut in as_completed(futures):
            try:
                yield fut.result()
            except Exception as err:  # noqa: BLE001 - the worker was lost
                yield Result("?", "failed", problems=1, error=f"dask worker failed: {err}")
            fut.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _reachable(address: str) -> None:
    """Fail fast with a one-line error when nothing listens at a tcp:// scheduler address
    (Dask itself would keep retrying until its timeout)."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else "tcp://" + address)
    if parts.scheme != "tcp" or not parts.hostname:
        return
    try:
        socket.create_connection((parts.hostname, parts.port or 8786), timeout=10).close()
    except OSError as err:
        raise InputError(f"cannot reach the Dask scheduler: {err.strerror or err}",
                         address) from None


def cores() -> int:
    """The cores this process may run on (the affinity mask, where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1
