"""Hugo shortcodes in the preview: `{{< name args >}}` and `{{% name args %}}`, self-closing
or paired, in a line or on lines of their own.

`figure` is drawn as the `<figure>` Hugo's own shortcode makes, `ref`/`relref` as a link (to
the resolved URL when the context knows it, else to the path), `highlight` as a code block;
any other shortcode is a theme's template we cannot run, so it shows as a box labelled with
its name and arguments. The inner content of a paired shortcode is rendered as Markdown: Hugo
does so for `{{% %}}`; for `{{< >}}` it hands the inner text to the template as it is, and
most themes' templates pass it through `markdownify` or `.Page.RenderString`, so Markdown is
the likeliest look. Shortcode comments `{{</* x */>}}` show as `{{< x >}}`, as Hugo prints
them. Hugo replaces shortcodes before Markdown runs, so a `ref` inside a link's destination
(`[a]({{< ref "b.md" >}})`) is replaced by its URL before parsing too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline

from editor.core.site.site_syntax.boxes import (
    PROTECTED_BRACE,
    box_over_lines,
    closing_line,
    fence_token,
    line_of,
    push_block_html,
    push_inline_html,
    push_mark,
    push_mark_close,
    push_mark_open,
    tokenize_inline_inner,
)

Resolver = Callable[[str], str | None] | None

# One shortcode tag: `{{<` or `{{%`, an optional `/` (a closing tag), the name, the
# arguments (quoted strings may hold anything but their quote), an optional `/` (self-closing).
TAG = re.compile(
    r"\{\{(?P<d>[<%])\s*(?P<close>/)?\s*(?P<name>[\w.-]+(?:/[\w.-]+)*)"
    r"(?P<args>\s(?:\"(?:[^\"\\]|\\.)*\"|`[^`]*`|[^\"`])*?)?\s*(?P<self>/)?\s*[>%]\}\}",
    re.DOTALL,
)
_COMMENT = re.compile(r"\{\{([<%])/\*(.*?)\*/([>%])\}\}", re.DOTALL)
_ARG = re.compile(r"(?:([\w-]+)\s*=\s*)?(\"(?:[^\"\\]|\\.)*\"|`[^`]*`|[^\s\"`=]+)")
_REF_IN_LINK = re.compile(r"(\]\(\s*|\]:\s*)\{\{([<%])\s*(rel)?ref\s+(.*?)\s*[>%]\}\}", re.DOTALL)
CSS = "shortcode"
KIND = "shortcode"


def use_hugo(md: MarkdownIt, resolve: Resolver) -> None:
    """Teach `md` Hugo's shortcodes."""
    md.core.ruler.after("normalize", "hugo_protect", lambda state: _protect(state, resolve))
    md.block.ruler.before(
        "table",
        "hugo_shortcode",
        lambda state, start, end, silent: _block(state, start, end, silent, resolve),
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.inline.ruler.before(
        "text", "hugo_shortcode", lambda state, silent: _inline(state, silent, resolve)
    )


def parse_args(args: str) -> tuple[list[str], dict[str, str]]:
    """A shortcode's positional and named arguments, unquoted."""
    positional: list[str] = []
    named: dict[str, str] = {}
    for match in _ARG.finditer(args):
        value = match.group(2)
        if value[:1] == '"':
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        elif value[:1] == "`":
            value = value[1:-1]
        if match.group(1):
            named[match.group(1)] = value
        else:
            positional.append(value)
    return positional, named


def _protect(state: StateCore, resolve: Resolver) -> None:
    """Shortcode comments become literal text; refs in link destinations become URLs."""
    text = _COMMENT.sub(
        lambda m: f"{PROTECTED_BRACE}{{{m.group(1)}{m.group(2)}{m.group(3)}}}}}", state.src
    )
    state.src = _REF_IN_LINK.sub(lambda m: m.group(1) + _ref_url(m.group(4), resolve), text)


def _ref_url(args: str, resolve: Resolver) -> str:
    positional, named = parse_args(args)
    path = named.get("path") or (positional[0] if positional else "")
    url = (resolve(path) if resolve else None) or path
    # A destination may hold no space or unbalanced parenthesis.
    return quote(url, safe="/#?&=:%.-_~")


def _match(src: str, pos: int) -> re.Match[str] | None:
    if not src.startswith("{{", pos) or src[pos + 2 : pos + 3] not in ("<", "%"):
        return None
    match = TAG.match(src, pos)
    if match is None:
        return None
    closer = src[match.end() - 3]
    if (match.group("d") == "<") != (closer == ">"):
        return None
    return match


def _closing(name: str) -> re.Pattern[str]:
    return re.compile(r"\{\{[<%]\s*/\s*" + re.escape(name) + r"\s*[>%]\}\}")


def _opening(name: str) -> re.Pattern[str]:
    return re.compile(r"\{\{[<%]\s*" + re.escape(name) + r"(?:\s.*?)?[>%]\}\}")


def _block(state: StateBlock, start: int, end: int, silent: bool, resolve: Resolver) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    pos = state.bMarks[start] + state.tShift[start]
    match = _match(state.src, pos)
    if match is None or match.group("close"):
        return False
    last = line_of(state, match.end(), start, end)
    if last is None or state.src[match.end() : state.eMarks[last]].strip():
        return False  # more text follows on the line: an inline shortcode
    if silent:
        return True
    name, args = match.group("name"), match.group("args") or ""
    close = None if match.group("self") else _find_closing(state, name, last + 1, end)
    if close is not None and name == "highlight":
        code = state.src[state.bMarks[last + 1] : state.bMarks[close]] if close > last + 1 else ""
        positional, _ = parse_args(args)
        fence_token(state, positional[0] if positional else "", code, start, close + 1)
        state.line = close + 1
        return True
    html = None if close is not None else _standalone_html(state.md, name, args, resolve)
    if html is None:
        return box_over_lines(state, (KIND, name, args, CSS), start, last, close)
    push_block_html(state, html + "\n", start, last + 1)
    state.line = last + 1
    return True


def _find_closing(state: StateBlock, name: str, first: int, end: int) -> int | None:
    """The line, from `first`, that closes a paired `name` (nested pairs skipped)."""
    closing, opening = _closing(name), _opening(name)
    return closing_line(
        state,
        first,
        end,
        lambda text: closing.fullmatch(text) is not None,
        lambda text: bool(opening.fullmatch(text)) and not text.rstrip("}>% ").endswith("/"),
    )


def _inline(state: StateInline, silent: bool, resolve: Resolver) -> bool:
    match = _match(state.src, state.pos)
    if match is None or match.end() > state.posMax:
        return False
    name, args = match.group("name"), match.group("args") or ""
    closing = None
    if not match.group("close") and not match.group("self"):
        closing = _closing(name).search(state.src, match.end(), state.posMax)
    if silent:
        state.pos = closing.end() if closing else match.end()
        return True
    if match.group("close"):
        push_mark_close(state, name, CSS)
    elif closing is not None and name == "highlight":
        token = state.push("code_inline", "code", 0)
        token.content = state.src[match.end() : closing.start()]
        token.markup = "`"
    elif closing is not None:
        push_mark_open(state, KIND, name, args, CSS)
        tokenize_inline_inner(state, match.end(), closing.start())
        push_mark_close(state, name, CSS)
    else:
        html = _standalone_html(state.md, name, args, resolve)
        if html is None:
            push_mark(state, KIND, name, args, CSS)
        else:
            push_inline_html(state, html)
    state.pos = closing.end() if closing else match.end()
    return True


def _standalone_html(md: MarkdownIt, name: str, args: str, resolve: Resolver) -> str | None:
    """What Hugo's own shortcodes make; None for a shortcode only its template knows."""
    positional, named = parse_args(args)
    if name in ("ref", "relref"):
        path = named.get("path") or (positional[0] if positional else "")
        url = (resolve(path) if resolve else None) or path
        return f'<a href="{escapeHtml(url)}" class="site-syntax ref">{escapeHtml(url)}</a>'
    if name == "figure":
        return figure_html(md, named)
    return None


def figure_html(md: MarkdownIt, named: dict[str, str]) -> str:
    """The HTML of Hugo's built-in `figure` shortcode (layouts/_shortcodes/figure.html)."""
    get = named.get
    klass = f' class="{escapeHtml(get("class", ""))}"' if get("class") else ""
    html = [f"<figure{klass}>"]
    if get("link"):
        html.append(f'<a href="{escapeHtml(get("link", ""))}">')
    # Hugo's alt is the caption, markdownified and plainified, when no alt is given.
    alt = escapeHtml(get("alt", "")) or re.sub(r"<[^>]*>", "", _markdownify(md, get("caption", "")))
    size = "".join(
        f' {key}="{escapeHtml(get(key, ""))}"' for key in ("width", "height") if get(key)
    )
    html.append(f'<img src="{escapeHtml(get("src", ""))}" alt="{alt}"{size}>')
    if get("link"):
        html.append("</a>")
    if get("title") or get("caption") or get("attr"):
        html.append("<figcaption>")
        if get("title"):
            html.append(f"<h4>{escapeHtml(get('title', ''))}</h4>")
        if get("caption") or get("attr"):
            # Hugo passes caption and attr through `markdownify`.
            html.append("<p>" + _markdownify(md, get("caption", "")))
            attr = _markdownify(md, get("attr", ""))
            if get("attrlink"):
                attr = f'<a href="{escapeHtml(get("attrlink", ""))}">{attr}</a>'
            html.append(attr + "</p>")
        html.append("</figcaption>")
    html.append("</figure>")
    return "".join(html)


def _markdownify(md: MarkdownIt, text: str) -> str:
    """Inline Markdown of an argument; its HTML tags shown as text, as they are user text."""
    return md.renderInline(text.replace("<", "&lt;"))
