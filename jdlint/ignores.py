"""What folder discovery leaves out, as git does: ``.gitignore`` and ``.ignore`` files (in the
folder walked, in its subfolders, and in the folders above it up to the repository root),
``.git/info/exclude`` and the global excludes file (``core.excludesFile``, by default
``~/.config/git/ignore``).

Patterns have git's semantics (the ``pathspec`` library): a pattern with a slash is anchored to
the folder of its file, ``dir/`` matches folders only, ``!`` re-includes, the deepest file that
matches decides, and nothing below an ignored folder comes back.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

IGNORE_FILES = (".gitignore", ".ignore")
_EXCLUDES_FILE = re.compile(r"^\s*excludesfile\s*=\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class _Rules:
    base: Path  # the folder the patterns are relative to
    spec: GitIgnoreSpec


def _spec(lines: list[str]) -> GitIgnoreSpec | None:
    from pathspec import GitIgnoreSpec

    lines = [line for line in lines if line.strip() and not line.startswith("#")]
    return GitIgnoreSpec.from_lines(lines) if lines else None


def _read(path: Path) -> list[str]:
    try:
        if not path.is_file():
            return []
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read(1_000_000).splitlines()
    except OSError:
        return []  # an unreadable ignore file ignores nothing, as git's does


def _repository_root(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _global_excludes() -> Path | None:
    """The global excludes file git reads: core.excludesFile, else its default."""
    xdg = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    for config in (Path.home() / ".gitconfig", xdg / "git" / "config"):
        found = _EXCLUDES_FILE.findall("\n".join(_read(config)))
        if found:
            return Path(os.path.expanduser(found[-1].strip('"')))
    return xdg / "git" / "ignore"


class Ignores:
    """The ignore rules for a walk below ``root``: ``base`` holds those in force at ``root``
    (global, repository and the folders above); ``enter`` adds a folder's own files."""

    def __init__(self, root: Path) -> None:
        root = Path(os.path.realpath(root))
        rules: list[_Rules] = []
        repository = _repository_root(root)
        if repository is not None:
            for path in (_global_excludes(), repository / ".git" / "info" / "exclude"):
                spec = _spec(_read(path)) if path is not None else None
                if spec is not None:
                    rules.append(_Rules(repository, spec))
            above = [p for p in reversed(root.parents) if repository in (p, *p.parents)]
            for folder in above:
                rules.extend(self._own(folder))
        self.base: tuple[_Rules, ...] = tuple(rules)

    @staticmethod
    def _own(folder: Path) -> list[_Rules]:
        spec = _spec([line for name in IGNORE_FILES for line in _read(folder / name)])
        return [_Rules(folder, spec)] if spec is not None else []

    def enter(self, folder: Path, inherited: tuple[_Rules, ...]) -> tuple[_Rules, ...]:
        """The rules for the entries of ``folder`` (a real path), given its parent's."""
        return inherited + tuple(self._own(folder))

    @staticmethod
    def ignored(rules: tuple[_Rules, ...], path: Path, is_dir: bool) -> bool:
        """Does git ignore ``path`` (a real path) under ``rules``? The deepest file with a
        matching pattern decides."""
        for rule in reversed(rules):
            try:
                relative = path.relative_to(rule.base).as_posix()
            except ValueError:
                continue
            result = rule.spec.check_file(relative + ("/" if is_dir else ""))
            if result.include is not None:
                return result.include
        return False
