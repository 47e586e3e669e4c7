"""Main-content extraction of saved portal pages: smartgraph's (selectolax) against trafilatura's, on tests/data/html.

    .venv/bin/python bench/html_extract.py

For each page: how many of its text version's title and body blocks the extracted text holds (recall),
how many pieces of navigation, script or footer it kept (noise, from the list the tests use), and the time.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_webpages import NOISE  # noqa: E402

from smartgraph import documents, webpage  # noqa: E402

PAGES = sorted((ROOT / "tests/data/html/pages").glob("*.htm*"))
TWINS = [*sorted((ROOT / "tests/data/html/text").glob("*.txt")), *sorted((ROOT / "data/press-releases").glob("*.txt"))]


def norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def ours(html: str) -> str:
    return webpage.extract(html).text


def trafilatura_text(html: str) -> str:
    import trafilatura

    meta = trafilatura.extract_metadata(html)
    body = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=True, favor_recall=True) or ""
    return f"{meta.title if meta else ''}\n\n{body}"


def main() -> None:
    print(f"{'page':34} {'extractor':12} {'recall':>8} {'noise':>6} {'ms':>7}")
    for page in PAGES:
        twin = next(t for t in TWINS if t.stem == page.stem)
        doc = documents.read(twin)
        wanted = [s.text for s in (doc.title, doc.subtitle) if s is not None] + [b.span.text for b in doc.blocks]
        html = page.read_text(encoding="utf-8")
        for name, fn in (("smartgraph", ours), ("trafilatura", trafilatura_text)):
            fn(html)  # warm up
            t0 = time.perf_counter()
            for _ in range(5):
                text = fn(html)
            ms = (time.perf_counter() - t0) / 5 * 1000
            flat = norm(text)
            got = sum(1 for w in wanted if norm(w) in flat)
            noise = sum(1 for n in NOISE if n in text)
            print(f"{page.name:34} {name:12} {got:>3}/{len(wanted):<4} {noise:>6} {ms:>7.1f}")


if __name__ == "__main__":
    main()
