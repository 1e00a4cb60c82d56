"""Build: every seed -> validated TEI -> HTML and text editions. One bad file never
stops the others; each result says what happened."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from converter.errors import InputError


@dataclass
class Result:
    """What building one seed produced."""

    seed: str
    words: int = 0
    error: str | None = None


def build_one(seed: Path, out_dir: Path, ed_dir: Path) -> Result:
    """Convert, validate and export one seed; errors are captured, not raised."""
    from converter.pipeline import convert_file
    from converter.validate import check_tree
    from converter.writers import EXTENSIONS, WRITERS
    from converter.xmlio import parse_bytes, write_atomic

    try:
        data, doc = convert_file(seed)
        tree = parse_bytes(data, str(seed))
        problems = check_tree(tree, str(out_dir / f"{doc.id}.xml"))
        if problems:
            return Result(str(seed), error="\n".join(map(str, problems)))
        write_atomic(out_dir / f"{doc.id}.xml", data, inputs=(seed,))
        for fmt, writer in WRITERS.items():
            write_atomic(ed_dir / f"{doc.id}{EXTENSIONS[fmt]}", writer(tree), inputs=(seed,))
        words = sum(len(t.split()) for t in tree.getroot().find(
            "{http://www.tei-c.org/ns/1.0}text").itertext())
        return Result(str(seed), words=words)
    except InputError as err:
        return Result(str(seed), error=str(err))


def build_all(seeds_dir: Path, out_dir: Path, ed_dir: Path) -> list[Result]:
    """Build every ``*.txt`` in ``seeds_dir`` in name order."""
    return [build_one(s, out_dir, ed_dir) for s in sorted(Path(seeds_dir).glob("*.txt"))]
