"""The Markdown line grammar: what each line of a post is, the one rule every part asks.

The highlighter, the outline, scroll sync, spelling, the site checks and the editor's list
commands all ask this module whether a line is code, a heading, a list item or a quote, so they
can never disagree (they once did: fences were "exactly three" to two of them and "three or
more" to the others, and `#Title` was a heading to scroll sync but not to the outline).

Two ways in:

- `read_line(text, state, first)`: one line, given the state the line before left (an int, so
  a QSyntaxHighlighter keeps it as its block state: `previousBlockState()` in, `Line.state` out
  to `setCurrentBlockState`). `TEXT` (-1, Qt's "no state") is the state before the first line.
- `read_lines(text)`, `headings(text)`, `fenced_spans(text)`: a whole text at once, built on
  `read_line`. Setext headings (a line underlined with `===` or `---`) depend on the line
  *after*, so only the whole-text functions know them.

The rules, and whose they are:

- **Fences follow CommonMark**, as the sites' generators read them: three or more backticks or
  tildes after at most three spaces; a backtick fence's info string holds no backtick; the
  fence closes on a line of the same character, at least as long, with nothing after it but
  spaces; a fence never closed runs to the end of the text. A fence inside a block quote ends
  with the quote. (The preview's Python-Markdown is stricter: it shows an indented or never
  closed fence as text, and wants the closing fence exactly as long.)
- **Headings follow the preview** (Python-Markdown, which renders what the writer sees beside
  the text), not CommonMark: a `#` at the start of a line, after any quote markers or a list
  marker, makes a heading with or without a space after it (`#Title` is one, and `#` alone an
  empty one); seven or more `#` make a level-6 heading starting with the extra `#`; closing
  `#`s are dropped; an indented `#` line is no heading. A setext heading is the first line of
  a block (after a blank line, a heading, a fence, a rule or a change of quote) underlined at
  the margin with `=` (level 1) or `-` (level 2). Were the preview to render a site's own
  Markdown flavour one day, this is the one place to change.
- **List items** are a bullet (`-`, `*`, `+`) or a number of up to nine digits with `.` or `)`,
  then spaces, after any indent (nested lists are indented; which list an item belongs to is
  not tracked), with an optional task box (`[ ]`, `[x]`). A line of three or more `-`, `*` or
  `_` is a thematic break, not an item.
- **Quote markers** are `>` after at most three spaces, with one optional space after; they
  nest (`> > `).
- Front matter: with `first=True`, a first line `---` opens it, and `---` or `...` ends it.

Indented code blocks are not told apart from a list item's indented paragraphs (that needs the
lines around), so they read as text. A word, for `word_count`, is a run of letters or digits
with the apostrophes and hyphens inside it: Markdown's marks are not words.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple

# The states between lines. Inside a fence the state encodes the fence (its character, length
# and quote depth, see `_fence_state`), always >= _FENCE_MIN; TEXT and IN_FRONT_MATTER are below.
TEXT = -1
IN_FRONT_MATTER = 2
_FENCE_MIN = 1 << 8
_MAX_FENCE = (1 << 22) - 1  # a longer run of backticks counts as this long: the state is 32-bit
_MAX_DEPTH = 63

WORDS_PER_MINUTE = 230

QUOTE_MARKER = re.compile(r" {0,3}> ?")
_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})(.*)")  # matched after the indent
_LIST_ITEM = re.compile(r"([ \t]*)(?:([-*+])|(\d{1,9})([.)]))([ \t]+)(\[[ xX]\][ \t]+)?")
_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t\r]*$")
# Python-Markdown's HashHeaderProcessor, after the level's `#`s: the text, closing `#`s dropped.
_HEADING_TEXT = re.compile(r"((?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*$")
_SETEXT = re.compile(r"(?:=+|-+)[ \t\r]*$")
_FRONT_MATTER_START = re.compile(r"\ufeff?---[ \t\r]*$")
_FRONT_MATTER_END = re.compile(r"(?:---|\.\.\.)[ \t\r]*$")
_WORD = re.compile(r"[\w’'-]*\w[\w’'-]*")
_SPACE = re.compile(r"\s")
_CHUNK = 65_536


class Kind(Enum):
    """What a line is."""

    BLANK = "blank"  # nothing but spaces (and quote markers)
    TEXT = "text"  # prose: a paragraph's line, a list item's, a quote's
    HEADING = "heading"  # an ATX (`#`) heading; setext headings come from `headings()`
    BREAK = "break"  # a thematic break: ---, ***, _ _ _
    FENCE_OPEN = "fence open"
    FENCE_CLOSE = "fence close"
    CODE = "code"  # inside a fenced block
    FRONT_MATTER = "front matter"  # its --- lines included


CODE_KINDS = frozenset({Kind.FENCE_OPEN, Kind.FENCE_CLOSE, Kind.CODE})


class ListItem(NamedTuple):
    """A list item's marker. Offsets are in the line; `line[:start]` is what stands before the
    marker (quote markers, indent), `line[end:]` the item's text."""

    start: int  # where the bullet or number begins
    end: int  # where the item's text begins: after the marker, its spaces and a task box
    bullet: str  # "-", "*" or "+"; "" for a numbered item
    number: int | None  # a numbered item's number
    delimiter: str  # "." or ")" after the number; "" for a bullet
    space: str  # the spaces after the marker, as written
    task: str  # the task box with its spaces, "[ ] " or "[x] ", or ""


class Line(NamedTuple):
    """One line as the grammar reads it. `state` is what the next line's `read_line` takes."""

    kind: Kind
    state: int
    quotes: int = 0  # block quote depth
    quote_end: int = 0  # where the quote markers end
    item: ListItem | None = None
    start: int = 0  # where the block's own marks begin: after quote markers and list marker
    content: int = 0  # where the words begin: after a heading's `#`s too
    level: int = 0  # a heading's level, 1 to 6
    title: str = ""  # a heading's text


class Heading(NamedTuple):
    """A heading of a text: its 0-based line, level and text."""

    line: int
    level: int
    title: str


# The lines most common by far, made once: a read line is never changed.
_PROSE = Line(Kind.TEXT, TEXT)
_BLANK = Line(Kind.BLANK, TEXT)
_CODE: dict[int, Line] = {}  # a code line outside quotes, by its fence's state
_MARKS = frozenset("`~-*_+#\t0123456789")  # the first characters of every other kind of line


def in_fence(state: int) -> bool:
    """Whether `state` (a line's `Line.state`) leaves the next line inside a fenced block."""
    return state >= _FENCE_MIN


def _fence_state(char: str, length: int, depth: int) -> int:
    return (min(length, _MAX_FENCE) << 8) | (min(depth, _MAX_DEPTH) << 1) | (char == "~")


def read_line(text: str, state: int = TEXT, first: bool = False) -> Line:
    """What `text` (one line, without its line break) is, after a line that left `state`.

    `first` is True only for a text's first line when the text starts with its front matter
    (the raw view); a body alone starts with Markdown, where `---` is a thematic break.
    """
    if state == IN_FRONT_MATTER:
        after = TEXT if _FRONT_MATTER_END.match(text) else IN_FRONT_MATTER
        return Line(Kind.FRONT_MATTER, after)
    if first and _FRONT_MATTER_START.match(text):
        return Line(Kind.FRONT_MATTER, IN_FRONT_MATTER)
    if state >= _FENCE_MIN:
        inside = _in_fence(text, state)
        if inside is not None:
            return inside
    quotes = q = 0
    if ">" in text[:4]:
        marker = QUOTE_MARKER.match(text)
        while marker and quotes < _MAX_DEPTH:
            quotes, q = quotes + 1, marker.end()
            marker = QUOTE_MARKER.match(text, q)
    return _read_block(text, quotes, q)


def _in_fence(text: str, state: int) -> Line | None:
    """A line inside the fence `state` describes; None when the quote holding it has ended."""
    char, length, depth = "~" if state & 1 else "`", state >> 8, (state >> 1) & _MAX_DEPTH
    if not depth and char * 3 not in text:  # most lines of code: cannot close the fence
        code = _CODE.get(state)
        if code is None:
            if len(_CODE) > 64:
                _CODE.clear()  # pasted junk with fences of every length: the cache stays small
            code = _CODE[state] = Line(Kind.CODE, state)
        return code
    q = 0
    for _ in range(depth):
        marker = QUOTE_MARKER.match(text, q)
        if marker is None:
            return None  # a fenced block ends with the quote that holds it (no laziness)
        q = marker.end()
    at = q
    while at < len(text) and text[at] == " " and at - q < 3:
        at += 1
    if text.startswith(char * 3, at):
        run = len(text) - at - len(text[at:].lstrip(char))
        if run >= length and not text[at + run :].strip(" \t\r"):
            return Line(Kind.FENCE_CLOSE, TEXT, depth, q, None, q, q)
    return Line(Kind.CODE, state, depth, q, None, q, q)


def _read_block(text: str, quotes: int, q: int) -> Line:
    """A line outside any fence, its `quotes` quote markers ending at `q`."""
    at, end = q, len(text)
    while at < end and text[at] == " ":
        at += 1
    if at == end or (text[at] in "\t\r" and not text[at:].strip()):
        return _BLANK if not quotes else Line(Kind.BLANK, TEXT, quotes, q, None, q, q)
    char = text[at]
    if char not in _MARKS:  # most lines of prose: no mark of any block
        return _PROSE if not quotes else Line(Kind.TEXT, TEXT, quotes, q, None, q, q)
    if at - q <= 3:
        if char in "`~":
            fence = _FENCE_OPEN.match(text, at)
            if fence and not (char == "`" and "`" in fence[2]):  # CommonMark: no ` in its info
                state = _fence_state(char, len(fence[1]), quotes)
                return Line(Kind.FENCE_OPEN, state, quotes, q, None, q, q)
        elif char in "-*_" and _BREAK.match(text, q):
            return Line(Kind.BREAK, TEXT, quotes, q, None, q, q)
    item = None
    if char in "-*+0123456789\t":
        marker = _LIST_ITEM.match(text, q)
        if marker:
            indent, bullet, number, delimiter, space, task = marker.groups()
            item = ListItem(
                q + len(indent),
                marker.end(),
                bullet or "",
                int(number) if number else None,
                delimiter or "",
                space,
                task or "",
            )
    start = item.end if item else q
    if start < end and text[start] == "#":  # the preview's rule: no space needed, no indent
        hashes = len(text) - start - len(text[start:].lstrip("#"))
        level = min(hashes, 6)
        rest = text[start + level :]
        if "#" in rest or "\\" in rest:  # closing #s to drop, escapes to keep
            words = _HEADING_TEXT.match(rest)
            rest = words[1] if words else rest
        title = rest.strip()
        content = end - len(text[start + level :].lstrip(" \t"))
        return Line(Kind.HEADING, TEXT, quotes, q, item, start, content, level, title)
    return Line(Kind.TEXT, TEXT, quotes, q, item, start, start)


def read_lines(text: str, front_matter: bool = False) -> list[Line]:
    """Every line of `text` (split at "\\n"), read in order; `front_matter`: the text starts
    with the post's front matter (the raw view)."""
    out: list[Line] = []
    state = TEXT
    for number, line in enumerate(text.split("\n")):
        read = read_line(line, state, front_matter and number == 0)
        out.append(read)
        state = read.state
    return out


def headings(text: str) -> list[Heading]:
    """The headings the preview makes of `text`, in order: `#` lines and setext headings,
    none inside a fence."""
    lines = text.split("\n")
    found: list[Heading] = []
    state = TEXT
    above: Line | None = None  # the line before, when it starts a block and could be a title
    block_start = True  # whether the current line is the first of a block
    quotes = 0  # the quote depth of the line before
    in_list = False  # the line before is in a list that began a block
    for number, line in enumerate(lines):
        read = read_line(line, state)
        state = read.state
        if (
            above is not None
            and read.quotes == above.quotes
            and read.kind in (Kind.TEXT, Kind.BREAK)
            and _SETEXT.match(line, read.quote_end)
        ):
            title = lines[number - 1][above.quote_end :].strip()
            found.append(Heading(number - 1, 1 if line[read.quote_end] == "=" else 2, title))
            above, block_start = None, True
            continue
        if read.item is not None:
            in_list = block_start or in_list
            if read.kind is Kind.HEADING and not in_list:
                read = read._replace(kind=Kind.TEXT)  # a list must begin a block: this is text
        else:
            in_list = in_list and read.kind is Kind.TEXT  # an item's next lines
        if read.kind is Kind.HEADING:
            found.append(Heading(number, read.level, read.title))
        starts = block_start or read.quotes != quotes  # a quote begins or ends a block
        above = read if starts and _may_be_title(line, read) else None
        block_start, quotes = read.kind is not Kind.TEXT, read.quotes
    return found


def _may_be_title(line: str, read: Line) -> bool:
    """Whether a block's first line becomes a setext heading if the next line underlines it
    (Python-Markdown: any text but an indented code block's, a rule's marks too)."""
    return read.kind in (Kind.TEXT, Kind.BREAK) and not line.startswith(
        ("    ", "\t"), read.quote_end
    )


def fenced_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each fenced code block of `text`, its fence lines included (a
    block never closed runs to the end of the text), in order."""
    if "```" not in text and "~~~" not in text:
        return []  # most posts: no line can open a fence
    spans: list[tuple[int, int]] = []
    state, pos, opened = TEXT, 0, 0
    for line in text.split("\n"):
        # Only a line holding three fence characters can open or close a fence; inside a
        # quote every line counts, since leaving the quote ends the fence.
        closes = "~~~" if state & 1 else "```"
        if (state == TEXT and "```" not in line and "~~~" not in line) or (
            state >= _FENCE_MIN and not (state >> 1) & _MAX_DEPTH and closes not in line
        ):
            pos += len(line) + 1
            continue
        read = read_line(line, state)
        if state >= _FENCE_MIN and read.kind not in (Kind.CODE, Kind.FENCE_CLOSE):
            spans.append((opened, pos - 1))  # the quote ended before this line
        if read.kind is Kind.FENCE_OPEN:
            opened = pos
        elif read.kind is Kind.FENCE_CLOSE:
            spans.append((opened, pos + len(line)))
        state = read.state
        pos += len(line) + 1
    if state >= _FENCE_MIN:
        spans.append((opened, len(text)))
    return spans


def word_count(text: str) -> int:
    """Words as a reader counts them (Markdown marks are not words)."""
    # In slices cut at whitespace (no word spans one): each slice holds the GIL for a few
    # milliseconds only, so a count on a worker thread leaves the UI thread room to run.
    words, pos = 0, 0
    while pos < len(text):
        cut = _SPACE.search(text, pos + _CHUNK)
        end = cut.start() if cut else len(text)
        words += len(_WORD.findall(text, pos, end))
        pos = end
    return words


def line_words(line: str) -> int:
    """The words of one line (a text's count is the sum of its lines')."""
    return len(_WORD.findall(line))


def line_word_counts(text: str) -> list[int]:
    """The words of each line of `text` (split at "\n"), in slices as `word_count` does, so a
    worker counting a huge text leaves the UI thread room to run."""
    counts: list[int] = []
    pos = 0
    while pos <= len(text):
        cut = text.find("\n", pos + _CHUNK)
        end = len(text) if cut < 0 else cut
        counts.extend(len(_WORD.findall(line)) for line in text[pos:end].split("\n"))
        pos = end + 1
    return counts


def reading_minutes(words: int) -> int:
    """Reading time, rounded up to a whole minute (0 for an empty post)."""
    return -(-words // WORDS_PER_MINUTE)
