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


def find_contacts(text: str, actors: Actors, section_start: int) -> list[Drafted]:
    """One contact per line (after the contacts header, or anywhere if there is none) with a person,
    an organisation and a phone number or an e-mail address."""
    drafted = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        line = match.group()
        if start < section_start < len(text):
            continue
        phones, emails = _phones(line), _emails(line)
        if not phones and not emails:
            continue
        persons = [m for m in actors.mentions if start <= m.start and m.end <= end and m.type == "person"]
        bodies = [m for m in actors.mentions if start <= m.start and m.end <= end and m.type in ORGANISATION_TYPES]
        if not persons or not bodies:
            continue
        lead = len(line) - len(line.lstrip())
        fields = {"person": persons[0].entity, "organisation": bodies[0].entity}
        if phones:
            fields["phone"] = phones[0][2]
        if emails:
            fields["email"] = emails[0][2]
        drafted.append(Drafted(fields, [(start + lead, start + len(line.rstrip()))],
                               "contact line: phonenumbers, e-mail pattern, names on the line",
                               round(min(0.9, persons[0].confidence, bodies[0].confidence + 0.05), 2)))
    return drafted
