"""What the site-syntax plugins need to know about the site a post belongs to, and how to read
it from the site's own files (`site_syntax_context`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from types import MappingProxyType

from editor.core.site.generators import Generator

# Generator.name -> the name the plugins use.
_NAMES = {"next": "nextjs"}


@dataclass(frozen=True)
class SiteSyntaxContext:
    """The site around a post, as the site-syntax plugins see it.

    `generator`: "hugo", "jekyll", "astro", "eleventy", "nextjs", "zola" or "plain".
    `site_variables`: the values Liquid's `{{ site.NAME }}` gives (Jekyll's `_config.yml`).
    `emoji`: whether the site turns `:shortcode:` into emoji (Hugo's `enableEmoji`, Jekyll's
    jemoji plugin). `resolve_link`: a page's URL from the path a Hugo `ref`/`relref` or a
    Jekyll `{% link %}`/`{% post_url %}` names, None when unknown (the path is shown then).
    `file_type`: the post's suffix, ".md" or ".mdx" (MDX only applies to the latter).
    `summary_separator`: the line that ends a post's summary, None for none.
    """

    generator: str = "plain"
    site_variables: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    emoji: bool = False
    resolve_link: Callable[[str], str | None] | None = None
    file_type: str = ".md"
    summary_separator: str | None = None


def site_syntax_context(generator: Generator, path: PurePath) -> SiteSyntaxContext:
    """The context of the post at `path` in `generator`'s site, read from the site's config."""
    name = _NAMES.get(generator.name, generator.name)
    config = generator.config
    variables: Mapping[str, object] = MappingProxyType({})
    emoji = False
    separator = None
    if name == "hugo":
        # Hugo lower-cases its config keys (hugo_config.load_config).
        emoji = _truthy(config.get("enableemoji"))
        separator = "<!--more-->"
    elif name == "jekyll":
        variables = MappingProxyType(dict(config))
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
