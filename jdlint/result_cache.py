"""The result cache: a posting's result, kept for as long as nothing it depends on changes.

Like ruff's cache, one entry per posting, keyed by a SHA-256 digest of everything its result
depends on: the file's bytes and suffix (the suffix picks the reader), the rules in force for it
and their severities, the lexicon and weight files (jdlint's own and the user's, by content),
jdlint's version and its code files (by size and time, so an edited checkout never serves old
results), spaCy's version and the read options. Whatever changes, the key changes: a stale
entry is never found, only left behind (``jdlint clean`` removes the folder).

The folder is ``.jdlint_cache`` in the working directory unless given; it holds a ``.gitignore``
and a ``CACHEDIR.TAG`` so that git and backup tools leave it alone. Entries are written to a
temporary file and renamed into place, so a reader sees a whole entry or none; an entry that
cannot be read or parsed is a miss, never an error. Checking the cache loads no spaCy.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from importlib import metadata, resources
from pathlib import Path

from . import __version__
from .config import Config
from .errors import InputError
from .files import read_regular
from .results import FileResult
from .source import decode

DEFAULT_FOLDER = ".jdlint_cache"
# A cached result is a few kilobytes; a posting at the 1 MB limit with thousands of findings
# stays well under this.
MAX_ENTRY_BYTES = 32_000_000
# The marker that makes a folder ours: ``jdlint clean`` removes no folder without it.
TAG_NAME = "CACHEDIR.TAG"
TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by jdlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
GITIGNORE = "# Automatically created by jdlint.\n*\n"
_DATA_PACKAGES = (
    "jdlint.lexicons",
    "jdlint.lexicons.wordlists",
    "jdlint.lexicons.wording",
    "jdlint.lexicons.weights",
    "jdlint.schemas",
)


def _package_fingerprint() -> bytes:
    """jdlint's files by (name, size, mtime), its lexicons and schemas by content."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            stat = path.stat()
            name = path.relative_to(package).as_posix()
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    for package_name in _DATA_PACKAGES:
        folder = resources.files(package_name)
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".json"):
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.digest()


def _user_files(paths: Iterable[str]) -> list[Path] | None:
    """The user's lexicon files behind ``paths`` (folders expanded as the loader does), or
    None when one is missing: then the run must not be served from the cache, so the loader
    reports it."""
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(path.glob("*.json")))
        elif path.is_file():
            files.append(path)
        else:
            return None
    return files


class ResultCache:
    """Results of postings linted before, in ``folder``, under the read options given."""

    def __init__(
        self,
        folder: str | Path,
        *,
        encoding: str | None,
        max_bytes: int,
        input_format: str | None,
    ) -> None:
        self.folder = Path(folder)
        self.encoding, self.max_bytes = encoding, max_bytes
        digest = hashlib.sha256()
        try:
            spacy_version = metadata.version("spacy")
        except metadata.PackageNotFoundError:  # pragma: no cover - spaCy is a dependency
            spacy_version = "?"
        options = (__version__, spacy_version, encoding, max_bytes, input_format)
        digest.update(json.dumps(options).encode())
        digest.update(_package_fingerprint())
        self._base = digest
        self._lexicons: dict[tuple[str, ...], bytes | None] = {}

    def _lexicon_digest(self, paths: tuple[str, ...]) -> bytes | None:
        if paths not in self._lexicons:
            files = _user_files(paths)
            if files is None:
                self._lexicons[paths] = None
            else:
                digest = hashlib.sha256()
                for file in files:
                    digest.update(str(file).encode() + b"\0" + file.read_bytes() + b"\0")
                self._lexicons[paths] = digest.digest()
        return self._lexicons[paths]

    def key(self, path: str, data: bytes, config: Config, lexicons: tuple[str, ...]) -> str | None:
        """The entry's name for a file's bytes under its configuration and lexicon paths
        (the command line's and the configuration's); None when it cannot be cached."""
        lexicon_digest = self._lexicon_digest(lexicons)
        if lexicon_digest is None:
            return None
        rules = config.rules_for(path)
        settings = [[rule.code, config.severity_of(rule)] for rule in rules]
        digest = self._base.copy()
        digest.update(json.dumps([Path(path).suffix.lower(), settings]).encode())
        digest.update(lexicon_digest)
        digest.update(data)
        return digest.hexdigest()

    def lookup(
        self, path: str, config: Config, lexicons: tuple[str, ...]
    ) -> tuple[str | None, FileResult | None]:
        """The key of a posting file and its cached result (None for a miss). A file that
        cannot be read or decoded has no key: linting it reports why."""
        try:
            data = read_regular(path, self.max_bytes)  # a FIFO or a device: refused, not read
            if len(data) > self.max_bytes:
                return None, None
            text = decode(data, path, self.encoding)
        except (OSError, InputError):
            return None, None
        key = self.key(path, data, config, (*lexicons, *config.lexicon_paths()))
        return key, None if key is None else self.get(key, path, text)

    def _entry(self, key: str) -> Path:
        return self.folder / __version__ / f"{key}.json"

    def get(self, key: str, path: str, text: str) -> FileResult | None:
        """The cached result for ``key``, as the result of ``path`` (whose decoded text is
        ``text``); None if there is none or it cannot be read."""
        try:
            # The cache is untrusted input: a regular file only (a FIFO planted there would
            # block, a link to /dev/zero never end), and no bigger than an entry can be.
            data = read_regular(self._entry(key), MAX_ENTRY_BYTES)
            if len(data) > MAX_ENTRY_BYTES:
                return None
            entry = json.loads(data.decode("utf-8"))
            if entry.get("key") != key:
                return None
            return FileResult.from_dict({**entry["result"], "path": path}, text)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, result: FileResult) -> None:
        """Store a result, atomically; a folder that cannot be written is left alone."""
        entry = self._entry(key)
        try:
            self._make_folder()
            entry.parent.mkdir(exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"key": key, "result": result.to_dict()}, handle)
            os.replace(temporary, entry)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    def _make_folder(self) -> None:
        if (self.folder / TAG_NAME).is_file():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
        (self.folder / TAG_NAME).write_text(TAG, encoding="utf-8")


def clean(folder: str | Path) -> bool:
    """Remove a cache folder jdlint made (it has jdlint's CACHEDIR.TAG); True if removed."""
    folder = Path(folder)
    try:
        tag = (folder / TAG_NAME).read_text(encoding="utf-8")
    except OSError:
        return False
    if "created by jdlint" not in tag:
        return False
    shutil.rmtree(folder)
    return True
