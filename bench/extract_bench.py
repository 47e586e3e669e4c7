"""Extraction time and memory against input size: is it linear, and how long does a long release take?

    .venv/bin/python bench/extract_bench.py [--sizes 10000,100000,1000000] [--repeat 3] [--json out.json]

One document is made of many synthetic releases (bench/corpus.py: real cities, generated people,
summits, memoranda, declarations, captions) joined up to each size, in three layouts:

- ``paragraphs``: the releases' paragraphs as they are (a long compilation of releases);
- ``one-line``: every line break removed (the 88,000-character and 3.3 MB lines the old extractor choked on);
- ``no-stops``: no line break and no full stop either (hostile input: one sentence as long as the text);
- ``blanks``: each release's first line cut by a run of blanks (spaces, tabs, ideographic spaces) four times the
  release's length (hostile input: a pattern that tries a run of blanks from each of its blanks is quadratic).

Sizes count characters (a CJK character is three bytes of UTF-8: a million characters is about 3 MB).
Each size runs in a fresh process (the lexicons and GeoNames table are loaded first and not timed);
the figures are the median of ``--repeat`` runs: CPU seconds of ``extract()`` alone, seconds per
million characters, and the process's peak RSS. A linear extractor keeps seconds per million
characters flat across sizes.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

LAYOUTS = ("paragraphs", "one-line", "no-stops", "english", "blanks")  # english: English releases' bodies in paragraphs
HEADER = "發布機關:臺北市政府資訊局\n發布日期:107-03-28\n\n城市外交新聞稿彙編\n\n"
HEADER_EN = "Date: 2018-03-28\nSource: Department of Information Technology, Taipei City Government\n\nCity Diplomacy Releases\n\n"

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from smartgraph.documents import parse
from smartgraph.extraction import extract
text = Path(sys.argv[1]).read_text(encoding="utf-8")
warm = "發布機關:臺北市政府資訊局\n發布日期:107-03-28\n\n標題\n\n臺北市長柯文哲今天出席智慧城市論壇並致詞。\n"
extract(parse(warm, "warm.txt"))  # lexicons, gazetteer, jieba's dictionary: loaded once, not timed
doc = parse(text, "long.txt")
t0, w0 = time.process_time(), time.perf_counter()
facts = extract(doc)
cpu, wall = time.process_time() - t0, time.perf_counter() - w0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"cpu_s": cpu, "wall_s": wall, "peak_rss_mb": rss, "facts": facts.count()}))
"""


def compose(bodies: list[str], size: int, layout: str) -> str:
    """Releases' bodies joined until the text has ``size`` characters, in one of the LAYOUTS."""
    parts: list[str] = []
    header = HEADER_EN if layout == "english" else HEADER
    n, i = len(header), 0
    while n < size:
        body = bodies[i % len(bodies)]
        if layout not in ("paragraphs", "english"):
            body = body.replace("\n", "")
        if layout == "no-stops":
            body = re.sub(r"[。！？!?]", "，", body)
        if layout == "blanks":
            body = body[:4] + (" \t\u3000" * len(body))[:4 * len(body)] + body[4:]
        parts.append(body)
        n += len(body) + (2 if layout in ("paragraphs", "english") else 0)
        i += 1
    text = ("\n\n" if layout in ("paragraphs", "english") else "").join(parts)
    return (header + text)[:size] + "\n"


def bodies_of(folder: Path) -> list[str]:
    """The body of each generated release: its blocks, without header and title."""
    from smartgraph.documents import read

    return ["\n\n".join(b.span.text for b in read(f).blocks) for f in sorted(folder.glob("*.txt"))]


def run_once(path: Path) -> dict[str, float]:
    p = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True,
                       env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    if p.returncode != 0:
        raise SystemExit(f"extraction of {path} failed:\n{p.stderr[-3000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="characters per document, comma-separated")
    ap.add_argument("--layouts", default=",".join(LAYOUTS))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    a = ap.parse_args()
    import corpus

    sizes = [int(s) for s in a.sizes.split(",")]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        corpus.generate(400, folder, 42, "zh")
        bodies = bodies_of(folder)
        bodies_en: list[str] = []
        if "english" in a.layouts.split(","):
            corpus.generate(200, Path(tmp) / "corpus-en", 42, "en")
            bodies_en = bodies_of(Path(tmp) / "corpus-en")
        print(f"{'layout':<11} {'characters':>10} {'UTF-8 MB':>8} {'CPU s':>7} {'s per M chars':>13} {'peak RSS MB':>11} {'facts':>6}")
        for layout in a.layouts.split(","):
            for size in sizes:
                path = Path(tmp) / f"{layout}-{size}.txt"
                text = compose(bodies_en if layout == "english" else bodies, size, layout)
                path.write_text(text, encoding="utf-8")
                runs = [run_once(path) for _ in range(a.repeat)]
                cpu = statistics.median(r["cpu_s"] for r in runs)
                row = {"layout": layout, "characters": len(text), "utf8_bytes": path.stat().st_size, "cpu_s": round(cpu, 3),
                       "wall_s": round(statistics.median(r["wall_s"] for r in runs), 3),
                       "s_per_million_chars": round(cpu / (len(text) / 1e6), 2),
                       "peak_rss_mb": round(max(r["peak_rss_mb"] for r in runs), 1), "facts": int(runs[0]["facts"])}
                results.append(row)
                print(f"{layout:<11} {row['characters']:>10,} {row['utf8_bytes'] / 1e6:>8.2f} {row['cpu_s']:>7.2f} "
                      f"{row['s_per_million_chars']:>13.2f} {row['peak_rss_mb']:>11.0f} {row['facts']:>6}", flush=True)
    if a.json:
        a.json.write_text(json.dumps({"python": sys.version.split()[0], "results": results}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
