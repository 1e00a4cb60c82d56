"""One exception type for every user-facing problem: it knows where the problem is; and
the validation ``Problem`` record (low in the import graph, so validate and schematron
both use it without importing each other)."""
from __future__ import annotations

from dataclasses import dataclass


class InputError(Exception):
    """A problem in a user's file, reported as ``file:line:col: message`` (then a hint)."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None,
                 col: int | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.col = col
        self.hint = hint

    def location(self) -> str:
        """``file:line:col`` with whatever parts are known."""
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def __str__(self) -> str:
        text = f"{self.location()}: {one_line(self.message)}"
        if self.hint:
            text += f"\n  hint: {one_line(self.hint)}"
        return text


def one_line(text: str) -> str:
    """``text`` with line breaks shown as spaces: a message quoting user data (a value
    with a newline in it) must not break the one-problem-per-line format."""
    return " ".join(str(text).splitlines()) if "\n" in str(text) or "\r" in str(text) else str(text)


@dataclass(frozen=True)
class Problem:
    """One validation problem at a place in a file."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {one_line(self.message)}"
