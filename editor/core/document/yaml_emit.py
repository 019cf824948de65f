"""Turn one front-matter value into YAML text, in a style chosen to match what was there.

The splicer (`yamlsplice`) decides *where* text goes; this module decides *what* text a value
becomes. Every piece of text it returns reads back as the same value with PyYAML, and it never
writes a plain scalar that another site tool would read differently: Jekyll (Ruby Psych, YAML 1.1),
Hugo (Go YAML) and gray-matter (js-yaml, YAML 1.2) disagree on words like `no`, `on`, `y`, on
`12:30` and on `1.10`, so such strings are always quoted.

`typed_value` is the way back for a value typed with no field type to go by (`set --field
KEY=VALUE` on a key the schema does not know): YAML only where that loses no character.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from typing import Literal

import yaml

from editor.core.document import safe_yaml
from editor.core.document.dates import DateFormat
from editor.core.document.scalars import is_scalar

QuoteStyle = Literal["", "'", '"']

# Words and shapes that some YAML reader in a site toolchain turns into a non-string.
_AMBIGUOUS_WORDS = re.compile(
    r"(?i:y|n|yes|no|on|off|true|false|null|~|nan|inf|\.nan|\.inf|[-+]\.inf|<<|=)"
)
_NUMBER_LIKE = re.compile(
    r"[-+]?(?:\.\d|\d)[\d_]*(?:[.,:][\d_]*)*(?:[eE][-+]?\d+)?"
    r"|[-+]?0[xXoObB][0-9a-fA-F_]+"
)
_DATE_PREFIX = re.compile(r"\d{4}-\d\d?-\d\d?")
# Longest single line (with its key) before a new long string is folded with `>-`.
FOLD_WIDTH = 80


def plain_is_safe(text: str) -> bool:
    """Whether `text` can be written unquoted and read back as this very string everywhere."""
    if not text or text != text.strip() or _AMBIGUOUS_WORDS.fullmatch(text):
        return False
    if _NUMBER_LIKE.fullmatch(text) or _DATE_PREFIX.match(text):
        return False
    if "\n" in text or "\r" in text or "\t" in text or "\x85" in text:
        return False
    try:
        return safe_yaml.load(text) == text and _pyyaml_would_write_plain(text)
    except yaml.YAMLError:
        return False


def _pyyaml_would_write_plain(text: str) -> bool:
    """PyYAML's own analysis of the characters a plain scalar may hold."""
    dumped = _dump_value(text, None)
    return not dumped.startswith(("'", '"'))


def _dump_value(value: object, style: str | None, indent: int = 2, width: int = 10**6) -> str:
    """The text PyYAML writes after `k: ` for a scalar, without the final line break."""
    out = yaml.safe_dump(
        {"k": value},
        default_style=style,
        allow_unicode=True,
        width=width,
        indent=indent,
        sort_keys=False,
    )
    text = out[len("'k': ") :] if out.startswith(("'k'", '"k"')) else out[len("k: ") :]
    # A keep-chomped (|+) scalar ends the document "open", so PyYAML closes it with `...`;
    # inside front matter that marker would end the YAML early.
    if text.endswith("\n...\n"):
        text = text[: -len("...\n")]
    return text[:-1] if text.endswith("\n") else text


def quoted(text: str, quote: QuoteStyle) -> str:
    """`text` as a flow scalar: single-quoted where that can hold it, else double-quoted."""
    if quote == '"' or not _single_quote_can_hold(text):
        return _dump_value(text, '"')
    return "'" + text.replace("'", "''") + "'"


def _single_quote_can_hold(text: str) -> bool:
    # Line breaks fold inside single quotes, and non-printables need escapes.
    return all(c.isprintable() or c == " " for c in text) and "\ufeff" not in text


def flow_string(text: str, quote: QuoteStyle) -> str:
    """A one-line string: plain when it was plain and still safe, else quoted."""
    if quote == "" and plain_is_safe(text):
        return text
    return quoted(text, quote or "'")


def block_string(text: str, style: Literal["|", ">"], indent: int) -> str:
    """A `|` or `>` block scalar (header and lines, `\\n`-separated, no final line break).

    Chomping (`-`, clip, `+`) follows the value's own trailing newlines. Falls back to a
    double-quoted scalar when a block cannot hold the text (PyYAML's analysis decides).
    """
    if not all(c.isprintable() or c in "\n\t " for c in text) or "\ufeff" in text:
        # NEL and the Unicode line separators are line breaks to YAML 1.1 readers: only
        # escapes in double quotes keep them.
        return quoted(text, '"')
    return _dump_value(text, style, indent=max(1, min(indent, 9)), width=FOLD_WIDTH)


def date_text(value: dt.date, old_text: str | None) -> str:
    """A date or datetime spelled like the value it replaces (ISO when there was none)."""
    fmt = DateFormat.detect(old_text) if old_text else None
    return fmt.format(value) if fmt else value.isoformat()


def scalar_text(value: object) -> str:
    """Numbers, booleans and null as every YAML reader spells them."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        # PyYAML 1.1 reads `1e5` as a string: it wants a dot in the mantissa.
        return text if "." in text or "e" not in text else _dump_value(value, None)
    raise TypeError(f"not a scalar: {value!r}")


def flow_item(value: object, quote: QuoteStyle) -> str:
    """One item of a list (flow or block), in the list's quoting."""
    if isinstance(value, str):
        if quote == "" and plain_is_safe(value) and _plain_in_flow(value):
            return value
        return quoted(value, quote or "'")
    if isinstance(value, dt.date):
        return quoted(date_text(value, None), quote or "'")
    if is_scalar(value):
        return scalar_text(value)
    return _dump_checked(value, default_flow_style=True, width=10**6).strip()


def _plain_in_flow(text: str) -> bool:
    """Whether a plain scalar reads back as itself inside `[...]` (flow context forbids more
    than block context: `,`, brackets, a leading `:` or `?`)."""
    if any(c in text for c in ",[]{}?:#"):  # parsers disagree on ? and : in flow
        return False
    try:
        return safe_yaml.load(f"[{text}]") == [text]
    except yaml.YAMLError:
        return False


def flow_list(items: Sequence[str]) -> str:
    """`[a, b]` from item texts."""
    return "[" + ", ".join(items) + "]"


def block_list(items: Sequence[str], indent: int) -> list[str]:
    """`- a` lines (without line breaks) from item texts."""
    return [" " * indent + "- " + item for item in items]


def block_collection(value: object, indent: int) -> list[str]:
    """A list of mappings, a mapping, or anything nested, as block lines at `indent`."""
    text = _dump_checked(value, default_flow_style=False, width=FOLD_WIDTH)
    return [" " * indent + line if line else line for line in text.rstrip("\n").split("\n")]


def _dump_checked(value: object, **options: object) -> str:
    """PyYAML's dump of a nested value, double-quoted throughout when its plainer form would
    not read back (PyYAML writes NEL inside single quotes, where readers lose it)."""
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, **options)
    if safe_yaml.load(text) != value:
        text = yaml.safe_dump(
            value, allow_unicode=True, sort_keys=False, default_style='"', **options
        )
    return text


# What the safe loader raises on text it cannot read: YAML errors, and (bugs of its
# constructors) ValueError for `2026-02-30` or `!!int x`, KeyError for `!!bool maybe`,
# IndexError for `!!int ''`, AttributeError for `!!timestamp soon`; libyaml's reader raises
# UnicodeEncodeError (a ValueError) for a lone surrogate.
_UNREADABLE = (yaml.YAMLError, ValueError, KeyError, IndexError, AttributeError, TypeError,
               OverflowError, RecursionError)  # fmt: skip
# The first character of every spelling `typed_value` can take for a scalar.
_SCALAR_START = re.compile(r"[-.0-9tfn]")


def typed_value(text: str) -> object:
    """The value typed `text` stands for when no field type says: the text itself, exactly,
    unless its YAML reading keeps every character of it. That is: a `[...]` or `{...}` that YAML
    reads as a list or a mapping; or `true`, `false`, `null`, a number or an ISO date spelled
    exactly as this module writes that value (`42`, `-2.5`, `2026-01-24`). So `#1 in sales`
    (a comment), ` spaced `, `&b c` (an anchor), `- dash` (a list), `yes`, `~`, `1.10`, `0x1F`
    and the empty text all stay text, and are quoted when written."""
    flow = text[:1] + text[-1:]
    if flow not in ("[]", "{}") and not _SCALAR_START.match(text):
        return text  # cheap: most text cannot be one of the forms below
    try:
        value = safe_yaml.load(text)
    except _UNREADABLE:
        return text
    if flow in ("[]", "{}"):
        return value if isinstance(value, list if flow == "[]" else dict) else text
    if isinstance(value, dt.date):
        return value if value.isoformat() == text else text
    if value is None or isinstance(value, bool | int | float):
        return value if scalar_text(value) == text else text
    return text
