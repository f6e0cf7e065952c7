"""What jdlint's components built from lexicons share: where their lexicons come from, when
they are built, and how a saved pipeline carries the user's lexicon files inside it.

A component (sections, skills, duties, wording) is built from the built-in lexicons plus the
user's extra lexicon files, named either by its ``lexicons`` setting (paths, kept in
``nlp.config``) or, the spaCy way that leaves no path in the config, by
``initialize(lexicons=...)`` (``build_nlp`` does that; ``nlp.initialize()`` reads it from
``[initialize.components.<name>]``). ``to_disk`` writes a copy of every file the component read
into its folder of the saved pipeline, and ``from_disk`` builds the component from those copies:
``spacy.load`` needs neither the files nor their paths.

A component is built once, when it is first needed: at ``initialize``, ``from_disk``, ``to_disk``
or the first Doc, whichever comes first (so a pipeline that is made and then given its lexicons
builds each component once, not twice).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from .errors import LexiconError
from .extensions import register_extensions
from .files import read_regular
from .lexicon import MAX_DATA_BYTES, Lexicon, lexicon_files, load_lexicon

# The folder, inside a component's folder of a saved pipeline, that holds its lexicon copies.
LEXICON_FOLDER = "lexicons"
_COPY_NUMBER = re.compile(r"^\d{3}-")


class LexiconComponent:
    """Base of the components built from lexicons; a subclass builds itself in ``_build``."""

    def __init__(self, nlp: Language, name: str, lexicons: Sequence[str]) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.lexicon_paths = [str(p) for p in lexicons]
        # (file name, bytes) of every extra lexicon file the component was built from.
        self.lexicon_copies: list[tuple[str, bytes]] = []
        self.built = False

    def _build(self, lexicon: Lexicon) -> None:
        raise NotImplementedError

    def ensure_built(self) -> None:
        """Build the component now, unless it is built."""
        if not self.built:
            self._load()

    def _load(self) -> None:
        lexicon = load_lexicon(self.lexicon_paths)  # a bad file: its one clear message
        copies = []
        for path in lexicon_files(self.lexicon_paths):
            try:
                copies.append((path.name, read_regular(path, MAX_DATA_BYTES)))
            except OSError as exc:  # gone since it was read: say so, as load_lexicon does
                raise LexiconError(f"{path}: cannot read lexicon: {exc.strerror or exc}") from None
        self._build(lexicon)
        self.lexicon_copies = copies
        self.built = True

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lexicons: list[str] | tuple[str, ...] = (),  # builtins only: spaCy validates by them
    ) -> None:
        """Build the component from the built-in lexicons plus ``lexicons`` (files or folders),
        read now; ``to_disk`` saves their content, never their paths."""
        self.lexicon_paths = [str(p) for p in lexicons]
        self._load()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write a copy of every extra lexicon file into ``path/lexicons`` (named in the order
        they are merged)."""
        self.ensure_built()
        folder = Path(path) / LEXICON_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.json"):
            old.unlink()  # copies of an earlier save must not join this one's
        for n, (name, data) in enumerate(self.lexicon_copies):
            stem = _COPY_NUMBER.sub("", Path(name).stem)
            (folder / f"{n:03d}-{stem}.json").write_bytes(data)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LexiconComponent:
        """Build the component from the lexicon copies ``to_disk`` wrote (a pipeline saved
        without them keeps the lexicons its config names)."""
        folder = Path(path) / LEXICON_FOLDER
        if folder.is_dir():
            self.lexicon_paths = [str(folder)] if any(folder.glob("*.json")) else []
        self._load()
        return self
