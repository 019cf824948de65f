"""Seeds and mutations for the fuzz tests (not a test module).

The corpus is real-looking posts: every golden fixture of `posts.py`, the sample folder that
ships with the app, and a few shapes those do not cover (anchors and aliases, nested maps, a
Python tag, a flow mapping, Latin-1 bytes, MDX). `mutate` damages one the way editors, merges
and careless hands do: bytes and characters inserted, deleted or replaced, lines duplicated,
dropped, swapped or re-indented, line endings changed, YAML punctuation, tabs, delimiters,
invalid UTF-8 and NUL bytes dropped in.

`mutate` takes its random choices from a `Draw` function, so hypothesis (which shrinks a
failure to a small example) and a plain seeded `random.Random` (for the subprocess test) drive
the same code.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import paths
import posts

# draw(lo, hi): an integer in [lo, hi], both included.
Draw = Callable[[int, int], int]

ANCHORS = """\
---
title: Anchors and aliases
defaults: &defaults
  layout: post
  comments: true
base: &tags [a, b]
tags: *tags
page:
  <<: *defaults
  comments: false
---
A post that reuses values through anchors.
"""

NESTED = """\
---
title: Nested maps
date: 2026-01-24T10:00:00+01:00
draft: true
params:
  toc: true
  menu:
    main:
      weight: 3
      name: "Nested"
  list:
    - {a: 1, b: [x, y]}
    - - deep
      - deeper
---
Nested front matter, three levels down.
"""

PYTHON_TAG = """\
---
title: A hostile post
date: 2026-01-24
author: !!python/object/apply:os.system ["true"]
---
Its YAML asks for code to be run; a safe loader refuses.
"""

FLOW_MAPPING = """\
---
{title: 'Written as one flow mapping', date: 2024-02-02, tags: [a, b]}
---
PyYAML's own default for small mappings.
"""

MDX = """\
---
title: Using a component
description: >-
  MDX mixes Markdown
  and components.
sidebar:
  order: 3
---
import Card from '../components/Card.astro';

<Card title="Hello" />
"""

JEKYLL_TIMESTAMPS = """\
---
layout: post
title:  "Welcome to Jekyll!"
date:   2015-11-10 18:48:41 -0800
categories: jekyll update
published: true
permalink: /:categories/:year/:month/:day/:title.html
---
You'll find this post in your `_posts` directory.
"""

EXTRA: dict[str, bytes] = {
    "anchors": ANCHORS.encode(),
    "nested": NESTED.encode(),
    "python_tag": PYTHON_TAG.encode(),
    "flow_mapping": FLOW_MAPPING.encode(),
    "mdx": MDX.encode(),
    "jekyll_timestamps": JEKYLL_TIMESTAMPS.encode(),
    "latin1": "---\ntitle: café\n---\nnaïve latin-1 text\n".encode("latin-1"),
    "empty": b"",
    "only_opener": b"---\n",
    "only_delimiters": b"---\n---",
}

_SAMPLE = paths.SAMPLE

CORPUS: list[tuple[str, bytes]] = sorted(
    [(name, text.encode("utf-8")) for name, text in posts.GOLDEN.items()]
    + list(EXTRA.items())
    + [(f"sample/{p.name}", p.read_bytes()) for p in sorted(_SAMPLE.glob("*.md"))]
)

# Pieces a mutation drops in: YAML punctuation, delimiters, line breaks, tags, values that
# build badly (no such day, an overflowing float, deep nesting), control characters.
TOKENS = [
    ":", ": ", "#", " # c", "'", '"', "-", "- ", "---", "...", "+++", "\t", " ", "  ",
    "\n", "\r\n", "\r", "[", "]", "{", "}", ",", "?", "? ", "|", ">-", "|+", ">", "&a ", "*a",
    "!", "!!str ", "!!int ", "!!binary ", "!!timestamp ", "!!set ", "!!omap ", "!foo ",
    "!!python/object/apply:os.system ['true']", "!!python/name:os.system ", "%YAML 1.1",
    "%TAG ! tag:x,2000:", "<<: *a", "<<", "=", "@", "`", "\\", "\\x", "\\u", "'''", '"""',
    "~", "null", "true", "no", "2024-02-30", "2024-13-01 25:61:00", "2019-03-04 10:21:00 +0100",
    "1e999", "-.inf", "0x", "0o8", "12:30", "[" * 60, "{a: " * 40, "- " * 40,
    "\x00", "\x85", "\u2028", "\u2029", "\ufeff", "\x7f", "\x1b", "\x0b", "\x0c",
    "é", "🚀", "日本", "\u200b", "key: value", "tags: [a, b]", "title: x", "date: 2024-01-01",
]  # fmt: skip

# Whole lines a mutation inserts.
LINES = [
    "---", "...", "+++", "", "   ", "\t", "# comment", "key: value", "- item", "  - nested item",
    "  nested: x", "title: duplicate", "tags:", "draft: true", "date: 2026-01-24", "? complex",
    "excerpt: >-", "  folded text", "body text", "[a, b]", "{a: b}", "&x anchored: 1",
    "alias: *x", "<<: *defaults", "%YAML 1.2", "\tkey: tab-indented",
]  # fmt: skip

# Invalid UTF-8: a lone continuation byte, a truncated sequence, an encoded surrogate, an
# overlong slash, bytes that never occur, and NUL.
BAD_BYTES = [b"\x80", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\xaf", b"\xff", b"\xfe", b"\x00"]

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_BREAKS = ["\n", "\r\n", "\r", ""]
_ALPHABET = "ab :#-'\"\t\n[]{},|>&*!?%@`\\é🚀0123456789"


def _lines(text: str) -> list[str]:
    """The text's lines, each with its own line break (the last one may have none)."""
    return [m.group() for m in _LINE.finditer(text) if m.group()]


def _pick(draw: Draw, items: list[str]) -> str:
    return items[draw(0, len(items) - 1)]


def _escaped(data: bytes) -> str:
    """Bytes as a string that `.encode("utf-8", "surrogateescape")` turns back into them."""
    return data.decode("utf-8", "surrogateescape")


def _mutate_once(text: str, draw: Draw) -> str:
    op = draw(0, 12)
    pos = draw(0, len(text))
    if op == 0:  # insert a token
        return text[:pos] + _pick(draw, TOKENS) + text[pos:]
    if op == 1:  # delete a few characters
        return text[:pos] + text[pos + draw(1, 8) :]
    if op == 2:  # replace a character with a token
        return text[:pos] + _pick(draw, TOKENS) + text[pos + 1 :]
    if op == 3:  # insert invalid UTF-8 or NUL
        return text[:pos] + _escaped(_pick_bytes(draw)) + text[pos:]
    if op == 4:  # insert random short text
        chars = [_ALPHABET[draw(0, len(_ALPHABET) - 1)] for _ in range(draw(1, 6))]
        return text[:pos] + "".join(chars) + text[pos:]
    lines = _lines(text)
    if not lines:
        return _pick(draw, LINES) + _pick(draw, _BREAKS)
    i = draw(0, len(lines) - 1)
    line = lines[i]
    content = line.rstrip("\r\n")
    brk = line[len(content) :]
    if op == 5:  # duplicate a line
        lines.insert(i, line if brk else line + "\n")
    elif op == 6:  # drop a line
        del lines[i]
    elif op == 7:  # swap two lines
        j = draw(0, len(lines) - 1)
        lines[i], lines[j] = lines[j], lines[i]
    elif op == 8:  # change one line's break
        lines[i] = content + _pick(draw, _BREAKS)
    elif op == 9:  # convert every line break
        new = _pick(draw, _BREAKS[:3])
        return re.sub(r"\r\n|\n|\r", new, text)
    elif op == 10:  # a tab or spaces at the start of a line, or one removed
        lines[i] = _pick(draw, ["\t", " ", "  ", "\t "]) + line if draw(0, 2) else line[1:]
    elif op == 11:  # insert a whole line
        lines.insert(i, _pick(draw, LINES) + _pick(draw, _BREAKS[:3]))
    else:  # a tab where an indent or a separator space was
        lines[i] = line.replace(" ", "\t", 1)
    return "".join(lines)


def _pick_bytes(draw: Draw) -> bytes:
    return BAD_BYTES[draw(0, len(BAD_BYTES) - 1)]


def mutate(data: bytes, draw: Draw, max_mutations: int = 6) -> bytes:
    """`data` with 0 to `max_mutations` random mutations."""
    text = _escaped(data)
    for _ in range(draw(0, max_mutations)):
        text = _mutate_once(text, draw)
    return text.encode("utf-8", "surrogateescape")
