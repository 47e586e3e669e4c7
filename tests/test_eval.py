"""The gold facts of the seed press releases, scored through the CLI by the shared scorer."""

import re
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, SEEDS

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "eval" / "gold" / "seeds.json"


def test_seed_gold_facts() -> None:
    assert SCORER.exists(), f"the scorer is expected at {SCORER} (shared/ beside the checkout)"
    cli = Path(sys.executable).with_name("smartgraph")
    r = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD), "--input", str(SEEDS), "--cmd", str(cli)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert "error:" not in r.stdout, r.stdout
    macro = float(r.stdout.strip().splitlines()[-1].split()[-1])
    f1s = [float(m.group(1)) for m in re.finditer(r"^\S+\s+[\d.]+\s+[\d.]+\s+([\d.]+)\s", r.stdout, re.M)]
    assert macro == 1.0, r.stdout  # the seeds stay whole while the extractor learns other releases
    assert f1s and min(f1s) == 1.0, r.stdout
