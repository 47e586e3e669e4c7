"""Bundled files (ontology, shapes, schemes, queries, gazetteer) are found from an installed wheel too."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from .conftest import ROOT


def test_installed_wheel_finds_its_resources(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(ROOT)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    (wheel,) = wheels.glob("smartgraph-*.whl")
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(target)
        names = set(z.namelist())
    for vendored in ("yasgui/yasgui.min.js", "yasgui/yasgui.min.css", "yasgui/LICENSE", "yasgui/THIRD-PARTY-LICENSES.txt",
                     "cytoscape/cytoscape.min.js", "cytoscape/LICENSE", "README.md"):  # the web page works offline from a wheel
        assert f"smartgraph/server/static/vendor/{vendored}" in names, vendored
    assert not any("axe" in n for n in names)  # the accessibility checker is for the tests only
    code = (
        "import smartgraph, sys; from smartgraph.queries import Catalog; from smartgraph import resources, validation;"
        "assert str(smartgraph.__file__).startswith(sys.argv[1]), smartgraph.__file__;"
        "print(len(Catalog.load()), len(resources.ontology_files()), len(validation.shapes()))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(target)}, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    n_queries, n_onto, n_shapes = map(int, out.stdout.split())
    assert n_queries == len(list((ROOT / "queries").glob("*.rq"))) and n_onto >= 4 and n_shapes > 100
