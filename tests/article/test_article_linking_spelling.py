"""One commodity in two spellings (``article/linking_spelling.py``). Names invented for these tests."""

from __future__ import annotations

from pipeline.article.linking_spelling import same_spelling, spelling_key


class _Mention:
    def __init__(self, label: str, normalized: str) -> None:
        self.label, self.normalized, self.commodity = label, normalized, {"name": normalized}


def test_spelling_key_folds_british_forms():
    assert spelling_key("Zinc Sulphide") == spelling_key("zinc sulfide")


def test_second_spelling_takes_the_first_name():
    mentions = [_Mention("COMMODITY", "zinc sulphate"), _Mention("ORG", "Sulfate Co"),
                _Mention("COMMODITY", "zinc sulfate")]
    decisions = same_spelling(mentions, [{}, {}, {}])
    assert decisions == [{}, {}, {"normalized": "zinc sulphate", "commodity": {"name": "zinc sulphate"}}]


def test_one_spelling_is_kept_as_written():
    assert same_spelling([_Mention("COMMODITY", "zinc sulfate")], [{}]) == [{}]
