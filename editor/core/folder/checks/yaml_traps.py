"""YAML 1.1 traps: unquoted values that Jekyll (YAML 1.1) and YAML 1.2 readers (gray-matter,
Astro, Eleventy, Hugo) take differently, told as warnings with the quoting that keeps them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from editor.core.document import Loader, Post
from editor.core.errors import quoted
from editor.core.folder.content_folder import IndexEntry
from editor.core.schema import Problem

_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}(\.[0-9_]*)?")
# Ruby's Psych (Jekyll) for YAML 1.1 numbers, commas included as it takes them.
_FLOAT_11 = re.compile(r"[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?")
_INT_11 = re.compile(r"[-+]?(?:0b[01_,]+|0[0-7_,]+|0|[1-9][0-9_,]*|0x[0-9a-fA-F_,]+)")
# YAML 1.2's core schema, with the underscores and 0b that js-yaml and Go's readers also take
# (so `1_000` and `0b1` read the same everywhere and are not flagged).
_INT_12 = re.compile(r"[-+]?(?:[0-9][0-9_]*|0b[01_]+|0x[0-9a-fA-F_]+)|0o[0-7]+")
_FLOAT_12 = re.compile(r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?")
_WORDS_11 = {"yes": True, "on": True, "true": True, "no": False, "off": False, "false": False}
_YN = {"y": True, "n": False}  # YAML 1.1's spec and Go's yaml.v2 read these; Psych does not
_BOOLS_12 = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}
_BOOLS_12 |= {"FALSE": False}
_NULLS_12 = frozenset({"~", "null", "Null", "NULL"})
# Where a trap may stand: after ": ", "- ", "[", "," or "{", or alone on a line, a yes/no word
# or a number with a leading 0, a colon, a comma, an exponent or an underscore, ending the line
# (or before a comment or a flow bracket). Much that is no trap matches too (prose ending in
# "on", a date with a time): it is then parsed to be sure. A trap never fails to match: a test
# holds the readers below to it. Searching 10,000 front matters takes a tenth of a second,
# parsing them all ten times that.
MAYBE_TRAP = re.compile(
    r"[:\[,{\n][ \t]*(?:-[ \t]+)?(?:&\S+[ \t]+)?"
    r"(?:[-+]?\.?(?:0[\w:,.+-]|\d[\w.+-]*[:,eEoxb_])[\w:,.+-]*"
    r"|(?i:yes|no|on|off|y|n|true|false|null))"
    r"[ \t\r]*(?:$|#|[,\]}])",
    re.M,
)


def read_yaml11(text: str) -> object:
    """What a YAML 1.1 reader (Ruby's Psych, as Jekyll uses it) makes of an unquoted value."""
    low = text.lower()
    if text[:1].isalpha() or text[:1] in ("_", "~"):
        if low in _WORDS_11 or low in _YN:
            return _WORDS_11.get(low, _YN.get(low))
        return None if low in ("null", "~") else text
    try:
        return _number_11(text)
    except ValueError:  # a shape the patterns allow but no number has ("0x_", "+.e+5")
        return text


def _number_11(text: str) -> object:
    if _SEXAGESIMAL.fullmatch(text):
        total: float = 0
        for part in text.lstrip("+-").replace("_", "").split(":"):
            total = total * 60 + (float(part) if "." in part else int(part))
        return -total if text.startswith("-") else total
    if _FLOAT_11.fullmatch(text) and text.lstrip("+-") != ".":
        return float(text.replace(",", "").replace("_", "").rstrip("."))
    if _INT_11.fullmatch(text):
        digits = text.replace(",", "").replace("_", "")
        body = digits.lstrip("+-")
        base = 2 if body[:2] == "0b" else 16 if body[:2] == "0x" else 8 if body[:1] == "0" else 10
        number = int(body[2:] if base in (2, 16) else body, base)
        return -number if digits.startswith("-") else number
    return text


def read_yaml12(text: str) -> object:
    """What a YAML 1.2 reader (js-yaml in gray-matter and Astro, Go's yaml.v3) makes of an
    unquoted value."""
    if text in _BOOLS_12:
        return _BOOLS_12[text]
    if text in _NULLS_12:
        return None
    try:
        if _INT_12.fullmatch(text):
            digits = text.replace("_", "")
            body = digits.lstrip("+-")
            base = {"0b": 2, "0o": 8, "0x": 16}.get(body[:2], 10)
            number = int(body[2:] if base != 10 else body, base)
            return -number if digits.startswith("-") else number
        if _FLOAT_12.fullmatch(text):
            return float(text.replace("_", ""))
    except ValueError:  # "0x_": the pattern allows it, no number has it
        pass
    return text


def check_yaml_traps(path: Path, post: Post, entry: IndexEntry, yes_no: set[str]) -> list[Problem]:
    """Unquoted values that YAML 1.1 and YAML 1.2 read differently: warnings, as the post is
    valid YAML either way, but the site may not read what the writer meant."""
    if post.kind != "yaml" or entry.facts.error is not None:
        return []
    if not MAYBE_TRAP.search(post.front_matter):
        return []  # most posts: no yes/no word or number unquoted, no need to parse
    told = {p.field for p in entry.problems}  # validation already asked to quote these
    first = post.text.count("\n", 0, post.layout.start) + 1
    problems = []
    for key, text, line in _plain_values(post.front_matter):
        if key in told or not text:
            continue
        old, new = read_yaml11(text), read_yaml12(text)
        if type(old) is type(new) and old == new:
            continue
        message = _trap_message(text, old, new, key in yes_no)
        problems.append(Problem(path, first + line, key, "warning", message))
    return problems


def _plain_values(front_matter: str) -> Iterator[tuple[str, str, int]]:
    """(top-level key, text, 0-based line) of each unquoted, untagged value in YAML text.

    Read as parser events rather than nodes: an event tells whether a scalar was plain and
    untagged (`!!str no` is no trap), which a composed node does not."""
    stack: list[list[bool]] = []  # per open collection: [is a mapping, a key comes next]
    top = ""
    try:
        for event in yaml.parse(front_matter, Loader=Loader):
            if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                is_key = bool(stack) and stack[-1][0] and stack[-1][1]
                if is_key and len(stack) == 1:
                    top = str(event.value)
                elif not is_key and isinstance(event, yaml.ScalarEvent) and event.implicit[0]:
                    yield top, event.value, event.start_mark.line
                if stack and stack[-1][0]:
                    stack[-1][1] = not stack[-1][1]
            elif isinstance(event, yaml.CollectionStartEvent):
                stack.append([isinstance(event, yaml.MappingStartEvent), True])
            elif isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
                if stack and stack[-1][0]:
                    stack[-1][1] = not stack[-1][1]
    except (yaml.YAMLError, UnicodeEncodeError):
        return  # the post's validation reports broken front matter


def _trap_message(text: str, old: object, new: object, boolean: bool) -> str:
    shown, quoted_text = quoted(text), "'" + text.replace("'", "''") + "'"
    if text.lower() in _YN:
        readers = "some YAML 1.1 readers (not Jekyll) take"
    else:
        readers = "YAML 1.1 readers such as Jekyll take"
    if isinstance(old, bool):
        modern = "YAML 1.2 readers (gray-matter, Astro, Eleventy)"
        word = str(old).lower()
        fix = (
            f"write {word} for yes/no, or {quoted_text} to keep the text"
            if boolean
            else f"write {quoted_text} to keep the text, or {word} for yes/no"
        )
    else:
        modern, fix = "YAML 1.2 readers", f"write {quoted_text} to keep it as written"
    return f"{readers} {shown} as {_name(old)}, {modern} as {_name(new)}: {fix}"


def _name(value: object) -> str:
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, float):
        return f"the number {value:g}"
    if isinstance(value, int):
        return f"the number {value}"
    return "nothing" if value is None else f"the text {quoted(str(value))}"
