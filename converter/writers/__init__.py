"""Writers: TEI file -> reading editions. They read the TEI, never the internal model,
so they work on any TEI (ours or another project's)."""
from __future__ import annotations

from converter.writers import html, text

WRITERS = {"html": html.write, "text": text.write}
EXTENSIONS = {"html": ".html", "text": ".txt"}
