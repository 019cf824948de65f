"""How long a body the renderers take, and what is shown for a longer one."""

from __future__ import annotations

import html

MAX_RENDER_CHARS = 1_000_000
"""The longest body rendered, in characters. Python-Markdown takes about 1 s per million
characters of prose on this project's machines (2-3 s with dense inline markup; README's
benchmark machine about half that), and more than in proportion past it: a 200 MB body ran
for minutes. Past this the preview says the post is too large to preview, and export and
`post-editor render` refuse it (`size_problem`). A long book chapter is a tenth of it."""


def size_problem(chars: int) -> str | None:
    """Why a body of `chars` characters is not rendered, or None when it is."""
    if chars <= MAX_RENDER_CHARS:
        return None
    return (
        f"this post is too large to render ({chars:,} characters;"
        f" previews and pages stop at {MAX_RENDER_CHARS:,})"
    )


def too_large_html(chars: int) -> str:
    """What the preview shows in place of a body too large to render."""
    return (
        f'<p class="render-error">This post is too large to preview ({chars:,} characters;'
        f" the preview stops at {MAX_RENDER_CHARS:,}). All of its text is in the editor.</p>"
    )


def failed_html(error: BaseException, body: str) -> str:
    """What the preview shows when a renderer fails on `body`: the text as written."""

    return (
        f'<p class="render-error">The preview could not render this text '
        f"({html.escape(type(error).__name__)}); it is shown as written.</p>\n"
        f"<pre>{html.escape(body)}</pre>"
    )
