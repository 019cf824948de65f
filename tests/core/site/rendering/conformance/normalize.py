"""HTML normalised as the CommonMark spec's own test runner does (a port of cmark's
`test/normalize.py`, BSD 2-clause, see LICENSE): whitespace collapsed outside <pre> and
dropped around block tags, attributes sorted, self-closing tags opened, references turned
into characters but for <, >, & and "."""

from __future__ import annotations

import html
import re
from html.entities import name2codepoint
from html.parser import HTMLParser

_WHITESPACE = re.compile(r"\s+")
_CHUNK = re.compile(r"(<!\[CDATA\[.*?\]\]>|<[^>]*>|[^<]+)", re.S)
_BLOCK_TAGS = frozenset(
    [
        "article",
        "header",
        "aside",
        "hgroup",
        "blockquote",
        "hr",
        "iframe",
        "body",
        "li",
        "map",
        "button",
        "object",
        "canvas",
        "ol",
        "caption",
        "output",
        "col",
        "p",
        "colgroup",
        "pre",
        "dd",
        "progress",
        "div",
        "section",
        "dl",
        "table",
        "td",
        "dt",
        "tbody",
        "embed",
        "textarea",
        "fieldset",
        "tfoot",
        "figcaption",
        "th",
        "figure",
        "thead",
        "footer",
        "tr",
        "form",
        "ul",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "video",
        "script",
        "style",
    ]
)
_ESCAPED = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"}


class _Normalizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.last = "starttag"
        self.in_pre = False
        self.output = ""
        self.last_tag = ""

    def handle_data(self, data: str) -> None:
        after_tag = self.last in ("endtag", "starttag")
        after_block_tag = after_tag and self.last_tag in _BLOCK_TAGS
        if after_tag and self.last_tag == "br":
            data = data.lstrip("\n")
        if not self.in_pre:
            data = _WHITESPACE.sub(" ", data)
        if after_block_tag and not self.in_pre:
            data = data.lstrip() if self.last == "starttag" else data.strip()
        self.output += data
        self.last = "data"

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self.in_pre = False
        elif tag in _BLOCK_TAGS:
            self.output = self.output.rstrip()
        self.output += f"</{tag}>"
        self.last_tag = tag
        self.last = "endtag"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre":
            self.in_pre = True
        if tag in _BLOCK_TAGS:
            self.output = self.output.rstrip()
        self.output += f"<{tag}"
        for key, value in sorted(attrs, key=lambda kv: (kv[0], kv[1] or "")):
            self.output += f" {key}"
            if value is not None:
                self.output += f'="{html.escape(value, quote=True)}"'
        self.output += ">"
        self.last_tag = tag
        self.last = "starttag"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.last = "endtag"

    def handle_comment(self, data: str) -> None:
        self.output += f"<!--{data}-->"
        self.last = "comment"

    def handle_decl(self, decl: str) -> None:
        self.output += f"<!{decl}>"
        self.last = "decl"

    def unknown_decl(self, data: str) -> None:
        self.output += f"<!{data}>"
        self.last = "decl"

    def handle_pi(self, data: str) -> None:
        self.output += f"<?{data}>"
        self.last = "pi"

    def handle_entityref(self, name: str) -> None:
        code = name2codepoint.get(name)
        self._char(chr(code) if code is not None else None, f"&{name};")

    def handle_charref(self, name: str) -> None:
        try:
            char = chr(int(name[1:], 16) if name[:1] in "xX" else int(name))
        except (ValueError, OverflowError):
            char = None
        self._char(char, f"&#{name};")

    def _char(self, char: str | None, fallback: str) -> None:
        self.output += fallback if char is None else _ESCAPED.get(char, char)
        self.last = "ref"


def normalize_html(text: str) -> str:
    """`text` as the spec's runner compares it."""
    parser = _Normalizer()
    for chunk in _CHUNK.finditer(text):
        if chunk[0].startswith("<![CDATA"):
            parser.output += chunk[0]
        else:
            parser.feed(chunk[0])
    parser.close()
    return parser.output
