"""A headline's one-word short name linked as the body links the same word (``pipeline.article.linking_headlines``).
Names invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.linking import link_entities


def _normalized(text: str, names: list[tuple[str, str, str, str]]) -> list[str]:
    records = [entity_record(name, text.index(at), label=label).model_copy(update={"zone": zone})
               for name, label, at, zone in names]
    return [record.normalized for record in link_entities(records, text)]


TEXT = ("Kestrel's Idaho mine on track\n\n"
        "Kestrel Global Ltd updated its mine plan. Kestrel said costs rose. Kestrel Finland runs the refinery.")


def test_headline_short_name_takes_the_body_link_of_the_same_word():
    names = [("Kestrel", "ORG", "Kestrel's", "title"), ("Kestrel Global Ltd", "ORG", "Kestrel Global", "body"),
             ("Kestrel", "ORG", "Kestrel said", "body"), ("Kestrel Finland", "ORG", "Kestrel Finland", "body")]
    assert _normalized(TEXT, names)[:3] == ["Kestrel Global Ltd"] * 3


def test_headline_short_name_the_body_never_links_stays_as_written():
    text = "Kestrel's Idaho mine on track\n\nKestrel Finland runs the refinery. Kestrel Global Ltd agreed."
    names = [("Kestrel", "ORG", "Kestrel's", "title"), ("Kestrel Finland", "ORG", "Kestrel Finland", "body"),
             ("Kestrel Global Ltd", "ORG", "Kestrel Global", "body")]
    assert _normalized(text, names)[0] == "Kestrel"
