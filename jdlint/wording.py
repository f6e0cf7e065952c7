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
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from .duties import lemma_of, lemma_table
from .extensions import LEMMAS_KEY, SPANS_WORDING, register_extensions
from .lexicon import WordingEntry, load_lexicon
from .sections import SectionIndex

NEEDS_AFTER_WINDOW = 4  # words after a match that may hold one of its "needs_after" words


@dataclass(frozen=True)
class WordingHit:
    """One phrase of a wording list, found in a posting."""

    list: str  # the list's name, e.g. "masculine", "misspelled"
    entry: WordingEntry
    text: str
    start: int  # character offsets into doc.text
    end: int
    start_token: int
    end_token: int
    section: str


class WordingComponent:
    """Sets ``doc._.jdlint_wording`` (list of WordingHit, in text order) and the span group
    ``jdlint_wording``."""

    def __init__(self, nlp: Language, name: str, lexicons: list[str]) -> None:
        register_extensions()
        self.name = name
        lexicon = load_lexicon(lexicons)
        self.table = lemma_table()
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entries: dict[int, tuple[str, WordingEntry]] = {}
        self.by_lemma: dict[str, list[tuple[str, WordingEntry]]] = defaultdict(list)
        self.context: dict[int, tuple[set[tuple[str, ...]], set[tuple[str, ...]]]] = {}
        self.needs_after: dict[int, frozenset[str]] = {}
        for list_name, entries in lexicon.wording.items():
            for index, entry in enumerate(entries):
                label = f"jdlint_wording:{list_name}:{index}"
                key = nlp.vocab.strings.add(label)
                self.entries[key] = (list_name, entry)
                forms = dict.fromkeys((entry.phrase, *entry.variants))
                matcher = self.orth if entry.case_sensitive else self.lower
                matcher.add(label, [nlp.make_doc(form) for form in forms])
                if entry.lemma and len(nlp.make_doc(entry.phrase)) == 1:
                    self.by_lemma[lemma_of(entry.phrase, self.table)].append((list_name, entry))
                self.context[id(entry)] = (
                    {self._words(nlp, w) for w in entry.not_before},
                    {self._words(nlp, w) for w in entry.not_after},
                )
                if entry.needs_after:
                    self.needs_after[id(entry)] = frozenset(w.lower() for w in entry.needs_after)

    @staticmethod
    def _words(nlp: Language, phrase: str) -> tuple[str, ...]:
        return tuple(t.lower_ for t in nlp.make_doc(phrase))

    def __call__(self, doc: Doc) -> Doc:
        sections = SectionIndex(doc._.jdlint_sections or [])
        tagged = doc.has_annotation("POS")
        found: dict[str, list[tuple[int, int, WordingEntry]]] = defaultdict(list)
        for key, start, end in [*self.lower(doc), *self.orth(doc)]:
            list_name, entry = self.entries[key]
            found[list_name].append((start, end, entry))
        if self.by_lemma:
            lemmas = doc.user_data.get(LEMMAS_KEY)
            if lemmas is None or len(lemmas) != len(doc):
                lemmas = [lemma_of(t.text, self.table) for t in doc]
            for i, lemma in enumerate(lemmas):
                for list_name, entry in self.by_lemma.get(lemma, ()):
                    found[list_name].append((i, i + 1, entry))
        hits = []
        for list_name, matches in found.items():
            entry_at = {(s, e): entry for s, e, entry in matches}
            for span in filter_spans([doc[s:e] for s, e in entry_at]):
                entry = entry_at[(span.start, span.end)]
                section = sections.kind_at(span.start_char)
                if entry.sections and section not in entry.sections:
                    continue
                if not self._in_context(doc, span.start, span.end, entry, tagged):
                    continue
                hits.append(
                    WordingHit(
                        list=list_name,
                        entry=entry,
                        text=span.text,
                        start=span.start_char,
                        end=span.end_char,
                        start_token=span.start,
                        end_token=span.end,
                        section=section,
                    )
                )
        hits.sort(key=lambda h: (h.start, h.list))
        doc._.jdlint_wording = hits
        doc.spans[SPANS_WORDING] = [doc[h.start_token : h.end_token] for h in hits]
        return doc

    def _in_context(
        self, doc: Doc, start: int, end: int, entry: WordingEntry, tagged: bool
    ) -> bool:
        """False when a word the entry rules out follows or precedes the match, or when the
        pipeline tags parts of speech and the word has none of the entry's."""
        if tagged and entry.pos and end - start == 1 and doc[start].pos_ not in entry.pos:
            return False
        needs = self.needs_after.get(id(entry))
        if needs is not None and not any(
            t.lower_ in needs for t in doc[end : end + NEEDS_AFTER_WINDOW]
        ):
            return False
        not_before, not_after = self.context[id(entry)]
        for words in not_before:
            after = doc[end : end + len(words)]
            if len(after) == len(words) and tuple(t.lower_ for t in after) == words:
                return False
        for words in not_after:
            if start >= len(words):
                before = doc[start - len(words) : start]
                if tuple(t.lower_ for t in before) == words:
                    return False
        return True


@Language.factory(
    "jdlint_wording",
    default_config={"lexicons": []},
    assigns=["doc._.jdlint_wording"],
    requires=["doc._.jdlint_sections"],
)
def make_wording(nlp: Language, name: str, lexicons: list[str]) -> WordingComponent:
    """Factory for the wording component; ``lexicons`` names extra lexicon files or folders."""
    return WordingComponent(nlp, name, lexicons)
