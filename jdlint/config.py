"""Configuration: ``[tool.jdlint]`` in pyproject.toml, ``[jdlint]`` in setup.cfg, or
``.jdlint.toml``, found from each linted file's folder upward to the repository root, and
validated against ``schemas/config.schema.json``. Command-line flags override it."""

from __future__ import annotations

import configparser
import json
import os
import sys
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import JdlintError
from .files import read_regular
from .rules import Rule, resolve_selectors

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}
MAX_CONFIG_BYTES = 10_000_000
CONFIG_FILES = (".jdlint.toml", "pyproject.toml", "setup.cfg")


class ConfigError(JdlintError):
    """A configuration file is unreadable or not valid."""


@dataclass(frozen=True)
class Config:
    """Settings in force for a file. ``root`` is where relative paths and globs start."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    lexicons: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "warning"  # info findings are shown but do not fail a run
    root: Path = field(default_factory=Path.cwd)
    path: str | None = None  # the file it came from

    @cached_property
    def selected(self) -> tuple[Rule, ...]:
        """The rules selected for every file under this config (worked out once)."""
        return resolve_selectors(self.select, self.ignore, self.extend_select)

    def rules_for(self, file: str | Path) -> tuple[Rule, ...]:
        """The rules selected for one file, after its per-file ignores."""
        if not self.per_file_ignores:
            return self.selected  # no path to resolve: two realpaths a file were 1% of a run
        relative = self._relative(file)
        ignored: list[str] = []
        for pattern, selectors in self.per_file_ignores.items():
            if _glob_match(relative, pattern):
                ignored.extend(selectors)
        if not ignored:
            return self.selected
        skip = {r.code for r in resolve_selectors(list(ignored), (), ())}
        return tuple(r for r in self.selected if r.code not in skip)

    def excludes(self, file: str | Path) -> bool:
        if not self.exclude:
            return False
        relative = self._relative(file)
        return any(_glob_match(relative, pattern) for pattern in self.exclude)

    def severity_of(self, rule: Rule) -> str:
        return self.severity.get(rule.code) or self.severity.get(rule.name) or rule.severity

    def fails(self, severity: str) -> bool:
        return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[self.fail_on]

    def lexicon_paths(self) -> tuple[str, ...]:
        return tuple(os.path.realpath(self.root / p) for p in self.lexicons)

    def _relative(self, file: str | Path) -> str:
        try:
            relative = os.path.relpath(os.path.realpath(file), os.path.realpath(self.root))
            return Path(relative).as_posix()
        except ValueError:  # another drive on Windows
            return Path(file).as_posix()


def _glob_match(relative: str, pattern: str) -> bool:
    """Does the pattern match the path relative to the configuration's folder, with git's
    semantics (as in .gitignore): without a slash it matches a name at any depth, ``*`` stays
    within one folder, ``**`` crosses folders, and a matched folder matches all below it."""
    return _pattern(pattern).match_file(relative)


@lru_cache(maxsize=1024)
def _pattern(pattern: str) -> Any:
    from pathspec import GitIgnoreSpec  # only when a configuration has patterns

    return GitIgnoreSpec.from_lines([pattern])


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    text = resources.files("jdlint.schemas").joinpath("config.schema.json").read_text("utf-8")
    return Draft202012Validator(json.loads(text))


def _from_mapping(data: dict[str, Any], path: Path, where: str) -> Config:
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        key = ".".join(str(p) for p in error.absolute_path)
        if error.validator == "additionalProperties" and not key:
            unknown = sorted(set(data) - set(_validator().schema["properties"]))
            raise ConfigError(f"{path}: {where}: unknown key '{unknown[0]}'")
        raise ConfigError(f"{path}: {where}.{key}: {error.message}")
    try:
        resolve_selectors(data.get("select"), data.get("ignore", ()), data.get("extend-select", ()))
        for selectors in data.get("per-file-ignores", {}).values():
            resolve_selectors(selectors, (), ())
        for key in data.get("severity", {}):
            resolve_selectors([key], (), ())
    except JdlintError as exc:
        raise ConfigError(f"{path}: {where}: {exc}") from None
    root = Path(os.path.realpath(path.parent))
    for lexicon in data.get("lexicons", ()):
        # A configuration file in a repository of postings is untrusted: it may name lexicons
        # of its own folder, not read files elsewhere. --lexicon on the command line may.
        if os.path.commonpath([root, os.path.realpath(root / lexicon)]) != str(root):
            raise ConfigError(
                f"{path}: {where}.lexicons: '{lexicon}' is outside the configuration's folder "
                f"{root}; give it with --lexicon instead"
            )
    return Config(
        select=tuple(data["select"]) if "select" in data else None,
        ignore=tuple(data.get("ignore", ())),
        extend_select=tuple(data.get("extend-select", ())),
        per_file_ignores={k: tuple(v) for k, v in data.get("per-file-ignores", {}).items()},
        exclude=tuple(data.get("exclude", ())),
        lexicons=tuple(data.get("lexicons", ())),
        severity=dict(data.get("severity", {})),
        fail_on=data.get("fail-on", "warning"),
        root=path.parent,
        path=str(path),
    )


def _split_list(value: str) -> list[str]:
    return [v.strip() for v in value.replace("\n", ",").split(",") if v.strip()]


def _setup_cfg_mapping(section: configparser.SectionProxy) -> dict[str, Any]:
    """setup.cfg values are strings: lists are comma- or line-separated; per-file-ignores and
    severity are ``key: value`` lines (as flake8 writes them)."""
    data: dict[str, Any] = {}
    for key, value in section.items():
        if key in ("per-file-ignores", "severity"):
            table: dict[str, Any] = {}
            for line in value.splitlines():
                if not line.strip():
                    continue
                name, _, rest = line.partition(":")
                if key == "severity":
                    table[name.strip()] = rest.strip()
                else:
                    table[name.strip()] = _split_list(rest)
            data[key] = table
        elif key == "fail-on":
            data[key] = value.strip()
        else:
            data[key] = _split_list(value)
    return data


def load_config_file(path: str | Path) -> Config | None:
    """The jdlint configuration in a file, or None when the file has no jdlint section."""
    path = Path(path)
    try:
        data = read_regular(path, MAX_CONFIG_BYTES)
        if len(data) > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: configuration larger than {MAX_CONFIG_BYTES:,} bytes")
        text = data.decode("utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    if path.name == "setup.cfg" or path.suffix == ".cfg":
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(text, source=str(path))
        except configparser.Error as exc:
            raise ConfigError(f"{path}: not a valid INI file: {exc}") from None
        if not parser.has_section("jdlint"):
            return None
        return _from_mapping(_setup_cfg_mapping(parser["jdlint"]), path, "[jdlint]")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        section = tool.get("jdlint") if isinstance(tool, dict) else None
        if section is None:
            return None
        if not isinstance(section, dict):
            raise ConfigError(f"{path}: [tool.jdlint]: is not a table")
        return _from_mapping(section, path, "[tool.jdlint]")
    return _from_mapping(data, path, "top level")


def discover_config(start: str | Path, cache: dict[Path, Config] | None = None) -> Config:
    """The configuration for a file or folder: the nearest config file from ``start``'s folder
    upward, stopping at the repository root (a folder holding .git). Default if none.
    ``cache`` (folder -> config) saves re-reading for files in the same folder."""
    folder = Path(os.path.realpath(start))
    if not folder.is_dir():
        folder = folder.parent
    if cache is None:
        return _discover_in(folder)
    if folder not in cache:
        cache[folder] = _discover_in(folder)
    return cache[folder]


def _discover_in(folder: Path) -> Config:
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file():
                config = load_config_file(path)
                if config is not None:
                    return config
        if (candidate / ".git").exists():
            break
    return Config(root=Path.cwd())


def with_overrides(config: Config, **overrides: Any) -> Config:
    """The config with command-line values (those not None) in place of its own."""
    values = {k: v for k, v in overrides.items() if v is not None}
    return replace(config, **values)


@dataclass(frozen=True)
class ConfigResolver:
    """The configuration for each path as the command line asks: an explicit ``--config``
    file, none at all (``--isolated``), or discovery; then the flags on top. Picklable, so
    worker processes resolve the same way."""

    explicit: str | None = None
    isolated: bool = False
    overrides: tuple[tuple[str, Any], ...] = ()
    _cache: dict[Path, Config] = field(default_factory=dict, compare=False, repr=False)
    # base config's key -> it with the flags applied: every file of a folder shares one Config
    _final: dict[Any, Config] = field(default_factory=dict, compare=False, repr=False)

    def __call__(self, path: str) -> Config:
        if self.isolated:
            key: Any = "isolated"
        elif self.explicit:
            key = ("explicit", os.path.realpath(self.explicit))
        elif path in ("<stdin>", "<text>"):
            key = Path.cwd().resolve()
        else:
            key = Path(os.path.realpath(path))  # never raises, even on a symlink loop
            key = key if key.is_dir() else key.parent
        if key not in self._final:
            self._final[key] = self._with_flags(self._base(key))
        return self._final[key]

    def _base(self, key: Any) -> Config:
        if key == "isolated":
            return Config(root=Path.cwd())
        if isinstance(key, tuple):
            return _explicit(self.explicit or "")
        return discover_config(key, self._cache)

    def _with_flags(self, base: Config) -> Config:
        overrides = dict(self.overrides)
        extend = overrides.pop("extend_select", None)
        config = with_overrides(base, **overrides)
        if extend:
            config = replace(config, extend_select=config.extend_select + tuple(extend))
        return config


def _explicit(path: str) -> Config:
    if not os.path.lexists(path):
        raise ConfigError(f"{path}: no such configuration file")
    config = load_config_file(path)
    if config is None:
        where = "[tool.jdlint]" if path.endswith("pyproject.toml") else "[jdlint]"
        raise ConfigError(f"{path}: no {where} section")
    return config
