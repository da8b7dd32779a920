"""Lay out tests/fixtures/domain as a drafting corpus half, for ``migkg draft-quality`` (a development set).

tests/fixtures/domain has the layout of ``data/`` (one registry, ``releases/<id>/``); the
drafting corpus has one folder per text with the registry entries its card needs beyond
``data/registry`` and ``tests/fixtures/drafting/known/registry`` (docs/drafting.md, section 5).
This writes that layout: per text ``source.txt`` and ``card.yaml`` copied, ``registry.yaml`` with
the entries of the domain registry that neither of those registries has, and ``meta.yaml`` with
what the card says was supplied by the curator (the date of issue, a publisher, the url)::

    python bench/domain_corpus.py /tmp/corpus/domain-dev
    migkg draft-quality /tmp/corpus/domain-dev
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = ROOT / "tests" / "fixtures" / "domain"
KNOWN = ROOT / "tests" / "fixtures" / "drafting" / "known" / "registry"


def _entries(folder: Path) -> list[dict]:
    yaml = YAML(typ="safe")
    return [entry for path in sorted(folder.glob("*.yaml")) for entry in (yaml.load(path.read_text("utf-8")) or {})
            .get("entries", [])]


def _meta(card: dict) -> dict:
    release = card["release"]
    meta = {}
    if "supplied" in release.get("issued", {}):
        meta["issued"] = str(release["issued"]["date"])
        meta["url"] = release["issued"]["supplied"]
    for publisher in release.get("publishers", []):
        if "supplied" in publisher:
            meta["publisher"] = publisher["agent"]
            meta["url"] = publisher["supplied"]
    if release.get("url"):
        meta["url"] = release["url"]
    return meta


def lay_out(out: Path, domain: Path = DOMAIN, data: Path = ROOT / "data", known: Path = KNOWN) -> list[Path]:
    """Write the domain corpus as a drafting corpus half into ``out`` (a new folder); the text folders."""
    known_ids = {e["id"] for e in _entries(data / "registry") + _entries(known)}
    extra = [e for e in _entries(domain / "registry") if e["id"] not in known_ids]
    yaml = YAML()
    yaml.default_flow_style = None
    folders = []
    for release in sorted((domain / "releases").iterdir()):
        folder = out / release.name
        folder.mkdir(parents=True)
        shutil.copyfile(release / "source.txt", folder / "source.txt")
        shutil.copyfile(release / "card.yaml", folder / "card.yaml")
        with (folder / "registry.yaml").open("w", encoding="utf-8") as file:
            yaml.dump({"entries": extra}, file)
        meta = _meta(YAML(typ="safe").load((release / "card.yaml").read_text("utf-8")))
        if meta:
            with (folder / "meta.yaml").open("w", encoding="utf-8") as file:
                yaml.dump(meta, file)
        folders.append(folder)
    return folders


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="a new folder: the corpus half")
    lay_out(parser.parse_args().out)
