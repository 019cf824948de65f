"""Liquid in the preview, as Jekyll (and Eleventy, whose Markdown goes through Liquid first)
runs it before Markdown: tags `{% name args %}` and variables `{{ expression }}`.

`{% highlight lang %}...{% endhighlight %}` is a code block; `{% link path %}` and
`{% post_url name %}` are links (to the resolved URL when the context knows it, else to what
they name); `{{ site.NAME }}` is the value `_config.yml` gives, when it gives one and no filter
changes it; `{% raw %}` content is shown as written; `{% comment %}` is hidden, as on the site.
Every other tag (`include`, `if`, `for`, `assign`, a plugin's tag...) and every other
variable is a box or mark labelled with the tag and its arguments: the site's templates and
data decide what they make, which the preview cannot know.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
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
    mark_html,
    push_inline_html,
    push_mark,
)

Resolver = Callable[[str], str | None] | None

TAG = re.compile(r"\{%-?\s*(?P<name>\w+)(?P<args>.*?)-?%\}", re.DOTALL)
OUTPUT = re.compile(r"\{\{-?(?P<expr>.*?)-?\}\}", re.DOTALL)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.DOTALL)
_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", re.DOTALL)
_END_HIGHLIGHT = re.compile(r"\{%-?\s*endhighlight\s*-?%\}")
_IN_LINK = re.compile(
    r"(\]\(\s*[^\s()]*?|\]:\s*\S*?)(\{%-?\s*(?:link|post_url)\s.*?-?%\}|\{\{-?.*?-?\}\})", re.DOTALL
)
_LINKS = ("link", "post_url")
_LIQUID = re.compile(TAG.pattern + "|" + OUTPUT.pattern.replace("?P<expr>", "?:"), re.DOTALL)
CSS = "liquid"


def use_liquid(md: MarkdownIt, variables: Mapping[str, object], resolve: Resolver) -> None:
    """Teach `md` Liquid, with `variables` as the site's (`{{ site.NAME }}`)."""
    md.core.ruler.after(
        "normalize", "liquid_protect", lambda state: _protect(state, variables, resolve)
    )
    md.core.ruler.after(
        "inline", "liquid_in_html", lambda state: _in_html(state, variables, resolve)
    )
    md.block.ruler.before(
        "table",
        "liquid_tag",
        lambda state, start, end, silent: _block(state, start, end, silent),
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.inline.ruler.before(
        "text", "liquid", lambda state, silent: _inline(state, silent, variables, resolve)
    )


def site_value(expression: str, variables: Mapping[str, object]) -> str | None:
    """The text `{{ site.a.b }}` gives with the site's `variables`, also through Jekyll's
    `relative_url` and `absolute_url` filters and for a quoted string; None when unknown or
    when another filter or object is involved."""
    base, *filters = (part.strip() for part in expression.split("|"))
    value = _literal(base) if base[:1] in ("'", '"') else _variable(base, variables)
    for name in filters:
        if value is None or name not in ("relative_url", "absolute_url"):
            return None
        url = "/".join(filter(None, (_variable("site.baseurl", variables) or "", value)))
        url = re.sub(r"(?<!:)//+", "/", "/" + url if not url.startswith("/") else url)
        if name == "absolute_url":
            url = (_variable("site.url", variables) or "").rstrip("/") + url
        value = url
    return value


def _literal(text: str) -> str | None:
    return text[1:-1] if len(text) >= 2 and text[-1] == text[0] else None


def _variable(expression: str, variables: Mapping[str, object]) -> str | None:
    parts = expression.strip().split(".")
    if len(parts) < 2 or parts[0] != "site" or not all(re.fullmatch(r"[\w-]+", p) for p in parts):
        return None
    value: object = variables
    for part in parts[1:]:
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float | dt.date):
        return str(value)
    return None


def _in_html(state: StateCore, variables: Mapping[str, object], resolve: Resolver) -> None:
    """Liquid inside raw HTML (Jekyll runs it there too): values where known; in an
    attribute the construct's text, else a labelled mark."""
    for token in state.tokens:
        tokens = [token] if token.type == "html_block" else []
        tokens += [c for c in token.children or () if c.type == "html_inline"]
        for html in tokens:
            if "{{" in html.content or "{%" in html.content:
                html.content = _LIQUID.sub(
                    lambda m, t=html.content: _html_for(m, t, variables, resolve), html.content
                )


def _html_for(
    match: re.Match[str], text: str, variables: Mapping[str, object], resolve: Resolver
) -> str:
    construct = match.group(0)
    in_tag = text.rfind("<", 0, match.start()) > text.rfind(">", 0, match.start())
    output = OUTPUT.fullmatch(construct)
    tag = None if output else TAG.fullmatch(construct)
    if output is not None:
        known = site_value(output.group("expr"), variables)
    elif tag is not None and tag.group("name") in _LINKS:
        known = _link_target(tag.group("args"), resolve)
    else:
        known = None
    if known is not None:
        return escapeHtml(known)
    if in_tag:
        return escapeHtml(re.sub(r"\s+", "", construct))
    if output is not None:
        return mark_html("Liquid", output.group("expr").strip(), "", CSS)
    assert tag is not None
    return mark_html("Liquid", tag.group("name"), tag.group("args"), CSS)


def _protect(state: StateCore, variables: Mapping[str, object], resolve: Resolver) -> None:
    """Raw content becomes literal, comments vanish (their lines kept, so source lines stay
    right), links and variables in link destinations become their URLs."""
    text = _RAW.sub(lambda m: m.group(1).replace("{", PROTECTED_BRACE), state.src)
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    # One construct per pass: a destination may hold several.
    while (
        changed := _IN_LINK.sub(
            lambda m: m.group(1) + _url_of(m.group(2), variables, resolve), text
        )
    ) != text:
        text = changed
    state.src = text


def _url_of(construct: str, variables: Mapping[str, object], resolve: Resolver) -> str:
    tag = TAG.fullmatch(construct)
    if tag is not None:
        target = _link_target(tag.group("args"), resolve)
    else:
        expression = OUTPUT.fullmatch(construct)
        known = site_value(expression.group("expr"), variables) if expression else None
        # An unknown value keeps its expression, without spaces, so the link still forms.
        target = known if known is not None else re.sub(r"\s+", "", construct)
    return quote(target, safe="/#?&=:%.-_~")


def _link_target(args: str, resolve: Resolver) -> str:
    target = args.strip()
    return (resolve(target) if resolve else None) or target


def _block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    pos = state.bMarks[start] + state.tShift[start]
    if not state.src.startswith("{%", pos):
        return False
    match = TAG.match(state.src, pos)
    if match is None or match.group("name") in _LINKS:
        return False
    last = line_of(state, match.end(), start, end)
    if last is None or state.src[match.end() : state.eMarks[last]].strip():
        return False
    if silent:
        return True
    name, args = match.group("name"), match.group("args")
    if name == "highlight":
        close = _highlight_end(state, last + 1, end)
        if close is not None:
            code = state.src[state.bMarks[last + 1] : state.bMarks[close]]
            fence_token(state, (args.split() or [""])[0], code, start, close + 1)
            state.line = close + 1
            return True
    return box_over_lines(state, ("Liquid", name, args, CSS), start, last, None)


def _highlight_end(state: StateBlock, first: int, end: int) -> int | None:
    return closing_line(state, first, end, lambda text: _END_HIGHLIGHT.fullmatch(text) is not None)


def _inline(
    state: StateInline, silent: bool, variables: Mapping[str, object], resolve: Resolver
) -> bool:
    src, pos = state.src, state.pos
    if src.startswith("{%", pos):
        match = TAG.match(src, pos)
    elif src.startswith("{{", pos):
        match = OUTPUT.match(src, pos)
    else:
        return False
    if match is None or match.end() > state.posMax:
        return False
    if not silent:
        if "name" in match.groupdict():
            _tag_inline(state, match, resolve)
        else:
            expression = match.group("expr")
            known = site_value(expression, variables)
            if known is None:
                push_mark(state, "Liquid", expression.strip(), "", CSS)
            else:
                state.push("text", "", 0).content = known
    state.pos = match.end()
    return True


def _tag_inline(state: StateInline, match: re.Match[str], resolve: Resolver) -> None:
    name, args = match.group("name"), match.group("args")
    if name in _LINKS:
        url = _link_target(args, resolve)
        push_inline_html(
            state, f'<a href="{escapeHtml(url)}" class="site-syntax link">{escapeHtml(url)}</a>'
        )
    else:
        push_mark(state, "Liquid", name, args, CSS)
