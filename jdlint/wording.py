"""The ``jdlint_wording`` component: where the phrases of the wording lists stand in a posting.

Wording lists (``lexicons/wording/``) hold the phrases the wording rules look for: gender-coded
words, hero titles, jargon, misspelled technology names, pay and location cues. Every entry goes
into one PhraseMatcher on LOWER (case-sensitive ones into one on ORTH), built once; one-word
entries marked ``lemma`` also match their inflections by lemma ("leaders" -> "leader"). Matching
whole tokens is what keeps "Windows" from matching "win" and "atomic" from matching "atom". The
context each entry asks for (words that may not follow or precede it, the sections it counts in,
its part of speech when the pipeline tags them) is checked here, so rules see only real hits.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, NamedTuple

from spacy.attrs import IDX, LENGTH, LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .extensions import LEMMAS_KEY, doc_text, restore_as, restore_list_of
from .floods import Quota
from .lemmas import lemma_of, lemma_table
from .lexicon import Lexicon, WordingEntry, builtin_wording
from .lexicon_component import LexiconComponent
from .sections import SectionIndex
from .token_patterns import AnchoredMatcher


class WordingHit(NamedTuple):
    """One phrase of a wording list, found in a posting."""

    list: str  # the list's name, e.g. "masculine", "misspelled"
    entry_index: int  # the entry's place in its list (``lexicon.builtin_wording``)
    text: str
    start: int  # character offsets into doc.text
    end: int
    start_token: int
    end_token: int
    section: str

    @property
    def entry(self) -> WordingEntry:
        """The wording list's entry that was found."""
        return builtin_wording()[self.list][self.entry_index]


restore_as("jdlint_wording", restore_list_of(WordingHit))


class WordingComponent(LexiconComponent):
    """Sets ``doc._.jdlint_wording`` (list of WordingHit, in text order)."""

    def _build(self, lexicon: Lexicon) -> None:
        nlp = self.nlp
        self.table = lemma_table()
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        patterned: list[tuple[str, list[list[dict]]]] = []
        self.entries: dict[int, tuple[str, int, WordingEntry]] = {}
        self.by_lemma: dict[str, list[tuple[str, int, WordingEntry]]] = defaultdict(list)
        self.context: dict[int, tuple[set[tuple[int, ...]], set[tuple[int, ...]]]] = {}
        self.needs_after: dict[int, frozenset[int]] = {}
        self.needs_near: dict[int, frozenset[int]] = {}
        for list_name, entries in lexicon.wording.items():
            for index, entry in enumerate(entries):
                label = f"jdlint_wording:{list_name}:{index}"
                key = nlp.vocab.strings.add(label)
                self.entries[key] = (list_name, index, entry)
                forms = dict.fromkeys((entry.phrase, *entry.variants))
                matcher = self.orth if entry.case_sensitive else self.lower
                matcher.add(label, [nlp.make_doc(form) for form in forms])
                if entry.patterns:
                    patterned.append((label, [list(p) for p in entry.patterns]))
                if entry.lemma and len(nlp.make_doc(entry.phrase)) == 1:
                    lemma = lemma_of(entry.phrase, self.table)
                    self.by_lemma[lemma].append((list_name, index, entry))
                self.context[id(entry)] = (
                    {self._words(nlp, w) for w in entry.not_before},
                    {self._words(nlp, w) for w in entry.not_after},
                )
                if entry.needs_after:
                    self.needs_after[id(entry)] = frozenset(
                        nlp.vocab.strings.add(w.lower()) for w in entry.needs_after
                    )
                if entry.needs_near:
                    self.needs_near[id(entry)] = frozenset(
                        nlp.vocab.strings.add(w.lower()) for w in entry.needs_near
                    )
        # Token patterns run only around the words they cannot do without (token_patterns).
        self.patterns = AnchoredMatcher(nlp.vocab, patterned)

    @staticmethod
    def _words(nlp: Language, phrase: str) -> tuple[int, ...]:
        """A phrase as the LOWER hashes of its tokens, to compare with ``doc.to_array``."""
        return tuple(t.lower for t in nlp.make_doc(phrase))

    def __call__(self, doc: Doc) -> Doc:
        if not self.built:
            self.ensure_built()
        sections = SectionIndex(doc._.jdlint_sections or [])
        tagged = doc.has_annotation("POS")
        found: dict[str, dict[tuple[int, int], tuple[int, WordingEntry]]] = defaultdict(dict)
        for key, start, end in [*self.lower(doc), *self.orth(doc), *self.patterns(doc)]:
            list_name, index, entry = self.entries[key]
            found[list_name][(start, end)] = (index, entry)
        if self.by_lemma:
            lemmas = doc.user_data.get(LEMMAS_KEY)
            if lemmas is None or len(lemmas) != len(doc):
                lemmas = [lemma_of(t.text, self.table) for t in doc]
            wanted = self.by_lemma.keys() & set(lemmas)  # usually empty: no loop at all
            for i, lemma in enumerate(lemmas):
                if lemma in wanted:
                    for list_name, index, entry in self.by_lemma[lemma]:
                        found[list_name].setdefault((i, i + 1), (index, entry))
        # Token offsets, lengths and lower-case forms in one array: no Token or Span objects.
        columns = doc.to_array([IDX, LENGTH, LOWER]) if found else None
        text = doc_text(doc)
        hits = []
        quota = Quota()
        for list_name, entry_at in found.items():
            for start, end in _longest_first(entry_at):
                index, entry = entry_at[(start, end)]
                start_char = int(columns[start, 0])
                end_char = int(columns[end - 1, 0] + columns[end - 1, 1])
                section = sections.kind_at(start_char)
                if entry.sections and section not in entry.sections:
                    continue
                if not self._in_context(doc, columns[:, 2], start, end, entry, tagged):
                    continue
                if not quota.admit((list_name, index)):
                    continue
                hits.append(
                    WordingHit(
                        list=list_name,
                        entry_index=index,
                        text=text[start_char:end_char],
                        start=start_char,
                        end=end_char,
                        start_token=start,
                        end_token=end,
                        section=section,
                    )
                )
        hits.sort(key=lambda h: (h.start, h.list))
        doc._.jdlint_wording = hits
        return doc

    def _in_context(
        self, doc: Doc, lower: Any, start: int, end: int, entry: WordingEntry, tagged: bool
    ) -> bool:
        """False when a word the entry rules out follows or precedes the match, or when the
        pipeline tags parts of speech and the word has none of the entry's."""
        if tagged and entry.pos and end - start == 1 and doc[start].pos_ not in entry.pos:
            return False
        needs = self.needs_after.get(id(entry))
        if needs is not None and not needs.intersection(
            lower[end : end + entry.needs_within].tolist()
        ):
            return False
        near = self.needs_near.get(id(entry))
        if near is not None:
            # within the match's line: a heading or the line before is another statement
            window = entry.needs_within
            first = max(0, start - window)
            for k in range(start - 1, first - 1, -1):
                if "\n" in doc[k].text:
                    first = k + 1
                    break
            last = min(len(doc), end + window)
            for k in range(end, last):
                if "\n" in doc[k].text:
                    last = k
                    break
            around = [*lower[first:start].tolist(), *lower[end:last].tolist()]
            if not near.intersection(around):
                return False
        not_before, not_after = self.context[id(entry)]
        if not_before:
            longest = max(len(words) for words in not_before)
            after = tuple(lower[end : end + longest + entry.not_within - 1].tolist())
            for gap in range(min(entry.not_within, len(after))):
                if any(after[gap : gap + len(words)] == words for words in not_before):
                    return False
        if not_after:
            longest = max(len(words) for words in not_after)
            before = tuple(lower[max(0, start - longest) : start].tolist())
            if any(
                len(before) >= len(w) and before[len(before) - len(w) :] == w for w in not_after
            ):
                return False
        return True


def _longest_first(spans: dict[tuple[int, int], Any]) -> list[tuple[int, int]]:
    """Token ranges without overlaps, the longer winning (as spaCy's filter_spans)."""
    chosen: list[tuple[int, int]] = []
    taken: set[int] = set()
    for start, end in sorted(spans, key=lambda se: (se[0] - se[1], se[0])):
        if not taken.intersection(range(start, end)):
            chosen.append((start, end))
            taken.update(range(start, end))
    return sorted(chosen)


@Language.factory(
    "jdlint_wording",
    default_config={"lexicons": []},
    assigns=["doc._.jdlint_wording"],
    requires=["doc._.jdlint_sections"],
)
def make_wording(nlp: Language, name: str, lexicons: list[str]) -> WordingComponent:
    """Factory for the wording component; ``lexicons`` names extra lexicon files or folders."""
    return WordingComponent(nlp, name, lexicons)
