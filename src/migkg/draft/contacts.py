"""Press contacts: a line naming an organisation and a person, with a phone number or an e-mail.

Phone numbers are found by phonenumbers' matcher (international form only, as the card
format requires a country code); e-mail addresses by a pattern, kept only when
email-validator accepts them (as the card model will).
"""
from __future__ import annotations

import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from migkg.draft.actors import EMAIL, Actors
from migkg.draft.facts import Drafted
from migkg.draft.lexicon import Lexicon
from migkg.draft.text import fold

ORGANISATION_TYPES = frozenset({"state", "government", "ministry", "intergovernmental-organization"})
_PERSON = frozenset({"person"})


def contacts_start(text: str, lexicon: Lexicon) -> int:
    """Where the contacts section begins (its header line), or the end of the text."""
    for match in re.finditer(r"[^\n]+", text):
        if fold(match.group()).strip().startswith(lexicon.contact_headers):
            return match.start()
    return len(text)


def _phones(line: str) -> list[tuple[int, int, str]]:
    found = []
    for match in phonenumbers.PhoneNumberMatcher(line, None, leniency=phonenumbers.Leniency.POSSIBLE):
        if phonenumbers.is_possible_number(match.number):
            found.append((match.start, match.end, match.raw_string))
    return found


def _emails(line: str) -> list[tuple[int, int, str]]:
    found = []
    for match in EMAIL.finditer(line):
        try:
            validate_email(match.group(), check_deliverability=False)
        except EmailNotValidError:
            continue
        found.append((match.start(), match.end(), match.group()))
    return found


def _block(text: str, start: int, end: int) -> tuple[int, int]:
    """The lines around ``start``-``end`` with no blank line between them."""
    above = text.rfind("\n\n", 0, start)
    below = text.find("\n\n", end)
    return (above + 2 if above >= 0 else 0), (below if below >= 0 else len(text))


def find_contacts(text: str, actors: Actors, section_start: int) -> list[Drafted]:
    """One contact per line (after the contacts header, or anywhere if there is none) with a person,
    an organisation and a phone number or an e-mail address."""
    drafted: list[Drafted] = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        line = match.group()
        if start < section_start < len(text):
            continue
        phones, emails = _phones(line), _emails(line)
        if not phones and not emails:
            continue
        persons = actors.within(start, end, _PERSON)
        bodies = actors.within(start, end, ORGANISATION_TYPES)
        block = _block(text, start, end)
        if not persons:  # «Контактное лицо: …» on a line of its own, the phone under it: the block's only person
            persons = actors.within(*block, _PERSON)
            persons = persons if len({p.entity for p in persons}) == 1 else []
        if persons and not bodies:  # the body on a line above, in the same block ("Directorate …, Ministry of …")
            bodies = actors.within(block[0], start, ORGANISATION_TYPES)
            if bodies:  # those on the nearest line above that names one
                lines_up = text.count("\n", bodies[-1].start, start)
                bodies = [b for b in bodies if text.count("\n", b.start, start) == lines_up]
            bodies = [b for b in bodies if b.type != "state"] or bodies
        if not persons or not bodies:
            continue
        lead = len(line) - len(line.lstrip())
        same = next((d for d in drafted if d.fields["person"] == persons[0].entity and block[0] <= d.spans[0][0]
                     and not (phones and "phone" in d.fields) and not (emails and "email" in d.fields)), None)
        if same is not None:  # "Tel.: …" and "E-mail: …" on lines of their own: one contact
            if phones:
                same.fields["phone"] = phones[0][2]
            if emails:
                same.fields["email"] = emails[0][2]
            same.spans.append((start + lead, start + len(line.rstrip())))
            continue
        fields = {"person": persons[0].entity, "organisation": bodies[0].entity}
        if phones:
            fields["phone"] = phones[0][2]
        if emails:
            fields["email"] = emails[0][2]
        drafted.append(Drafted(fields, [(start + lead, start + len(line.rstrip()))],
                               "contact line: phonenumbers, e-mail pattern, names on the line",
                               round(min(0.9, persons[0].confidence, bodies[0].confidence + 0.05), 2)))
    return drafted
