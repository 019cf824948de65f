"""A Hugo site's configuration read as Hugo reads it, without running Hugo.

Hugo takes the first of `hugo.toml`, `hugo.yaml`, `hugo.yml`, `hugo.json`, then the same
names spelled `config.*`, at the site root, and the configuration directory
`config/_default/`, where `hugo.toml` (or `config.toml`) holds root keys and any other file
holds the root key it is named after (`params.toml`, `languages.yaml`; `menus.en.toml` is
the `menus` of the language `en`); `config/production/` overrides those for a `hugo` build,
which is the one that publishes. Hugo's keys are case-insensitive (`baseURL` is `baseurl`):
every key here is lower-cased, values are left as written.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from editor.core import lazy_module
from editor.core.site.generators.base import deep_merge
from editor.core.site.generators.detection import (
    HUGO_CONFIG_BASES,
    HUGO_CONFIG_DIR,
    HUGO_CONFIG_EXTENSIONS,
    HUGO_CONFIG_FILES,
)
from editor.core.site.generators.hugo_values import as_list, truth

if TYPE_CHECKING:
    import yaml

    from editor.core.document import safe_yaml
else:  # loaded where a YAML config file is read: a site configured in TOML loads no YAML
    yaml = lazy_module("yaml")
    safe_yaml = lazy_module("editor.core.document.safe_yaml")

# Hugo's config files mark its site, too: they are named once, in `detection`.
CONFIG_BASES = HUGO_CONFIG_BASES
CONFIG_EXTENSIONS = HUGO_CONFIG_EXTENSIONS
CONFIG_FILES = HUGO_CONFIG_FILES
CONFIG_DIR = HUGO_CONFIG_DIR
# The environment a plain `hugo` build uses: what it publishes is what the writer means.
ENVIRONMENT = "production"


def load_config(root: Path) -> tuple[dict[str, object], list[str], str | None]:
    """The site's configuration (keys lower-cased), sentences about what could not be read,
    and the path of the configuration file that holds the root keys, relative to `root`
    (None when there is none)."""
    notes: list[str] = []
    config: dict[str, object] = {}
    main = next((name for name in CONFIG_FILES if (root / name).is_file()), None)
    for env in ("_default", ENVIRONMENT):
        folder = root / CONFIG_DIR / env
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            part = path.name.split(".")
            if len(part) < 2 or part[-1] not in CONFIG_EXTENSIONS or not path.is_file():
                continue
            read = _read(path, root, notes)
            if read is None:
                continue
            key, lang = part[0].lower(), part[1].lower() if len(part) == 3 else None
            if key in CONFIG_BASES:
                main = main or path.relative_to(root).as_posix()
            else:
                read = {key: read}
                if lang:
                    read = {"languages": {lang: read}}
            config = deep_merge(config, read)
    if main is not None and "/" not in main:
        # The file at the root wins over the configuration directory.
        read = _read(root / main, root, notes)
        config = deep_merge(config, read or {})
    return config, notes, main


def built_languages(config: Mapping[str, object], default: str) -> tuple[str, ...]:
    """The languages Hugo builds, `default` first: those of `languages` that are not
    disabled (`disabled: true`, `disableLanguages`), by weight (unweighted ones last), then
    by key; `default` alone when the site declares none."""
    declared = config.get("languages")
    declared = declared if isinstance(declared, Mapping) else {}
    disabled = {str(x).lower() for x in as_list(config.get("disablelanguages"))}
    weights = {}
    for key, settings in declared.items():
        settings = settings if isinstance(settings, Mapping) else {}
        if key not in disabled and not truth(settings.get("disabled")):
            weight = settings.get("weight")
            weights[key] = weight if isinstance(weight, int) else 0
    ordered = sorted(weights, key=lambda k: (weights[k] == 0, weights[k], k))
    return (default, *(k for k in ordered if k != default))


def content_dirs(
    config: Mapping[str, object], languages: tuple[str, ...]
) -> dict[PurePosixPath, str | None]:
    """The site's content dirs (relative to the root), each with the language all its
    files are in, or None for a dir shared by languages (file-name suffixes tell them
    apart): `module.mounts` targeting `content` when the site declares them, else each
    language's `contentDir`, and `contentDir` (default `content`) for the languages
    without one."""
    mounts = config.get("module")
    mounts = mounts.get("mounts") if isinstance(mounts, Mapping) else None
    dirs: dict[PurePosixPath, str | None] = {}
    for mount in as_list(mounts):
        if isinstance(mount, Mapping) and str(mount.get("target", "")).strip("/") == "content":
            source, lang = _rel_dir(mount.get("source")), mount.get("lang")
            if source is not None:
                dirs.setdefault(source, str(lang).lower() if lang else None)
    if dirs:
        return dirs
    declared = config.get("languages")
    per_language = {}
    if isinstance(declared, Mapping):
        for lang in languages:
            settings = declared.get(lang)
            if isinstance(settings, Mapping) and (own := _rel_dir(settings.get("contentdir"))):
                per_language[lang] = own
    if any(lang not in per_language for lang in languages):
        dirs[_rel_dir(config.get("contentdir")) or PurePosixPath("content")] = None
    for lang, folder in per_language.items():
        dirs.setdefault(folder, lang)
    return dirs


def lowered(value: object) -> object:
    """`value` with the keys of every map in it lower-cased, as Hugo reads its config."""
    if isinstance(value, Mapping):
        return {str(k).lower(): lowered(v) for k, v in value.items()}
    if isinstance(value, list):
        return [lowered(v) for v in value]
    return value


def _rel_dir(value: object) -> PurePosixPath | None:
    """A folder setting as a path inside the site; None for none or one outside it."""
    if not isinstance(value, str) or not value.strip():
        return None
    path = PurePosixPath(os.path.normpath(value.strip().replace("\\", "/")))
    if path.is_absolute() or path.parts[:1] == ("..",) or path == PurePosixPath("."):
        return None
    return path


def _read(path: Path, root: Path, notes: list[str]) -> dict[str, object] | None:
    """One configuration file as a map with lower-cased keys; None, and a note, when it
    cannot be read."""
    rel = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".toml":
            data: object = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            data = safe_yaml.load(text)
    except (OSError, UnicodeDecodeError) as error:
        notes.append(f"Cannot read {rel}: {getattr(error, 'strerror', None) or error}.")
        return None
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, yaml.YAMLError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        notes.append(f"{rel} cannot be read ({reason}): Hugo's defaults are used.")
        return None
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        notes.append(f"{rel} does not hold settings by name: Hugo's defaults are used.")
        return None
    result = lowered(data)
    assert isinstance(result, dict)
    return result
