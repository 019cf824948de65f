"""What the site-syntax plugins need to know about the site a post belongs to, and how to read
it from the site's own files (`site_syntax_context`). The context itself is part of the
post's `MarkdownProfile` (`rendering.profile`), so the preview's worker builds its parser
from one value."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath

from editor.core.site.generators import Generator
from editor.core.site.rendering.profile import SiteSyntaxContext

# Generator.name -> the name the plugins use.
_NAMES = {"next": "nextjs"}


def site_syntax_context(generator: Generator, path: PurePath) -> SiteSyntaxContext:
    """The context of the post at `path` in `generator`'s site, read from the site's config."""
    name = _NAMES.get(generator.name, generator.name)
    config = generator.config
    variables: Mapping[str, object] = {}
    emoji = False
    separator = None
    if name == "hugo":
        # Hugo lower-cases its config keys (hugo_config.load_config).
        emoji = _truthy(config.get("enableemoji"))
        separator = "<!--more-->"
    elif name == "jekyll":
        variables = dict(config)
        plugins = [*_as_list(config.get("plugins")), *_as_list(config.get("gems"))]
        emoji = "jemoji" in plugins
        value = config.get("excerpt_separator")
        # The default separator is a blank line: nothing to mark.
        separator = value.strip() if isinstance(value, str) and value.strip() else None
    elif name == "zola":
        separator = "<!-- more -->"
    return SiteSyntaxContext(
        generator=name,
        site_variables=variables,
        emoji=emoji,
        file_type=path.suffix.lower(),
        summary_separator=separator,
    )


def _truthy(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "on", "1")
    return bool(value)


def _as_list(value: object) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return [str(value)] if value is not None else []
