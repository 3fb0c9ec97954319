"""``WordTable``: each hash's value computed once, in the order of the keys asked for, bounded."""

from __future__ import annotations

from spacy.strings import StringStore

from pipeline.components.word_table import WordTable


def test_values_follow_the_keys_and_each_is_made_once() -> None:
    strings = StringStore(["Cobalt", "mine", "cobalt"])
    made: list[int] = []

    def lower(key: int) -> str:
        made.append(key)
        return strings[key].lower()

    table = WordTable(lower)
    keys = [strings["Cobalt"], strings["mine"], strings["Cobalt"]]
    assert table.column(keys) == ["cobalt", "mine", "cobalt"]
    assert table.column([strings["mine"], strings["cobalt"]]) == ["mine", "cobalt"]
    assert sorted(made) == sorted({strings["Cobalt"], strings["mine"], strings["cobalt"]})  # no key made twice
    assert table.column([]) == []


def test_a_full_table_starts_again_and_still_answers_every_key() -> None:
    table = WordTable(lambda key: key * 2, limit=3)
    assert table.column([1, 2, 3]) == [2, 4, 6]
    assert table.column([3, 4, 5]) == [6, 8, 10]  # 4 and 5 overflow it: cleared, the Doc's keys made again
    assert set(table.values) == {3, 4, 5}
