"""Markdown body → HTML for the preview, and the page a reader would see around it.

The engines and their options are in `editor.core.site.rendering`; `Renderer` renders by the
`MarkdownProfile` it is given (the site's, from its generator), Python-Markdown by default.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import pkgutil
import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

# The engine a Renderer needs is loaded when one is made (`rendering`'s lazy names): a post
# rendered by Python-Markdown does not load markdown-it, nor the other way round.
from editor.core.site import rendering
from editor.core.site.pieces import split_body
from editor.core.site.rendering.limits import MAX_RENDER_CHARS, size_problem, too_large_html
from editor.core.site.rendering.profile import PYTHON_MARKDOWN, MarkdownProfile

if TYPE_CHECKING:
    from editor.core.site.rendering.commonmark import CommonMarkRenderer, Plugin
    from editor.core.site.rendering.python_markdown import PythonMarkdownRenderer

__all__ = ["MAX_RENDER_CHARS", "Rendered", "Renderer", "render_pieces", "size_problem"]
__all__ += ["article", "document", "offline_images", "page", "page_title", "too_large_html"]
__all__ += ["dark_css", "default_css", "format_date"]


_COVER_KEYS = ("coverImage", "cover", "image", "heroImage")
_EXCERPT_KEYS = ("excerpt", "description")
# Fixed English names: `%B` follows LC_TIME, which Qt sets from the user's environment,
# and `post-editor render` output must not change with it.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
_MONTHS += ("September", "October", "November", "December")


class Renderer:
    """Renders post bodies by one `MarkdownProfile` (Python-Markdown when none is given: a
    plain folder's), with one reusable engine: building it (extensions, plugins, pygments
    lexers) costs far more than converting a post, and the preview re-renders on every pause
    in typing. `plugins` (markdown-it-py plugins: site syntax) apply to the CommonMark engine.

    Not thread-safe: give each worker its own Renderer, or render one body at a time.
    """

    def __init__(
        self, profile: MarkdownProfile = PYTHON_MARKDOWN, plugins: Sequence[Plugin] = ()
    ) -> None:
        self.profile = profile
        self._engine: CommonMarkRenderer | PythonMarkdownRenderer
        if profile.engine == "commonmark":
            self._engine = rendering.CommonMarkRenderer(profile, plugins)
        else:
            self._engine = rendering.PythonMarkdownRenderer()

    def render(self, body: str) -> str:
        """The HTML of `body`; never raises, so a half-typed post always shows something. A
        body past MAX_RENDER_CHARS is not rendered: the HTML says it is too large."""
        if size_problem(len(body)):
            return too_large_html(len(body))
        return self._engine.render(body)

    def pieces(self, body: str) -> Rendered:
        """`body` rendered and cut into the preview's pieces (`split_body`), with the source
        line each piece starts at when the engine knows it (CommonMark's token maps, the
        Python-Markdown chunks'). Both engines render block by block, again only the blocks
        that changed since the last call (`blocks`), where that gives the whole's HTML."""
        if size_problem(len(body)):
            return Rendered(split_body(self.render(body)), ())
        blocks = self._engine.blocks(body)
        if blocks is None:
            return Rendered(split_body(self.render(body)), ())
        whole = "".join(block for _, block in blocks)
        pieces = split_body(whole)
        ends, at = [], 0
        for _, block in blocks:
            at += len(block)
            ends.append(at)
        lines, offset = [], 0
        for piece in pieces:
            offset = whole.find(piece, offset) if piece else offset
            found = min(bisect.bisect_right(ends, offset), len(blocks) - 1)
            lines.append(blocks[found][0] if blocks else 0)
            offset += len(piece)
        return Rendered(pieces, tuple(lines))


class Rendered(NamedTuple):
    """A body's pieces (`split_body`) and the source line (from 0) each starts at; `lines` is
    () when the engine gives no source lines (Python-Markdown)."""

    pieces: list[str]
    lines: tuple[int, ...]


_worker_renderers: dict[MarkdownProfile, Renderer] = {}  # the render worker process's own


def render_pieces(body: str, profile: MarkdownProfile = PYTHON_MARKDOWN) -> Rendered:
    """`body` rendered by `profile` and cut into the preview's pieces: what the render worker
    process runs (the preview's `RenderService`), with one Renderer per profile for the
    process's whole life. It lives here, in the core, so that the worker imports only the
    rendering, never Qt."""
    renderer = _worker_renderers.get(profile)
    if renderer is None:
        renderer = _worker_renderers[profile] = Renderer(profile)
    return renderer.pieces(body)


@cache
def default_css() -> str:
    """The packaged preview stylesheet, read once."""
    return _resource("preview.css")


@cache
def dark_css() -> str:
    """The packaged overrides that turn the preview stylesheet dark, read once."""
    return _resource("preview-dark.css")


def _resource(name: str) -> str:
    """A file of the package's `resources` folder, read through its loader (zip-safe): not
    `importlib.resources`, whose readers cost `render FILE` about 3 ms of imports."""
    data = pkgutil.get_data("editor", f"resources/{name}")
    if data is None:  # a loader that cannot read files: the package is broken
        raise FileNotFoundError(f"editor/resources/{name}")
    return data.decode("utf-8")


def format_date(value: object) -> str:
    """A date as a reader sees it ("5 March 2024", "5 March 2024, 09:30"); text that is
    not an ISO date is shown as written."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            try:
                value = dt.datetime.fromisoformat(text)
            except ValueError:
                return text
    if not isinstance(value, dt.date):
        return str(value)
    day = f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    # datetime is a subclass of date; midnight usually means "no time given".
    if isinstance(value, dt.datetime) and (value.hour, value.minute) != (0, 0):
        return f"{day}, {value:%H:%M}"
    return day


def _author(value: object) -> str:
    if isinstance(value, Mapping):  # Next.js starter: author: {name: ..., picture: ...}
        value = value.get("name")
    return _plain(value)


def _plain(value: object) -> str:
    """A scalar as text; lists and mappings (which YAML aliases can make huge) are not shown."""
    if value is None or isinstance(value, list | dict | Mapping):
        return ""
    return str(value)


def _first(meta: Mapping[str, object], keys: tuple[str, ...]) -> str:
    for key in keys:
        text = _plain(meta.get(key)).strip()
        if text:
            return text
    return ""


def page(
    body_html: str, meta: Mapping[str, object], base_css: str | None = None, head: str = ""
) -> str:
    """A full HTML document: title, date, author, cover image, excerpt, then `body_html`.

    Every front-matter value is escaped; `body_html` and `head` (more of the document's
    head, such as meta tags) are inserted as they are. `base_css` replaces the packaged
    stylesheet when given.
    """
    css = default_css() if base_css is None else base_css
    return document(article(body_html, meta), page_title(meta), css, head)


def page_title(meta: Mapping[str, object]) -> str:
    """The title a page of the post carries ("" when it has none that is text)."""
    return _first(meta, ("title",))


def article(body_html: str, meta: Mapping[str, object]) -> str:
    """The post as a reader sees it, in `<div class="post">`: title, byline, cover image and
    excerpt (every front-matter value escaped), then `body_html` as it is. The title is left
    out when the body opens with a heading saying it (`_opens_with`)."""
    esc = html.escape  # quote=True as well, so values are safe inside attributes
    title = page_title(meta)
    if title and _opens_with(body_html, title):
        title = ""  # the body's own first heading is the title: show it once
    date = format_date(meta["date"]) if meta.get("date") not in (None, "") else ""
    byline = " · ".join(esc(part) for part in (date, _author(meta.get("author"))) if part)
    cover = _first(meta, _COVER_KEYS)
    excerpt = _first(meta, _EXCERPT_KEYS)
    header = [
        f'<h1 class="title">{esc(title)}</h1>' if title else "",
        f'<p class="byline">{byline}</p>' if byline else "",
        f'<p class="cover"><img src="{esc(cover)}" alt="" /></p>' if cover else "",
        f'<p class="excerpt">{esc(excerpt)}</p>' if excerpt else "",
    ]
    return "\n".join(
        [
            '<div class="post">',
            *(part for part in header if part),
            f'<div class="body">\n{body_html}\n</div>',
            "</div>",
        ]
    )


_FIRST_HEADING = re.compile(r"\s*<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
_MARKUP = re.compile(r"<[^>]*>")
_EMPHASIS = re.compile(r"[*_`~]+")


def _opens_with(body_html: str, title: str) -> bool:
    """Whether the body's first block is a heading saying `title`. Many posts repeat their
    title as a `# Heading`; the page would then show it twice. Compared as a reader reads
    them: case, spacing and emphasis (`*`, `_`, backticks in the front matter's text, tags
    in the body's) aside."""
    heading = _FIRST_HEADING.match(body_html)
    if heading is None:
        return False
    text = html.unescape(_MARKUP.sub("", heading[2]))
    return _reading(text) == _reading(title)


def _reading(text: str) -> str:
    """`text` as compared for `_opens_with`: no emphasis marks, one space between words,
    case folded."""
    return " ".join(_EMPHASIS.sub("", text).split()).casefold()


def _attr(text: str) -> str:
    """`text` for a double-quoted attribute, its single quotes left readable."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def document(article_html: str, title: str, css: str, head: str = "", policy: str = "") -> str:
    """The HTML document around `article_html`: `policy`, a Content-Security-Policy, first in
    its head (it governs only what follows it), then the charset, `head` as it is, the
    escaped `title` and the stylesheet `css`."""
    csp = (
        f'<meta http-equiv="Content-Security-Policy" content="{_attr(policy)}" />' if policy else ""
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html><head>{csp}<meta charset="utf-8" />',
            *([head] if head else []),
            f"<title>{html.escape(title)}</title>",
            f"<style>\n{css}</style>",
            f"</head><body>{article_html}</body></html>\n",
        ]
    )


_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# Not data-src or data-alt: a lazy loader's attribute is not the picture's address.
_ATTR = re.compile(
    r"""(?<![\w-])(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE
)


def offline_images(body_html: str) -> str:
    """Remote `<img>` tags replaced by a placeholder showing their alt text.

    The preview never touches the network unless the writer allows remote images; a box with
    the alt text shows where the picture goes and what it says.
    """

    def placeholder(tag: re.Match[str]) -> str:
        attrs = {m[1].lower(): m[2] or m[3] or m[4] or "" for m in _ATTR.finditer(tag[0])}
        src = html.unescape(attrs.get("src", ""))
        if not re.match(r"(?i)(https?:)?//", src):
            return tag[0]
        alt = html.unescape(attrs.get("alt", "")) or "remote image"
        title, label = html.escape(src), html.escape(alt)
        return f'<span class="remote-image" title="{title}">[image: {label}]</span>'

    return _IMG_TAG.sub(placeholder, body_html)
