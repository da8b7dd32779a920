"""Posts held, round 3: more title heads, titles with a list of fields («труда, миграции и …») or an
office «at» a body, and Russian post labels written with the state's official name (the text's own
wording kept as an alternative label). Small invented snippets (the registry of tests/fixtures/domain).
"""
from __future__ import annotations

from migkg.draft.drafter import draft_text


def posts(text: str, language: str, context) -> list[tuple[str, dict[str, str], dict[str, list[str]]]]:
    """(holder, labels, alternative labels) of each drafted post held."""
    registry, vocabulary = context
    card = draft_text(text, "2020-01-01-test", language, registry, vocabulary)
    found = []
    for held in card.posts_held:
        post = held.fields["post"]
        entry = card.proposals.get(post)
        found.append((held.fields["person"], entry.labels if entry else registry[post].labels,
                      entry.alt_labels if entry else {}))
    return found


def test_an_office_at_a_body_after_the_name(context) -> None:
    text = ("GENEVA, 3 March 2020 – The Almaty Process held an expert meeting on statelessness in Almaty today. "
            "\"Nobody should be left without papers,\" said Miriam Okafor, Senior Legal Officer at the UNHCR "
            "Bureau for Europe.\n")
    found = posts(text, "en", context)
    assert [(f[1]["en"]) for f in found] == ["Senior Legal Officer at the UNHCR Bureau for Europe"]


def test_a_russian_title_with_a_list_of_fields_and_the_official_name_of_the_state(context) -> None:
    text = ("АЛМАТЫ, 3 марта 2020 – В Алматы состоялось совещание экспертов Алматинского процесса. "
            "Совещание открыл министр здравоохранения, образования и науки Таджикистана Фарход Саидзода.\n")
    found = posts(text, "ru", context)
    assert len(found) == 1
    _, labels, alt_labels = found[0]
    assert labels["ru"] == "Министр здравоохранения, образования и науки Республики Таджикистан"
    assert alt_labels == {"ru": ["Министр здравоохранения, образования и науки Таджикистана"]}
