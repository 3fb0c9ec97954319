"""The span renderer: the article's own characters between spans, displaCy's bars and pills over them."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from pipeline.evaluation.spans_html import SpanMark, render_spans

LINE = "Pr-Nd oxide was assessed at 433,000-437,000 yuan/mt,  up 5,000 yuan/mt."


def mark(text: str, part: str, label: str, *, occurrence: int = 0) -> SpanMark:
    start = [m.start() for m in re.finditer(re.escape(part), text)][occurrence]
    return SpanMark(start, start + len(part), label, "#7aecec", f"a-{label}-{start}", f"{label}: {part}")


class TextOnly(HTMLParser):
    """The text a reader sees, without the label pills (spans styled with z-index), plus link titles."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.titles: list[str] = []
        self.depth_in_pill = 0
        self.stack: list[bool] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        pill = "z-index" in (attributes.get("style") or "")
        self.stack.append(pill)
        self.depth_in_pill += pill
        if attributes.get("title") and tag == "span":
            self.titles.append(attributes["title"])

    def handle_endtag(self, tag):
        self.depth_in_pill -= self.stack.pop()

    def handle_data(self, data):
        if not self.depth_in_pill:
            self.text.append(data)


def visible(markup: str) -> TextOnly:
    parser = TextOnly()
    parser.feed(markup)
    parser.close()
    assert parser.stack == []
    return parser


def test_the_text_between_and_inside_spans_is_the_articles_own():
    marks = [mark(LINE, "Pr-Nd", "COMMODITY"), mark(LINE, "433,000-437,000 yuan/mt", "PRICE"),
             mark(LINE, "5,000 yuan/mt", "PRICE")]
    markup = render_spans(LINE, marks)
    assert "".join(visible(markup).text) == LINE
    assert ">Pr-Nd<" in markup and ">433,000-437,000 yuan/mt<" in markup
    assert "Pr - Nd" not in markup and "yuan / mt" not in markup


def test_overlapping_spans_stack_and_each_piece_names_the_spans_over_it():
    text = "Lynas Rare Earths raised A$750 million."
    marks = [mark(text, "Lynas Rare Earths", "ORG"), mark(text, "Lynas", "PERSON")]
    markup = render_spans(text, marks)
    parsed = visible(markup)
    assert "".join(parsed.text) == text
    assert parsed.titles == ["ORG: Lynas Rare Earths | PERSON: Lynas", "ORG: Lynas Rare Earths"]
    # the longer span takes the first slot (top 40px), the nested one the second (40 + 17)
    assert markup.count("top: 40px") == 2 and markup.count("top: 57px") == 1
    assert markup.count('href="#a-ORG-0"') == 1 and markup.count('href="#a-PERSON-0"') == 1


def test_spans_are_drawn_per_line_and_trimmed_of_whitespace():
    text = "First line here.\n\n  Second line, 12 t.\n"
    across = SpanMark(6, text.index("Second") + 6, "X", "#fff", "x", "x")
    markup = render_spans(text, [across])
    assert markup.count('<div class="spans"') == 2
    assert ">line here.<" in markup and ">Second<" in markup
    assert "".join(visible(markup).text) == "First line here.\n  Second line, 12 t."


def test_markup_is_escaped():
    text = "AT&T <b>bold</b>"
    markup = render_spans(text, [SpanMark(0, 4, "ORG<", "#fff", "a\"b", 'say "hi"')])
    assert "<b>" not in markup and "AT&amp;T" in markup and "ORG&lt;" in markup and "&quot;hi&quot;" in markup
    assert "".join(visible(markup).text) == text
