"""Role lexicons and word lists: loading, schema validation and merging.

Lexicons are JSON data files under ``lexicons/`` (installed as ``jdlint.lexicons``), one per
role, plus word lists under ``lexicons/wordlists``. Users extend or override them by role id
with their own files or folders. Everything is loaded once per process; users' files are
validated against their schemas, jdlint's own by the tests.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import LexiconError
from .files import read_regular
from .role_model import RoleModel
from .roles import ROLE_IDS

# A user's lexicon or weights file larger than this is refused (the built-in ones are < 1 MB).
MAX_DATA_BYTES = 64_000_000
WORDLISTS = ("sections", "titles", "duties", "other_work")
# Phrase lists of the wording rules, one file per family (lexicons/wording/<name>.json).
WORDING_FILES = ("gender_coded", "inclusive", "tone", "ai_buzzwords", "technology", "realism")


@dataclass(frozen=True)
class SkillEntry:
    """One skill as a role lexicon lists it."""

    term: str
    variants: tuple[str, ...]
    weight: float
    year: int | None = None
    case_sensitive: bool = False
    # A name of the field ("AI", "machine learning") rather than a tool or a task: postings
    # echo their title's field, so it counts with its lexicon weight only, never fitted.
    field: bool = False
    not_before: tuple[str, ...] = ()  # words that may not follow a match ("Go" in "Go-to-market")

    def forms(self) -> tuple[str, ...]:
        """The spellings matched: the variants when given (the term is then a display name,
        so "orchestration" is not matched as a word), else the term."""
        return self.variants or (self.term,)


@dataclass(frozen=True)
class DutyEntry:
    """Verbs that, acting on one of the objects, describe work of a role."""

    verbs: tuple[str, ...]
    objects: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class WordingEntry:
    """A phrase a wording rule looks for: how it is spelled, where it counts, what to write."""

    phrase: str
    variants: tuple[str, ...] = ()
    suggest: str | None = None
    case_sensitive: bool = False
    lemma: bool = False
    pos: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    needs_after: tuple[str, ...] = ()
    needs_near: tuple[str, ...] = ()
    needs_within: int = 4
    not_within: int = 1
    sections: tuple[str, ...] = ()
    fix: bool = False
    # spaCy Matcher patterns that count as the phrase too (not compared: lists of dicts)
    patterns: tuple[Any, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class TitleWords:
    terms: tuple[str, ...]
    heads: tuple[str, ...]
    generic_terms: tuple[str, ...] = ()
    standalone: tuple[str, ...] = ()
    generic_standalone: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoleLexicon:
    role: str
    name: str
    description: str
    title: TitleWords
    skills: tuple[SkillEntry, ...]
    duties: tuple[DutyEntry, ...]
    sources: tuple[str, ...]
    path: str


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per set of paths
class Lexicon:
    """All role lexicons and word lists in force for one pipeline."""

    roles: dict[str, RoleLexicon]
    wordlists: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    wording: dict[str, tuple[WordingEntry, ...]] = field(default_factory=dict)
    role_model: RoleModel | None = None
    # Token patterns (spaCy Matcher syntax) by word list and list name.
    patterns: dict[str, dict[str, tuple[list[dict[str, Any]], ...]]] = field(default_factory=dict)

    def words(self, wordlist: str, name: str) -> tuple[str, ...]:
        try:
            return self.wordlists[wordlist][name]
        except KeyError:
            raise LexiconError(f"word list '{wordlist}' has no list named '{name}'") from None

    def role_name(self, role: str) -> str:
        lexicon = self.roles.get(role)
        return lexicon.name if lexicon else role


@cache
def _validator(schema_name: str) -> Any:
    from jsonschema import Draft202012Validator

    schema = json.loads(_schema_text(schema_name))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _json_path(error: Any) -> str:
    path = "$"
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _schema_text(schema_name: str) -> str:
    return resources.files("jdlint.schemas").joinpath(schema_name).read_text(encoding="utf-8")


def _read_builtin(text: str) -> dict[str, Any]:
    """Parse one of jdlint's own data files. They are not validated at run time: the tests
    validate every one against its schema, and the installed files are those."""
    return json.loads(text)


def _read_json(path: str, text: str, schema_name: str) -> dict[str, Any]:
    """Parse a user's data file and validate it against its schema."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    errors = sorted(_validator(schema_name).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        message = first.message if len(first.message) <= 160 else first.message[:157] + "..."
        raise LexiconError(f"{path}: {_json_path(first)}: {message}")
    return data


def _role_from_data(data: dict[str, Any], path: str) -> RoleLexicon:
    title = data["title"]
    return RoleLexicon(
        role=data["role"],
        name=data["name"],
        description=data["description"],
        title=TitleWords(
            terms=tuple(title["terms"]),
            heads=tuple(title["heads"]),
            generic_terms=tuple(title.get("generic_terms", ())),
            standalone=tuple(title.get("standalone", ())),
            generic_standalone=tuple(title.get("generic_standalone", ())),
        ),
        skills=tuple(
            SkillEntry(
                term=s["term"],
                variants=tuple(s.get("variants", ())),
                weight=float(s["weight"]),
                year=s.get("year"),
                case_sensitive=bool(s.get("case_sensitive", False)),
                field=bool(s.get("field", False)),
                not_before=tuple(w.lower() for w in s.get("not_before", ())),
            )
            for s in data["skills"]
        ),
        duties=tuple(
            DutyEntry(
                verbs=tuple(d["verbs"]), objects=tuple(d["objects"]), weight=float(d["weight"])
            )
            for d in data["duties"]
        ),
        sources=tuple(data["sources"]),
        path=path,
    )


def check_no_duplicate_terms(lexicon: RoleLexicon) -> None:
    """A term or variant may appear once per role; two entries for it would double its weight."""
    seen: dict[tuple[str, bool], str] = {}
    for skill in lexicon.skills:
        for form in skill.forms():
            key = (form if skill.case_sensitive else form.lower(), skill.case_sensitive)
            if key in seen and seen[key] != skill.term:
                where = f"under both '{seen[key]}' and '{skill.term}'"
                raise LexiconError(f"{lexicon.path}: '{form}' is listed {where}")
            seen[key] = skill.term


def _read_text(path: str, what: str) -> str:
    """A user's data file as text, or one clear message naming it."""
    try:
        data = read_regular(path, MAX_DATA_BYTES)
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    if len(data) > MAX_DATA_BYTES:
        raise LexiconError(f"{path}: {what} is larger than {MAX_DATA_BYTES:,} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: {what} is not UTF-8") from None


def load_role_file(path: str | Path) -> RoleLexicon:
    """Read and validate one role lexicon file."""
    path = str(path)
    text = _read_text(path, "lexicon")
    data = _read_json(path, text, "role-lexicon.schema.json")
    lexicon = _role_from_data(data, path)
    check_no_duplicate_terms(lexicon)
    return lexicon


def _builtin_role_files() -> list[tuple[str, str]]:
    folder = resources.files("jdlint.lexicons")
    out = []
    for role in ROLE_IDS:
        entry = folder.joinpath(f"{role}.json")
        out.append((f"lexicons/{role}.json", entry.read_text(encoding="utf-8")))
    return out


@cache
def role_names() -> dict[str, str]:
    """Each built-in role's display name ("AI Engineer"), by role id (for the reports)."""
    return {
        role: json.loads(text)["name"]
        for (_, text), role in zip(_builtin_role_files(), ROLE_IDS, strict=True)
    }


def _load_wordlists() -> tuple[dict[str, dict[str, tuple[str, ...]]], dict[str, dict]]:
    """The word lists and their token patterns, by word list and list name."""
    folder = resources.files("jdlint.lexicons.wordlists")
    lists, patterns = {}, {}
    for name in WORDLISTS:
        text = folder.joinpath(f"{name}.json").read_text(encoding="utf-8")
        data = _read_builtin(text)
        lists[name] = {key: tuple(words) for key, words in data["lists"].items()}
        patterns[name] = {key: tuple(p) for key, p in data.get("patterns", {}).items()}
    return lists, patterns


@cache
def _load_wording() -> dict[str, tuple[WordingEntry, ...]]:
    """The wording lists (built in only: ``--lexicon`` does not extend them), read once, so
    that every Lexicon shares the same entries and a WordingHit can name its entry by place."""
    folder = resources.files("jdlint.lexicons.wording")
    out: dict[str, tuple[WordingEntry, ...]] = {}
    for name in WORDING_FILES:
        path = f"lexicons/wording/{name}.json"
        text = folder.joinpath(f"{name}.json").read_text(encoding="utf-8")
        data = _read_builtin(text)
        for key, entries in data["lists"].items():
            if key in out:
                raise LexiconError(f"{path}: list '{key}' is also defined in another file")
            out[key] = tuple(_wording_entry(e) for e in entries)
    return out


def _wording_entry(data: dict[str, Any]) -> WordingEntry:
    lists = (
        "variants",
        "pos",
        "not_before",
        "not_after",
        "needs_after",
        "needs_near",
        "sections",
        "patterns",
    )
    return WordingEntry(**{k: tuple(v) if k in lists else v for k, v in data.items()})


@lru_cache(maxsize=64)
def wording_forms(lexicon: Lexicon, list_name: str) -> frozenset[str]:
    """Every spelling of every entry of a wording list, lower-cased; built once per lexicon."""
    entries = lexicon.wording.get(list_name, ())
    return frozenset(form.lower() for e in entries for form in (e.phrase, *e.variants))


def builtin_wording() -> dict[str, tuple[WordingEntry, ...]]:
    """The wording lists, by list name: the same objects every Lexicon holds."""
    return _load_wording()


def lexicon_files(paths: Iterable[str | Path]) -> list[Path]:
    """The lexicon files that ``paths`` name, in the order they are merged: each file as
    given, each folder's ``*.json`` by name. A path that is neither is a LexiconError."""
    return _expand(paths)


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(path.glob("*.json"))
            if not found:
                raise LexiconError(f"{path}: no lexicon files (*.json) in this folder")
            files.extend(found)
        elif path.is_file() or os.path.lexists(path):
            files.append(path)  # a broken link or a loop: reading it says what is wrong
        else:
            raise LexiconError(f"{path}: no such lexicon file or folder")
    return files


def merge(base: RoleLexicon, extra: RoleLexicon) -> RoleLexicon:
    """A user lexicon for an existing role adds its words; a skill it names again replaces ours."""
    replaced = {s.term.lower() for s in extra.skills}
    skills = tuple(s for s in base.skills if s.term.lower() not in replaced) + extra.skills
    merged = RoleLexicon(
        role=base.role,
        name=extra.name or base.name,
        description=extra.description or base.description,
        title=TitleWords(
            terms=tuple(dict.fromkeys(base.title.terms + extra.title.terms)),
            heads=tuple(dict.fromkeys(base.title.heads + extra.title.heads)),
            generic_terms=tuple(
                dict.fromkeys(base.title.generic_terms + extra.title.generic_terms)
            ),
            standalone=tuple(dict.fromkeys(base.title.standalone + extra.title.standalone)),
            generic_standalone=tuple(
                dict.fromkeys(base.title.generic_standalone + extra.title.generic_standalone)
            ),
        ),
        skills=skills,
        duties=base.duties + extra.duties,
        sources=tuple(dict.fromkeys(base.sources + extra.sources)),
        path=f"{base.path}+{extra.path}",
    )
    check_no_duplicate_terms(merged)
    return merged


def _load_role_model(path: str | None) -> RoleModel:
    """The fitted role weights: the built-in file, or ``path``."""
    if path is None:
        folder = resources.files("jdlint.lexicons.weights")
        text = folder.joinpath("roles.json").read_text(encoding="utf-8")
        return RoleModel.from_data(_read_builtin(text))
    text = _read_text(path, "role weights")
    return RoleModel.from_data(_read_json(path, text, "role-weights.schema.json"))


@lru_cache(maxsize=16)
def _load(paths: tuple[str, ...], replace: bool, weights: str | None = None) -> Lexicon:
    roles = {}
    for path, text in _builtin_role_files():
        lexicon = _role_from_data(_read_builtin(text), path)
        check_no_duplicate_terms(lexicon)
        roles[lexicon.role] = lexicon
    for file in _expand(paths):
        extra = load_role_file(file)
        if extra.role in roles and not replace:
            roles[extra.role] = merge(roles[extra.role], extra)
        else:
            roles[extra.role] = extra
    wordlists, patterns = _load_wordlists()
    return Lexicon(
        roles=roles,
        wordlists=wordlists,
        patterns=patterns,
        wording=_load_wording(),
        role_model=_load_role_model(weights),
    )


def load_lexicon(
    paths: Sequence[str | Path] = (), *, replace: bool = False, weights: str | Path | None = None
) -> Lexicon:
    """The built-in lexicons extended (or, with ``replace``, overridden) by ``paths``, and the
    fitted role weights (the built-in ones, or the file ``weights``).

    Each path is a role lexicon file or a folder of them. Results are cached per process, so
    every pipeline component that asks for the same paths shares one validated lexicon.
    """
    resolved = os.path.realpath(weights) if weights else None
    return _load(tuple(os.path.realpath(p) for p in paths), replace, resolved)
