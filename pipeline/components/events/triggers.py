"""Finding trigger hits: one-token rules by word lookup, longer patterns by a ``Matcher`` on short windows."""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.components.events.patterns import IrregularForms, compile_pattern, first_token_forms, spec_forms
from pipeline.components.events.sentences import DocIndex
from pipeline.resources.events import TriggerRule

Hit = tuple[str, int, int]  # (rule id, start token, end token)


class TriggerMatcher:
    """Every place a trigger rule's pattern matches, longest and strongest first at each position."""

    def __init__(self, vocab: Vocab, rules: list[TriggerRule], *, irregular: IrregularForms) -> None:
        self.openers: set[str] = set()
        self.longest = 1
        # per rule id, its own ``Matcher`` and, per pattern, the words each mandatory token can be (its lemmas,
        # their forms, its lower words): a window holding none of one set cannot match that pattern, and only the
        # matchers of ids with a pattern that can match are run (a Matcher's cost grows with its pattern count)
        self.matchers: dict[str, Matcher] = {}
        self.required: dict[str, list[list[frozenset[str]]]] = {}
        self.by_lemma: dict[str, list[str]] = {}
        self.by_form: dict[str, list[str]] = {}
        self.weak = {rule.id: rule.strength != "strong" for rule in rules}
        # per word, the (id, pattern number) of the patterns whose rarest mandatory token can be that word
        # (``always``: patterns of optional tokens only): a window's candidate patterns, before the full test
        self.by_word: dict[str, set[tuple[str, int]]] = {}
        self.always: set[tuple[str, int]] = set()
        for rule in rules:
            if len(rule.pattern) == 1 and rule.pattern[0].op is None:
                self._index_single(rule, irregular)
                continue
            if rule.id not in self.matchers:
                self.matchers[rule.id] = Matcher(vocab)
            self.matchers[rule.id].add(rule.id, compile_pattern(rule.pattern, irregular=irregular))
            self.openers |= first_token_forms(rule.pattern, irregular=irregular)
            self.longest = max(self.longest, len(rule.pattern))
            self.required.setdefault(rule.id, []).append([
                frozenset({word.lower() for word in spec.lemma or []} | spec_forms(spec, irregular=irregular))
                for spec in rule.pattern if spec.op in {None, "+"}
            ])
            key = (rule.id, len(self.required[rule.id]) - 1)
            rarest = min(self.required[rule.id][-1], key=len, default=None)
            if rarest is None:
                self.always.add(key)
            for word in rarest or ():
                self.by_word.setdefault(word, set()).add(key)

    def _index_single(self, rule: TriggerRule, irregular: IrregularForms) -> None:
        """One-token patterns are looked up by word; the same test the ``Matcher`` patterns encode, minus its cost."""
        (spec,) = rule.pattern
        for lemma in spec.lemma or []:
            self.by_lemma.setdefault(lemma.lower(), []).append(rule.id)
        for form in spec_forms(spec, irregular=irregular):
            self.by_form.setdefault(form, []).append(rule.id)

    def __call__(self, doc: Doc, index: DocIndex) -> list[Hit]:
        """Trigger hits as (rule id, start, end): one-token rules by lookup, longer patterns by the ``Matcher``
        run only on short windows that open with one of their first words."""
        matches: set[Hit] = set()
        lowers, lemmas = index.lowers, index.lemmas
        by_lemma, by_form, openers, longest, size = self.by_lemma, self.by_form, self.openers, self.longest, len(doc)
        # one pass per test over the word lists (set lookups in comprehensions), then work only where a word hits
        for i in [i for i, lemma in enumerate(lemmas) if lemma in by_lemma]:
            matches.update((rule_id, i, i + 1) for rule_id in by_lemma[lemmas[i]])
        for i in [i for i, lower in enumerate(lowers) if lower in by_form]:
            matches.update((rule_id, i, i + 1) for rule_id in by_form[lowers[i]])
        windows: list[list[int]] = []
        for i in [i for i, (lower, lemma) in enumerate(zip(lowers, lemmas, strict=True)) if lower in openers or lemma in openers]:
            end = min(i + longest, size)
            if windows and i <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], end)
            else:
                windows.append([i, end])
        strings = doc.vocab.strings
        by_word, required = self.by_word, self.required
        for lo, hi in windows:
            words = {*index.lowers[lo:hi], *index.lemmas[lo:hi]}
            # the ids with a pattern whose every mandatory token is in the window (other ids cannot match there)
            possible = {rule_id for rule_id, number in self.always.union(*(by_word[word] for word in words if word in by_word))
                        if all(not needed.isdisjoint(words) for needed in required[rule_id][number])}
            span = None
            for rule_id in possible:
                span = doc[lo:hi] if span is None else span
                found = self.matchers[rule_id](span)
                matches.update((strings[match_id], lo + start, lo + end) for match_id, start, end in found)
        weak = self.weak
        return sorted(matches, key=lambda m: (m[1], -(m[2] - m[1]), weak[m[0]], m[0]))
