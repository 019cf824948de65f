"""Which `MarkdownProfile` a post is rendered by: its site generator's
(`Generator.markdown_profile`), unless a `.post-editor.yaml` names the engine
(`markdown: commonmark | python-markdown`)."""

from __future__ import annotations

from pathlib import Path

from editor.core.errors import PostError
from editor.core.schema.nearest import file_schema
from editor.core.site.generators import Generator, detect_generator
from editor.core.site.rendering.profile import ENGINES, MarkdownProfile
from editor.core.site.site_syntax import site_syntax_context


def chosen_profile(generator: Generator, declared: str | None) -> MarkdownProfile:
    """`generator`'s profile, on the engine `declared` by `.post-editor.yaml` when it names
    one (a plain folder asking for CommonMark gets GFM's extensions with it)."""
    profile = generator.markdown_profile()
    for engine in ENGINES:
        if declared == engine and engine != profile.engine:
            return profile.with_engine(engine, ".post-editor.yaml")
    return profile


def profile_of_post(generator: Generator, declared: str | None, path: Path) -> MarkdownProfile:
    """The profile the post at `path` in `generator`'s site is rendered by: the site's (or
    `declared` engine's), with the syntax the site adds to that post's Markdown."""
    profile = chosen_profile(generator, declared)
    return profile.with_syntax(site_syntax_context(generator, path))


def post_profile(path: Path) -> MarkdownProfile:
    """The profile the post at `path` is rendered by (its site's, or its folder's choice)."""
    # Only a `.post-editor.yaml` names an engine (a CMS config never does): the nearest one that
    # governs the post is read, not the site's CMS configs (`schema_for_post` would parse them).
    try:
        found = file_schema(path.parent.resolve(), anywhere=True)
    except (PostError, OSError):
        found = None  # a broken .post-editor.yaml is reported where it is read
    declared = found[0].markdown if found is not None else None
    return profile_of_post(detect_generator(path.parent), declared, path)
