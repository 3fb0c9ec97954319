"""Amounts and dates of a body line the page prints twice (pipeline/article/repeated_lines.py), on texts written
for these tests: the layout drops the second copy as a repeat, and its mentions are the first copy's, moved."""

from __future__ import annotations

from pipeline import Article
from pipeline.article.layout import Line
from pipeline.article.repeated_lines import repeated_mentions
from pipeline.schema.records import DateRecord

LEAD = "Zinc Corp said on Tuesday it will lift output by 12% to 80,000 tonnes in the second half of 2026."
STORY = (
    "Zinc Corp lifts output goal\n\n"
    f"{LEAD}\n\n"
    "The refiner in Hobart has run below capacity since a flood closed its kiln for repairs.\n\n"
    f"{LEAD}\n\n"
    "The board met in Hobart to approve a new budget for the coming period of works.\n"
)


def _mentions(extractor, text: str) -> list[tuple[str, int]]:
    extraction = next(extractor.extract_many([Article(doc_id="rep", text=text, published="2026-03-05")]))
    return sorted((record.start, record.text) for record in extraction.records if record.type in ("quantity", "date"))


def test_a_body_paragraph_printed_twice_gives_its_mentions_twice(extractor) -> None:
    mentions = _mentions(extractor, STORY)
    first, second = STORY.index(LEAD), STORY.rindex(LEAD)
    once = [(text, start - first) for start, text in mentions if first <= start < first + len(LEAD)]
    again = [(text, start - second) for start, text in mentions if second <= start < second + len(LEAD)]
    assert [text for text, _ in once] == ["Tuesday", "12%", "80,000 tonnes", "second half of 2026"]
    assert again == once


def test_a_repeated_title_adds_no_mentions(extractor) -> None:
    title = "Nickel miner to cut 300 jobs in 2026 after price slump"
    text = f"{title}\n\nThe miner said prices fell sharply over the year.\n\n{title}\n"
    mentions = _mentions(extractor, text)
    assert [text for _, text in mentions if _ < len(title)] == ["300", "2026"]
    assert not [start for start, _ in mentions if start >= text.rindex(title)]


def test_repeated_mentions_moves_copies_to_the_second_line() -> None:
    line = "Ore shipments resumed in May 2026 after the strike ended."
    text = f"{line}\n\n{line}\n"
    gap = len(line) + 2
    first, second = Line(0, len(line), line), Line(gap, gap + len(line), line)
    start = line.index("May 2026")
    record = DateRecord(id=f"d#date:{start}-{start + 8}", doc_id="d", text="May 2026", start=start, end=start + 8,
                        sentence=0, section=None, zone="body", timex="2026-05", granularity="month",
                        start_date="2026-05-01", end_date="2026-05-31", modifier=None, fiscal=False,
                        resolution="absolute", reference=None)
    moved = repeated_mentions([record], [(first, second)])
    assert [(r.start, r.id, r.timex) for r in moved] == [
        (start, f"d#date:{start}-{start + 8}", "2026-05"), (start + gap, f"d#date:{start + gap}-{start + gap + 8}", "2026-05")]
    assert text[moved[1].start:moved[1].end] == "May 2026"
    # a record outside the first copy is not copied
    assert repeated_mentions([record], [(Line(40, 57, line[40:]), second)]) == [record]
