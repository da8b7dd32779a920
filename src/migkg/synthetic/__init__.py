"""A synthetic corpus of release folders, deterministic by seed, for the benchmarks and the scale tests.

It writes what a person would: ``registry/*.yaml`` and ``releases/<id>/{source.txt,card.yaml}``.
Each source text is written in Russian or English from sentence frames, and the card cites
its exact words, so every stage of the real pipeline runs on it, evidence resolution included:
quotes that occur more than once in the text say which one they mean (``occurrence:`` or
``after:``), some facts cite two spans (a sentence split by a footnote, a post and a name),
and some releases report an event that an earlier release reported too (the same event IRI).

The releases use every kind of card entry, in proportions meant to be realistic (the constants of
:mod:`migkg.synthetic.releases`): half the events are meetings of a process, most with their number in its
series; some are dated by a span of days, some only to the month or the year (and reported by news items,
whose date of issue and publisher are supplied from their address, some relaying another outlet's report);
releases say who chairs a process, hands its chair over, co-chairs a meeting, hosts its secretariat, joined
it, observes it or is its partner; the declaration or action plan adopted, endorsed or signed at an event;
what the participants, the meeting as a body or a state's officials said; the event's purpose, a meeting
held as part of it, a release's publisher, author and address, the state of the city of its dateline; a meeting
held online, a count given as a bound ("more than N governments").

The registry grows as a real one does: about 200 states (names from pycountry, Russian from
its ISO 3166 translations), a government and two ministries per state, their posts, recurring
intergovernmental organisations, several regional consultative processes, news outlets, and a
pool of persons that grows with the corpus. Release ``i`` depends only on the seed and ``i``, so the
corpus of N releases is the first N releases of any larger one.

    python -m migkg.synthetic OUT --releases 1000 [--seed 0]

or, in a test or a benchmark, ``migkg.synthetic.generate(out, releases, seed)``.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from migkg.synthetic.registry import make_registry, registry_files
from migkg.synthetic.releases import Events, ReleaseWriter


def generate(out: Path, releases: int, seed: int = 0) -> Path:
    """Write ``out/registry/*.yaml`` and ``out/releases/<id>/`` for ``releases`` releases; return ``out``."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    registry = make_registry(releases, seed)
    (out / "registry").mkdir(parents=True)
    for name, content in registry_files(registry).items():
        (out / "registry" / name).write_text(content, encoding="utf-8")
    events = Events(registry, seed)
    for index in range(releases):
        writer = ReleaseWriter(registry, seed, index, events)
        text, card = writer.write()
        folder = out / "releases" / writer.release_id
        folder.mkdir(parents=True)
        (folder / "source.txt").write_text(text, encoding="utf-8")
        (folder / "card.yaml").write_text(card, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m migkg.synthetic", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--releases", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    generate(args.out, args.releases, args.seed)
    print(f"wrote {args.releases} releases to {args.out}", file=sys.stderr)
    return 0


__all__ = ["generate", "main"]
