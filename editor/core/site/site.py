"""The site around a content folder: where it starts, what it serves at "/", and the files that a
post's local references (images, links) name.

A content folder is usually one folder of a larger site (Hugo's `content/posts`, Astro's
`src/content/blog`, Jekyll's `_posts`). Checking that a post's image exists, or copying a dropped
image where the site will publish it, needs that site:

    root = site_root(folder)             # the folder holding hugo.toml, _config.yml, .git...
    roots = static_roots(root)           # [root/static, root/assets] for Hugo, [root] for Jekyll
    path = resolve_local("../img/a.png", post_path, root)
    if path is not None and not exists_in(path, root): ...   # a local reference to nothing

`Site` does the same for many references at once, remembering what it found on disk.
`body_references` lists the images, links and link tags of a post's Markdown body.

Nothing here reads a file's content, and nothing outside the site root is ever looked at: a
reference that climbs out of the site with `..` names a path outside it, which `exists_in`
reports as absent without touching it. Qt-free, like all of `editor.core`.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import unquote

from editor.core.document import fenced_spans
from editor.core.schema import IMAGE_EXTENSIONS
from editor.core.site.site_roots import site_kind, site_root

# The folders each generator copies to the site's "/" as they are, in the order it looks.
# Hugo serves static/ and builds pages from assets/ (its `resources.Get` finds "/img/a.png"
# there), Astro and Next.js serve public/, Gatsby static/. Jekyll copies the whole source
# folder (but for _underscored folders), hence "". Eleventy copies what its config says,
# most often from the site folder or src/. A site of unknown make gets every usual one: a
# check had better find a file where the site may not serve it than call a present file
# missing.
_SERVED: dict[str, tuple[str, ...]] = {
    "jekyll": ("",),
    "hugo": ("static", "assets"),
    "astro": ("public",),
    "next": ("public",),
    "gatsby": ("static",),
    "eleventy": ("", "src", "public", "static", "assets"),
    "zola": ("static",),
}
_ANY_SITE = ("public", "static", "assets", "src", "")
# Served folders whose files a generator reads but does not publish at "/": Hugo's assets/
# feeds its pipes (`resources.Get`), so "/x.png" names a file there for a theme, yet a link
# to it is dead on the built site.
_UNPUBLISHED: dict[str, tuple[str, ...]] = {"hugo": ("assets",)}

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def static_roots(site: Path) -> list[Path]:
    """The existing folders whose files `site` publishes at "/" (so "/img/a.png" is
    `root/img/a.png` for the first root holding it), in the order the generator looks:
    public/ for Astro and Next.js, static/ then assets/ for Hugo, the site folder itself
    for Jekyll; public/, static/, assets/, src/ and the site folder for a site of unknown
    make (Eleventy's copies are in its config, which is code)."""
    names = _SERVED.get(site_kind(site) or "", _ANY_SITE)
    return [site / name if name else site for name in names if (site / name).is_dir()]


def local_path(ref: str) -> str | None:
    """The file path part of a local reference, percent-decoded, without `?query` or
    `#fragment`; None when `ref` is not local: a URL with a scheme (https:, mailto:, data:),
    a protocol-relative "//host/...", an anchor "#x", a template expression (`{{ ... }}`,
    `{% ... %}`, which only the site generator can evaluate), code (`#{x}`, `${x}`, a
    backslash), or nothing at all."""
    ref = ref.strip()
    if ref.startswith("<") and ref.endswith(">"):  # Markdown's <dest with spaces>
        ref = ref[1:-1].strip()
    if not ref or ref.startswith(("#", "//")) or _SCHEME.match(ref):
        return None
    if "{{" in ref or "{%" in ref or "#{" in ref or "${" in ref or "\\" in ref:
        return None  # a template, or code: `"<img src=\"#{url}\">"` in a code block
    path = unquote(re.split(r"[?#]", ref, maxsplit=1)[0])
    return path or None


class Site:
    """A site's root folder, the folders it serves at "/" (`roots`; `published`: those whose
    files reach the built site), and the files that local references in its posts name. It
    remembers what it found on disk (files, real paths of folders), so checking thousands of
    references costs few system calls: make a new one to see changes.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(os.path.abspath(root))
        self.roots = static_roots(self.root)
        hidden = _UNPUBLISHED.get(site_kind(self.root) or "", ())
        self.published = [root for root in self.roots if root.name not in hidden]
        self._text = str(self.root)
        self._real = os.path.realpath(self._text)
        self._files: dict[str, bool] = {}
        self._real_dirs: dict[str, str] = {}

    @classmethod
    def around(cls, content_root: Path) -> Site:
        """The site a content folder belongs to (see `site_root`)."""
        return cls(site_root(content_root))

    def resolve(self, ref: str, post_path: Path) -> Path | None:
        """The file a local image or link reference in a post names; None when `ref` is not
        local (see `local_path`).

        A relative reference ("img/a.png", "../other.md") is read against the post's folder,
        as Markdown renderers and the preview read it, then against the page's address (a
        pretty URL is one folder deeper than its file), then against the static roots (themes
        read a front-matter "images/a.png" there). A root-relative one ("/img/a.png") is read
        against the static roots, or the site folder when it has none. The result is the
        first of those places holding a file inside the site; when none does, the first
        place looked at: where the reference says the file is. That path lies outside the
        site when the reference climbs out of it with `..`; it is then not looked at, and
        `exists` says it is absent.
        """
        path = local_path(ref)
        if path is None:
            return None
        relative = path.lstrip("/")
        if path.startswith("/"):
            bases = [str(root) for root in self.roots] or [self._text]
        else:
            # The post's folder as Markdown reads it, then its address as the browser does:
            # a page published at /tutorials/intro/ (pretty URLs) reads "../img/a.png" from
            # that address, one folder deeper than its file.
            post = os.path.abspath(post_path)
            bases = [os.path.dirname(post), os.path.splitext(post)[0], *map(str, self.roots)]
        places = [os.path.normpath(os.path.join(base, relative)) for base in bases]
        return Path(next((place for place in places if self._exists(place)), places[0]))

    def exists(self, path: Path | str) -> bool:
        """Whether `path` is a file inside the site: lexically first (a path outside is not
        looked at), then with symbolic links followed (a link inside the site to a file
        outside it does not count: the site would publish a dangling link, or someone else's
        file)."""
        return self._exists(os.path.normpath(os.path.abspath(path)))

    def contains(self, path: Path | str) -> bool:
        """Whether `path` lies inside the site, as written (no link followed, nothing read)."""
        return _within(os.path.normpath(os.path.abspath(path)), self._text)

    def _exists(self, text: str) -> bool:
        known = self._files.get(text)
        if known is None:
            known = self._files[text] = (
                _within(text, self._text)
                and os.path.isfile(text)
                and _within(self._real_path(text), self._real)
            )
        return known

    def _real_path(self, text: str) -> str:
        if os.path.islink(text):
            return os.path.realpath(text)
        folder, name = os.path.split(text)
        real = self._real_dirs.get(folder)
        if real is None:
            real = self._real_dirs[folder] = os.path.realpath(folder)
        return os.path.join(real, name)


def resolve_local(ref: str, post_path: Path, site: Path) -> Path | None:
    """The file a local reference in the post at `post_path` names, in `site` (see
    `Site.resolve`); None when `ref` is not local. For many references, make one `Site`."""
    return Site(site).resolve(ref, post_path)


def exists_in(path: Path, site: Path) -> bool:
    """Whether `path` is a file inside `site`, links followed (see `Site.exists`)."""
    return Site(site).exists(path)


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


# ---- what a post's body refers to ------------------------------------------------------------

RefKind = Literal["image", "link", "hugo-ref", "post_url", "jekyll-link"]


@dataclass(frozen=True)
class Reference:
    """A reference in a post's body: an image, a link, or a site generator's link tag."""

    kind: RefKind  # image: ![](...), <img src>, Hugo figure; link: [](...), <a href>
    target: str  # as written, without the quotes or <> around it
    line: int  # 0-based, within the text scanned


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# What the generator prints as it is, never following a link in it: Liquid's raw, comment
# and highlight blocks (Jekyll), Hugo's escaped shortcodes `{{</* ref "x" */>}}` and its
# code-showing shortcodes (`highlight`, and `code`, `output` of themes and Hugo's own docs).
_VERBATIM = re.compile(
    r"\{%-?\s*(?P<liquid>raw|comment|highlight)\b.*?\{%-?\s*end(?P=liquid)\s*-?%\}"
    r"|\{\{[<%]/\*.*?\*/[>%]\}\}"
    r"|\{\{[<%]-?\s*(?P<hugo>highlight|code|code-toggle|output)\b.*?\{\{[<%]-?\s*/(?P=hugo)\s*-?[>%]\}\}",
    re.S,
)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)")  # no re.S: a span within a line
_DEST = r"(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"
_TITLE = r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?"""
# Link text may hold one level of brackets, so a linked image [![alt](a.png)](post.md) is one
# match whose text is searched again for the image.
_INLINE = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*" + _DEST + _TITLE + r"\s*\)")
_REF_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*(<[^>\n]*>|\S+)", re.M)
_QUOTED = r"""("[^"\n]*"|'[^'\n]*'|`[^`\n]*`"""
_HTML = {
    "image": re.compile(r"<img\b[^>]*?\ssrc\s*=\s*" + _QUOTED + r"|[^\s>\"']+)", re.I),
    "link": re.compile(r"<a\b[^>]*?\shref\s*=\s*" + _QUOTED + r"|[^\s>\"']+)", re.I),
}
_TAGS: dict[RefKind, re.Pattern[str]] = {
    "image": re.compile(r"\{\{[<%]-?\s*figure\b[^\n]*?\ssrc\s*=\s*" + _QUOTED + ")"),
    "hugo-ref": re.compile(
        r"\{\{[<%]-?\s*(?:rel)?ref\s+(?:path\s*=\s*)?" + _QUOTED + r"|[^\s\"'`%>]+)"
    ),
    "post_url": re.compile(r"\{%-?\s*post_url\s+([^\s%]+)\s*-?%\}"),
    "jekyll-link": re.compile(r"\{%-?\s*link\s+([^\s%]+)\s*-?%\}"),
}
# Where a reference may start: found by looking at each "]", "{" and "<" with str.find (several
# times faster than a regex scan of the whole text). A link to a URL, an anchor or a mail
# address is no hint: the many lines holding only web links are never looked at closely.
_REMOTE = re.compile(r"\s*<?(?:[A-Za-z][A-Za-z0-9+.-]*:|//|#)")
_TAG_HINTS = ("{{<", "{{%", "{%")
_HTML_HINT = re.compile(r"<(?:img|a)\s", re.I)


def body_references(body: str) -> list[Reference]:
    """Every image, link and link tag in a Markdown body, in text order: inline `![]()` and
    `[]()`, reference definitions `[id]: dest` (as an image or a link by the file's
    extension), HTML `<img src>` and `<a href>`, Hugo's `figure`, `ref` and `relref`
    shortcodes, Jekyll's `{% post_url %}` and `{% link %}`. What sits in fenced code (fences as
    the line grammar reads them), in a code span or in an HTML comment is text, not a
    reference, and is left out (indented code
    blocks are not told apart from list paragraphs, so they are read as text). Links to web
    addresses, anchors and mail addresses are not references to local files and may be left
    out too. A reference must stand on one line."""
    lines = _hinted_lines(body)
    if not lines:  # most posts: nothing to look at
        return []
    hidden = _hidden_spans(body)
    found: list[Reference] = []
    line_no = counted = 0  # line_no is the number of line breaks before `counted`
    for start in lines:
        line_no += body.count("\n", counted, start)
        counted = start
        end = body.find("\n", start)
        line = _blank_hidden(body[start : len(body) if end < 0 else end], start, hidden)
        if "`" in line:
            line = _CODE_SPAN.sub(_blank, line)
        found += [Reference(kind, _unquote(target), line_no) for kind, target in _refs(line)]
    return found


def _positions(text: str, token: str) -> Iterator[int]:
    at = text.find(token)
    while at >= 0:
        yield at
        at = text.find(token, at + 1)


def _hinted_lines(body: str) -> list[int]:
    """The offsets where the lines that may hold a reference start, in order."""
    hits = []
    for at in _positions(body, "]"):
        after = body[at + 1 : at + 2]
        if after == ":" or (after == "(" and not _REMOTE.match(body, at + 2)):
            hits.append(at)
    hits += [at for at in _positions(body, "{") if body.startswith(_TAG_HINTS, at)]
    hits += [at for at in _positions(body, "<") if _HTML_HINT.match(body, at)]
    return sorted({body.rfind("\n", 0, at) + 1 for at in hits})


def _refs(line: str) -> list[tuple[RefKind, str]]:
    """(kind, target as written) of the references on one line, in order."""
    found: list[tuple[int, RefKind, str]] = []
    for m in _INLINE.finditer(line):
        found.append((m.start(), "image" if m[1] else "link", m[3]))
        found += [
            (m.start(2) + inner.start(), "image" if inner[1] else "link", inner[3])
            for inner in _INLINE.finditer(m[2])
        ]
    m = _REF_DEFINITION.match(line)
    if m and not m[1].startswith("^"):  # [^1]: is a footnote, not a link
        kind: RefKind = "image" if _unquote(m[2]).lower().endswith(IMAGE_EXTENSIONS) else "link"
        found.append((0, kind, m[2]))
    for kind, pattern in (*_HTML.items(), *_TAGS.items()):
        found += [(m.start(), kind, m[1]) for m in pattern.finditer(line)]
    found.sort(key=lambda item: item[0])
    return [(kind, target) for _, kind, target in found]


def _unquote(target: str) -> str:
    if len(target) >= 2 and target[0] + target[-1] in ('""', "''", "``", "<>"):
        return target[1:-1].strip()
    return target


def _hidden_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) offsets of fenced code blocks, HTML comments and what the generator prints
    verbatim (`_VERBATIM`), sorted, not overlapping."""
    spans = fenced_spans(body)
    if "<!--" in body:
        spans += [m.span() for m in _COMMENT.finditer(body)]
    if "{%" in body or "{{" in body:
        spans += [m.span() for m in _VERBATIM.finditer(body)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:  # a comment inside a fence, or the reverse
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _blank_hidden(line: str, offset: int, hidden: list[tuple[int, int]]) -> str:
    """`line` (found at `offset` of the body) with the parts inside `hidden` blanked."""
    end = offset + len(line)
    i = bisect_left(hidden, (end, end))  # the spans starting before the line's end
    while i > 0 and hidden[i - 1][1] > offset:
        i -= 1
        a, b = max(hidden[i][0], offset) - offset, min(hidden[i][1], end) - offset
        line = line[:a] + " " * (b - a) + line[b:]
    return line


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())
