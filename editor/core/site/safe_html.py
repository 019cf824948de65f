"""What an exported page may hold: the post's HTML with nothing that runs or fetches, and the
Content-Security-Policy that locks the page a second time.

A post's body is Markdown, and Markdown lets raw HTML through: a post written or pulled from
someone else can carry `<script>`, `onerror=` handlers, `javascript:` links, an `<iframe>`, a
`<meta http-equiv=refresh>` that sends the reader elsewhere, or a `<base>` that re-aims every
relative link. The live preview is a QTextBrowser, which runs no script and follows nothing
by itself; a browser opening an exported page does both.

So an exported page gets two locks, as GitHub and PyPI do for READMEs:

1. `clean` keeps only the HTML that Markdown and a writer's formatting need, by an allow-list,
   through nh3 (Python's binding of Ammonia, the sanitizer PyPI's readme_renderer uses since
   bleach was retired). Ammonia parses with html5ever, the HTML5 parser of Servo, so it reads
   the markup as a browser would: no `<scr<script>ipt>` or entity trick gets past a parser that
   disagrees with the browser, the failing of a home-made pass over `html.parser`. Scripts,
   frames, objects, forms, `<meta>`, `<base>`, `<style>` and every `on*=` attribute go; links
   keep only web, mail and the like (no `javascript:`, `vbscript:`, `data:` or `file:`);
   a picture may be `data:image/...`; a `style` attribute that could fetch (`url(`) goes.
2. `policy` is the page's Content-Security-Policy, set by a `<meta>` first in its head:
   `default-src 'none'` (no script, frame, font, media or connection at all), inline styles
   (the stylesheet and code colours are inline), pictures from `data:` and `file:` (the
   export's own embedded and linked pictures), and from the web only when the writer asked
   for remote pictures (View > Remote Images, `render --remote-images`). `base-uri` and
   `form-action`, which `default-src` does not cover, are 'none'.

Qt-free.
"""

from __future__ import annotations

import re

import nh3

# Ammonia's tags and attributes, plus what Python-Markdown writes: ids (headings, footnotes),
# classes (code blocks, footnotes, the table of contents) and inline styles (code colours,
# table alignment).
_TAGS = frozenset(nh3.ALLOWED_TAGS)
_ATTRIBUTES = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRIBUTES["*"] = {"id", "class", "style", "title", "lang", "dir"}
_ATTRIBUTES["img"] |= {"title"}
# Removed with what they hold: their content is code or another page, not the post's text.
_CLEAN_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "noscript", "template", "title"}
)
# `data` is let through Ammonia's scheme check so that a picture may be embedded; the filter
# below then keeps it for pictures only.
_SCHEMES = frozenset(nh3.ALLOWED_URL_SCHEMES) | {"data"}
_URL_ATTRIBUTES = frozenset({"href", "src", "cite", "longdesc", "action", "formaction"})
_IMAGE_DATA = re.compile(r"data:image/[a-z0-9.+-]+[;,]", re.IGNORECASE)
# What a browser ignores inside a URL's scheme (tabs, line breaks, spaces, controls).
_IGNORED = re.compile(r"[\x00-\x20]+")
# CSS that fetches (`url(`, `image-set(`, `@import`), or hides what it says (escapes).
_FETCHING_STYLE = re.compile(r"url\s*\(|image(?:-set)?\s*\(|@import|\\|expression", re.I)

BASE_POLICY = (
    "default-src 'none'; img-src data: file:{remote}; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'"
)


def policy(remote_images: bool = False) -> str:
    """The exported page's Content-Security-Policy; with `remote_images`, pictures may come
    from the web too."""
    return BASE_POLICY.format(remote=" https: http:" if remote_images else "")


def _attribute(tag: str, name: str, value: str) -> str | None:
    """Ammonia's last word on each attribute it kept: `data:` only for a picture's source,
    and no style that fetches."""
    if name in _URL_ATTRIBUTES:
        plain = _IGNORED.sub("", value).lower()
        if plain.startswith("data:") and not (
            tag == "img" and name == "src" and _IMAGE_DATA.match(plain)
        ):
            return None
    if name == "style" and _FETCHING_STYLE.search(value):
        return None
    return value


def clean(fragment: str) -> str:
    """`fragment` (the post's HTML: its header and body) with only what cannot run or fetch
    (see the module's docstring)."""
    return nh3.clean(
        fragment,
        tags=set(_TAGS),
        clean_content_tags=set(_CLEAN_CONTENT),
        attributes=_ATTRIBUTES,
        attribute_filter=_attribute,
        url_schemes=set(_SCHEMES),
        link_rel=None,  # the writer's links as written: the policy stops what rel would
        strip_comments=True,
    )
