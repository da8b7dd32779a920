"""The test text of ``tests/fixtures/kinds/``: a news item whose card uses every kind of fact that issue 12 added.

A TEST TEXT: its persons, outlet, meeting and words are invented. :func:`make_corpus` puts it beside the
seed release in a private copy of ``data/``, with the seed's registry and the test's own entries
(``tests/fixtures/kinds/registry/``). Where ``ontology/regions.ttl`` exists (UN M49 regions,
``region:scheme``), the card's grouping names the region its words name (``regions: ["143"]``).
"""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "kinds"
RELEASE = "2019-04-almaty-process-baku-declaration"
CARD = Path("releases") / RELEASE / "card.yaml"
SOURCE = Path("releases") / RELEASE / "source.txt"
REGIONS = (ROOT / "ontology" / "regions.ttl").is_file()
"""Whether region:scheme is in the ontology, so that a grouping may name regions."""

GROUPING_ROLE = "    role: participant\n    evidence: Central Asia and neighbouring countries\n"


def make_corpus(folder: Path, regions: bool = REGIONS) -> Path:
    """``folder/data``: the seed's registry and release, the test entries and the test release; returns it."""
    data = Path(shutil.copytree(ROOT / "data", folder / "data"))
    for path in sorted((FIXTURE / "registry").glob("*.yaml")):
        shutil.copyfile(path, data / "registry" / path.name)
    shutil.copytree(FIXTURE / "releases" / RELEASE, data / "releases" / RELEASE)
    if regions:
        card = data / CARD
        text = card.read_text(encoding="utf-8")
        assert text.count(GROUPING_ROLE) == 1, "the test card's grouping changed"
        card.write_text(text.replace(GROUPING_ROLE, GROUPING_ROLE.replace("    evidence:", '    regions: ["143"]\n'
                                                                           "    evidence:")), encoding="utf-8")
    return data
