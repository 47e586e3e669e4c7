"""Hostile input: is reading and extraction linear in a run of any one character, wherever it falls?

    .venv/bin/python bench/fillers_bench.py [--length 40000] [--min-seconds 0.3] [FILE ...]

A run of one filler (blanks, digits, Latin letters, Han characters, list commas, brackets, quotes, titles,
"and", "of", ...) is put into each release at four places (2 %, 10 %, 30 % and 60 % of the text), once
``--length`` characters long and once twice as long, and the CPU time of ``parse`` + ``extract`` is read for
both. A linear reader takes about twice as long for the double run; the table prints, for each filler, the
slowest case and its ratio, and the exit status is 1 when a ratio is above ``--max-ratio`` (cases under
``--min-seconds`` are too quick to time and left out). FILE defaults to the two seed releases.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src")]

from smartgraph.documents import parse  # noqa: E402
from smartgraph.extraction import extract  # noqa: E402

FILLERS = {
    "space": " ", "ideographic space": "\u3000", "tab": "\t", "newline": "\n", "mixed blanks": " \u3000\t",
    "digit": "7", "digit and space": "1 ", "latin": "a", "LATIN": "A", "word": "ab ", "Name": "Lee ", "initial": "A. ",
    "Mr.": "Mr. ", "Mayor": "Mayor ", "and": " and ", "of": " of ", "comma": ", ", "ampersand": "&", "dot": ".", "dash": "-",
    "slash": "/", "bracket": "(", "full-width bracket": "（", "corner quote": "「", "full-width colon": "：",
    "han": "市", "han surname": "陳", "list comma": "、", "full-width comma": "，", "市長": "市長", "與": "與", "及": "及",
    "clause and verb of saying": "，並表示", "speaker and verb": "林市長表示，", "and he said": ", and he said",
}
PLACES = (0.02, 0.1, 0.3, 0.6)


def cpu(text: str) -> float:
    start = time.process_time()
    extract(parse(text, "filled.txt"))
    return time.process_time() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path, help="releases to fill [default: data/press-releases/*.txt]")
    ap.add_argument("--length", type=int, default=40_000, help="characters of the shorter run [default 40000]")
    ap.add_argument("--min-seconds", type=float, default=0.15, help="cases quicker than this are not compared [default 0.15]")
    ap.add_argument("--max-ratio", type=float, default=3.0, help="exit 1 when the double run takes this many times longer [default 3]")
    a = ap.parse_args()
    files = a.files or sorted((ROOT / "data" / "press-releases").glob("*.txt"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in files}
    cpu("發布日期:107-03-28\n\n標題\n\n臺北市長今天出席論壇。\n")  # lexicons and dictionaries loaded, not timed
    print(f"{'filler':<20} {'slowest case':<40} {'CPU s':>6} {'x2 run':>7} {'ratio':>6}")
    worst_ratio = 0.0
    for name, filler in FILLERS.items():
        worst: tuple[float, float, str] | None = None
        for source, base in texts.items():
            for share in PLACES:
                at = int(len(base) * share)
                short = cpu(base[:at] + filler * (a.length // len(filler)) + base[at:])
                if short < a.min_seconds:
                    continue
                double = cpu(base[:at] + filler * (2 * a.length // len(filler)) + base[at:])
                if worst is None or double / short > worst[1] / worst[0]:
                    worst = (short, double, f"{source} at {share:.0%}")
        if worst is None:
            print(f"{name:<20} {'(every case under --min-seconds)':<40}", flush=True)
            continue
        ratio = worst[1] / worst[0]
        worst_ratio = max(worst_ratio, ratio)
        print(f"{name:<20} {worst[2]:<40} {worst[0]:>6.2f} {worst[1]:>7.2f} {ratio:>6.1f}", flush=True)
    print(f"largest ratio {worst_ratio:.1f} (linear: 2.0)")
    return 1 if worst_ratio > a.max_ratio else 0


if __name__ == "__main__":
    sys.exit(main())
