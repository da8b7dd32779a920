"""A process over time, and what its meetings produce: positions, handovers, memberships, documents and their
adoptions, the purposes of meetings, and words given to a group.

:func:`find_governance` runs the finders of each concern in turn over one shared reading of the release's body
(:class:`~.governance_context.GovernanceContext`). Each finder reads one sentence at a time, with the cue patterns of
:data:`~.lexicon.DOMAIN_LEXICONS`:

* :mod:`.positions`: handovers of a position, and the positions held in a process (and the chairs of a meeting);
* :mod:`.memberships`: membership statuses in a process (and the observers of a meeting), and partners by support;
* :mod:`.documents`: documents and their adoptions;
* :mod:`.purposes`: what the meetings were for;
* :mod:`.groups`: the text's groupings of those taking part, and collective speakers.
"""
from __future__ import annotations

from collections.abc import Sequence

from migkg.cards.registry import Registry
from migkg.draft.actors import Actors
from migkg.draft.documents import find_documents
from migkg.draft.gazetteer import Mention
from migkg.draft.governance_context import Governance, GovernanceContext
from migkg.draft.groups import find_group_speakers, find_groupings
from migkg.draft.header import RelativeDate
from migkg.draft.meetings import Meeting
from migkg.draft.memberships import find_memberships, find_partners_by_support
from migkg.draft.positions import find_handovers, find_positions, hand_over_from_the_holder
from migkg.draft.purposes import find_purposes
from migkg.draft.text import Analysis

__all__ = ["Governance", "find_governance"]


def find_governance(analysis: Analysis, actors: Actors, meetings: list[Meeting], terms: list[Mention],
                    body: tuple[int, int], quotes: list[tuple[int, int]], year: str | None,
                    registry: Registry, topics_of, titles: Sequence[tuple[int, int]] = (),
                    issued: str | None = None, relative: Sequence[RelativeDate] = ()) -> Governance:
    """Handovers, positions, memberships, documents, purposes and the meeting's own outcomes; ``titles`` are
    the spans of posts' titles (:func:`.posts.find_titles`), whose words («Председатель Комитета…») hold no
    position in a process; ``issued``, the date of issue, dates what holds "currently"; ``relative``, the day words
    resolved against it ("on Tuesday", «в четверг»), the day a handover was made."""
    context = GovernanceContext(analysis, actors, meetings, body, quotes, year, list(titles), issued, relative)
    found = Governance()
    find_handovers(context, found)
    find_positions(context, found)
    hand_over_from_the_holder(found)
    find_memberships(context, found)
    find_partners_by_support(context, found)
    find_documents(context, found, registry)
    find_purposes(context, terms)
    find_groupings(context, found, terms)
    find_group_speakers(context, found, topics_of)
    return found
