"""Read the literal parts of a JavaScript or TypeScript config file without running Node.

Astro's `content.config.ts` and Eleventy's `eleventy.config.js` are code, but the parts a
writer's editor needs (folders, patterns, locales, tags) are nearly always literals: strings,
arrays, objects, and calls such as `glob({ pattern: "**/*.md", base: "./src/blog" })`. This
module reads those into Python values and marks what it cannot follow (a variable, a template
string with `${}`, an arrow function) as `Code`, so a generator can say what it did not follow
instead of guessing:

    source = JsSource(text)
    source.bindings["blog"]        # the value of `const blog = ...`
    source.find_value("dir")       # the first `dir: {...}` anywhere in the file
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_IDENT = re.compile(r"[A-Za-z_$][\w$]*")
_NUMBER = re.compile(r"-?(?:\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?|\.\d+)")
_CLOSERS = {"(": ")", "[": "]", "{": "}"}
_KEYWORDS = {"true": True, "false": False, "null": None, "undefined": None}
_DECLARATION = re.compile(r"(?:^|[;\n}])\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)")


@dataclass(frozen=True)
class Ref:
    """A name the literal refers to (`{ blog }`, `locales: locales`): a variable to look up."""

    name: str


@dataclass(frozen=True)
class Call:
    """A call with its arguments read as literals: `glob({...})`, `defineCollection({...})`.
    `name` is the callee as written (`starlight`, `z.object`)."""

    name: str
    args: tuple[object, ...]
    text: str = field(compare=False)


@dataclass(frozen=True)
class Code:
    """An expression this reader does not follow (an arrow function, a `${}` template, an
    operator), with its text so a note can quote it."""

    text: str


class JsSource:
    """A JavaScript or TypeScript file, its comments removed, read for its literals."""

    def __init__(self, text: str) -> None:
        self.text = strip_comments(text)

    @property
    def bindings(self) -> dict[str, object]:
        """Top-level `const/let/var NAME = value` declarations (also exported ones), by name;
        a later declaration of the same name does not replace the first."""
        found: dict[str, object] = {}
        for match in _DECLARATION.finditer(self.text):
            at = _skip_type(self.text, match.end())
            if at < len(self.text) and self.text[at] == "=" and self.text[at + 1 : at + 2] != "=":
                value, _ = read_value(self.text, at + 1)
                found.setdefault(match.group(1), value)
        return found

    def find_value(self, key: str) -> object | None:
        """The value of the first `key: value` property anywhere in the file, or None."""
        for match in re.finditer(
            rf"(?<![\w$.]){re.escape(key)}\s*:|[\"']{key}[\"']\s*:", self.text
        ):
            value, _ = read_value(self.text, match.end())
            return value
        return None

    def default_export(self) -> object | None:
        """The value of `export default ...` or `module.exports = ...`, or None."""
        match = re.search(r"export\s+default\b|module\.exports\s*=", self.text)
        if match is None:
            return None
        value, _ = read_value(self.text, match.end())
        return value

    def resolve(self, value: object) -> object:
        """`value`, or the value the variable it names is bound to (one step)."""
        if isinstance(value, Ref):
            return self.bindings.get(value.name, value)
        return value


def strip_comments(text: str) -> str:
    """The text without `//` and `/* */` comments; strings and templates are kept whole."""
    out, i, n = [], 0, len(text)
    while i < n:
        char = text[i]
        if char in "'\"`":
            end = _string_end(text, i)
            out.append(text[i:end])
            i = end
        elif text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        else:
            out.append(char)
            i += 1
    return "".join(out)


def read_value(text: str, at: int) -> tuple[object, int]:
    """The literal value starting at `at` (spaces skipped) and where it ends."""
    i = _skip_space(text, at)
    if i >= len(text):
        return Code(""), i
    char = text[i]
    if char in "'\"":
        end = _string_end(text, i)
        return _unquote(text[i + 1 : end - 1]), end
    if char == "`":
        end = _string_end(text, i)
        inner = text[i + 1 : end - 1]
        return (Code(text[i:end]) if "${" in inner else inner), end
    if char == "{":
        return _read_object(text, i)
    if char == "[":
        return _read_array(text, i)
    if (number := _NUMBER.match(text, i)) and number.group():
        return _expression(text, i, float(number.group().replace("_", "")))
    if ident := _IDENT.match(text, i):
        name, end = ident.group(), ident.end()
        while (dot := re.compile(r"\s*\.\s*([A-Za-z_$][\w$]*)").match(text, end)) is not None:
            name, end = f"{name}.{dot.group(1)}", dot.end()
        after = _skip_space(text, end)
        if after < len(text) and text[after] == "(":
            close = _matching(text, after)
            args = _read_items(text, after + 1, close)
            return _expression(text, i, Call(name, tuple(args), text[i : close + 1]), close + 1)
        if name in _KEYWORDS:
            return _expression(text, i, _KEYWORDS[name], end)
        return _expression(text, i, Ref(name), end)
    return Code(text[i : _expression_end(text, i)]), _expression_end(text, i)


def _expression(text: str, start: int, value: object, end: int | None = None) -> tuple[object, int]:
    """`value` when the expression ends at `end`; Code when an operator or arrow follows."""
    if end is None:
        number = _NUMBER.match(text, start)
        end = number.end() if number else start
        value = int(value) if isinstance(value, float) and value.is_integer() else value
    after = _skip_space(text, end)
    # TypeScript's `as const` / `satisfies T` do not change the value.
    while (cast := re.compile(r"(?:as|satisfies)\s+").match(text, after)) is not None:
        after = _expression_end(text, cast.end())
        end = after
        after = _skip_space(text, after)
    if after >= len(text) or text[after] in ",;)]}\n" or text[after] == ":":
        return value, end
    stop = _expression_end(text, start)
    return Code(text[start:stop].strip()), stop


def _read_object(text: str, at: int) -> tuple[dict[str, object], int]:
    close = _matching(text, at)
    result: dict[str, object] = {}
    i = at + 1
    while True:
        i = _skip_space(text, i)
        if i >= close:
            break
        if text.startswith("...", i):  # a spread: its keys are not known here
            i = _expression_end(text, i + 3) + 1
            continue
        key, i = _read_key(text, i, close)
        i = _skip_space(text, i)
        if key is not None and i < close and text[i] == ":":
            value, i = read_value(text, i + 1)
            result[key] = value
        elif key is not None and i < close and text[i] == "(":  # a method: name() {...}
            end = _matching(text, i)
            body = _skip_space(text, end + 1)
            i = _matching(text, body) + 1 if body < close and text[body] == "{" else end + 1
            result[key] = Code(key + "()")
        elif key is not None:  # shorthand `{ blog }`
            result[key] = Ref(key)
        i = _skip_space(text, i)
        if i < close and text[i] == ",":
            i += 1
        elif i < close:
            i = _expression_end(text, i) + 1
    return result, close + 1


def _read_key(text: str, at: int, close: int) -> tuple[str | None, int]:
    if text[at] in "'\"":
        end = _string_end(text, at)
        return _unquote(text[at + 1 : end - 1]), end
    if text[at] == "[":  # a computed key
        return None, _expression_end(text, at)
    if ident := re.compile(r"[\w$-]+").match(text, at):
        return ident.group(), ident.end()
    return None, _expression_end(text, at)


def _read_array(text: str, at: int) -> tuple[list[object], int]:
    close = _matching(text, at)
    return _read_items(text, at + 1, close), close + 1


def _read_items(text: str, start: int, close: int) -> list[object]:
    items, i = [], start
    while (i := _skip_space(text, i)) < close:
        value, i = read_value(text, i)
        items.append(value)
        i = _skip_space(text, i)
        if i < close and text[i] == ",":
            i += 1
        elif i < close:
            i = _expression_end(text, i) + 1
    return items


def _expression_end(text: str, at: int) -> int:
    """Where the expression starting at `at` ends: the next `,`, `;` or closing bracket at
    its own depth."""
    i, n = at, len(text)
    while i < n:
        char = text[i]
        if char in "'\"`":
            i = _string_end(text, i)
            continue
        if char in _CLOSERS:
            i = _matching(text, i) + 1
            continue
        if char in ",;)]}":
            return i
        i += 1
    return n


def _matching(text: str, at: int) -> int:
    """The index of the bracket closing the one at `at` (the end of the text if none)."""
    stack, i, n = [_CLOSERS[text[at]]], at + 1, len(text)
    while i < n and stack:
        char = text[i]
        if char in "'\"`":
            i = _string_end(text, i)
            continue
        if char in _CLOSERS:
            stack.append(_CLOSERS[char])
        elif char == stack[-1]:
            stack.pop()
            if not stack:
                return i
        i += 1
    return n - 1 if stack else i


def _string_end(text: str, at: int) -> int:
    """The index just after the string or template literal opening at `at`."""
    quote, i, n = text[at], at + 1, len(text)
    while i < n:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == quote:
            return i + 1
        if quote != "`" and char == "\n":
            return i  # an unclosed string: stop at the line's end
        i += 1
    return n


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _skip_type(text: str, at: int) -> int:
    """After a declared name: past a TypeScript annotation (`const x: T = ...`)."""
    at = _skip_space(text, at)
    if at < len(text) and text[at] == ":":
        while at < len(text) and text[at] != "=":
            at = _matching(text, at) + 1 if text[at] in _CLOSERS else at + 1
    return _skip_space(text, at)


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)
