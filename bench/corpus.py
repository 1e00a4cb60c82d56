"""Benchmark inputs made from real texts: the seeds and the evaluation corpus's plain texts.

``make_corpus(mb)`` concatenates whole documents (cycling through the sources in name
order, blank line between them) into one text file of about ``mb`` megabytes, cut at a
paragraph boundary, so the texts keep their real shapes (headings, lists, quotations) and
every size is made the same way. ``make_many(n)`` writes ``n`` small seed files for the
corpus-build benchmark. Both are deterministic.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "corpus" / "text"]


def source_texts() -> list[tuple[str, str]]:
    """(name, text) of every source document, in a fixed order."""
    out = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            out.append((path.stem, path.read_text(encoding="utf-8").strip("\n")))
    if not out:
        raise SystemExit("no source texts found in " + ", ".join(map(str, SOURCES)))
    return out


def make_corpus(mb: float, dest: Path) -> Path:
    """Write (once) and return a text file of about ``mb`` MB at ``dest/corpus-<mb>MB.txt``."""
    target = int(mb * 1_000_000)
    path = Path(dest) / f"corpus-{mb:g}MB.txt"
    if path.exists() and abs(path.stat().st_size - target) < 200_000:
        return path
    texts = source_texts()
    path.parent.mkdir(parents=True, exist_ok=True)
    size, i = 0, 0
    with open(path, "w", encoding="utf-8") as fh:
        while size < target:
            _name, text = texts[i % len(texts)]
            i += 1
            piece = text.encode("utf-8")
            if size + len(piece) > target:  # the last one: cut it at a paragraph
                piece = piece[:target - size]
                cut = piece.rfind(b"\n\n")
                piece = piece[:cut] if cut > 0 else piece
                text = piece.decode("utf-8", "ignore")
            fh.write(text + "\n\n")
            size += len(text.encode("utf-8")) + 2
            if len(piece) == 0:
                break
    return path


def make_many(n: int, dest: Path, size: int = 4000) -> Path:
    """Write ``n`` seed files of about ``size`` bytes each (slices of the sources) to ``dest``."""
    dest = Path(dest)
    if dest.is_dir() and len(list(dest.glob("*.txt"))) == n:
        return dest
    dest.mkdir(parents=True, exist_ok=True)
    paras = [p for _n, t in source_texts() for p in t.split("\n\n") if p.strip()]
    k = 0
    for i in range(n):
        chunk, length = [], 0
        while length < size:
            chunk.append(paras[k % len(paras)])
            length += len(chunk[-1]) + 2
            k += 1
        (dest / f"doc{i:05d}.txt").write_text(f"Document {i}\n\n" + "\n\n".join(chunk) + "\n",
                                               encoding="utf-8")
    return dest
