"""Extraction floors: the shared scorer on the seeds and the development corpus, against the figures we hold.

    .venv/bin/python .ci/floors.py [--shared ../shared]

Runs ../shared/eval/score.py (--json) on data/press-releases (seeds.json) and on ../shared/eval/dev/zh and
dev/en, prints each table, and exits 1 when a macro F1 or any measure falls below its floor. The floors
are raised as extraction improves; they never go down without a reason in the commit message.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# corpus: (input folder relative to the shared folder or the checkout, gold file, macro floor, per-measure floor)
FLOORS = {
    "seeds": ("data/press-releases", "eval/gold/seeds.json", 1.0, 1.0),
    "dev-zh": ("eval/dev/zh", "eval/gold/dev-zh.json", 0.940, 0.80),  # it scores 0.949, the lowest measure 0.840
    "dev-en": ("eval/dev/en", "eval/gold/dev-en.json", 0.940, 0.80),  # it scores 0.949, the lowest measure 0.826
}


def score(shared: Path, folder: Path, gold: Path) -> dict[str, Any]:
    cmd = [sys.executable, str(shared / "eval/score.py"), "--gold", str(gold), "--input", str(folder),
           "--cmd", str(ROOT / ".venv/bin/smartgraph"), "--json"]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if p.returncode != 0:
        raise SystemExit(f"the scorer failed on {folder}:\n{p.stderr[-3000:]}")
    return dict(json.loads(p.stdout))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (eval/score.py, eval/dev, eval/gold)")
    a = ap.parse_args()
    failed: list[str] = []
    for name, (folder, gold, macro_floor, measure_floor) in FLOORS.items():
        base = ROOT if name == "seeds" else a.shared
        result = score(a.shared, base / folder, a.shared / gold)
        table = result["table"]
        macro = float(result["macro_f1"])
        for err in result.get("errors", []):
            print(f"   scorer: {err}")
        print(f"== {name}: macro F1 {macro:.3f} (floor {macro_floor:.3f}); each measure floor {measure_floor:.2f}")
        for measure, row in table.items():
            mark = "" if row["f1"] >= measure_floor or row["gold"] == 0 else "   <-- below the floor"
            print(f"   {measure:<24} P {row['p']:.3f}  R {row['r']:.3f}  F1 {row['f1']:.3f}  {row['tp']}/{row['pred']}/{row['gold']}{mark}")
            if mark:
                failed.append(f"{name} {measure} {row['f1']:.3f} < {measure_floor:.2f}")
        if macro < macro_floor:
            failed.append(f"{name} macro {macro:.3f} < {macro_floor:.2f}")
    if failed:
        print("extraction below its floors: " + "; ".join(failed), file=sys.stderr)
        raise SystemExit(1)
    print("extraction floors: all held")


if __name__ == "__main__":
    main()
