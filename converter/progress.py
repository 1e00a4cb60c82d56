"""What ``build`` shows: a progress bar on a terminal, and a summary table at the end.

The bar is drawn only when the stream is a terminal (nothing when piped or in CI logs),
redrawn at most ten times a second so a build of thousands of tiny files is not slowed
down by its own display.
"""
from __future__ import annotations

import time

_REDRAW = 0.1
_WIDTH = 30


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    """A one-line bar: ``[#####.....]  512/1000 files  87.1/s  eta 0:00:05  3 failed``."""

    def __init__(self, total: int, stream, enabled: bool | None = None):
        self.total, self.stream = total, stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self.done = self.failed = 0
        self.start = self.drawn = time.monotonic()

    def update(self, result) -> None:
        """Count one finished seed (a build Result) and redraw if it is time."""
        self.done += 1
        self.failed += result.status == "failed"
        now = time.monotonic()
        if self.enabled and (now - self.drawn >= _REDRAW or self.done == self.total):
            self.drawn = now
            self.stream.write("\r" + self.line(now))
            self.stream.flush()

    def line(self, now: float | None = None) -> str:
        """The bar as text (without the carriage return)."""
        now = time.monotonic() if now is None else now
        frac = self.done / self.total if self.total else 1.0
        filled = int(frac * _WIDTH)
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate else 0.0
        text = (f"[{'#' * filled}{'.' * (_WIDTH - filled)}] {self.done:>{len(str(self.total))}}"
                f"/{self.total} files  {rate:6.1f}/s  eta {_clock(eta)}")
        if self.failed:
            text += f"  {self.failed} failed"
        return text

    def close(self) -> None:
        """End the bar's line (so what follows starts on a fresh line)."""
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()


def summary(results, seconds: float) -> str:
    """The end-of-build table: files, words, entities and problems by status, and the time."""
    rows = []
    for status in ("built", "skipped", "failed"):
        group = [r for r in results if r.status == status]
        rows.append((status, len(group), sum(r.words for r in group),
                     sum(r.entities for r in group), sum(r.problems for r in group)))
    total = ("total", *(sum(r[i] for r in rows) for i in range(1, 5)))
    head = ("", "files", "words", "entities", "problems")
    lines = [f"{head[0]:<8}{head[1]:>8}{head[2]:>12}{head[3]:>10}{head[4]:>10}"]
    for row in rows + [total]:
        lines.append(f"{row[0]:<8}{row[1]:>8}{row[2]:>12}{row[3]:>10}{row[4]:>10}")
    rate = total[1] / seconds if seconds > 0 else 0.0
    lines.append(f"time {seconds:.2f} s ({rate:.1f} files/s)")
    return "\n".join(lines)
