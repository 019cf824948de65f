"""The part of Go's text/template language that Hugo archetypes use, run without Hugo.

An archetype is a Go template (`{{ replace .File.ContentBaseName "-" " " | title }}`). This
module runs the subset new posts need and no more: fields of the data (`.Date`, `.Name`,
`.File.ContentBaseName`, `.Type`, `.Site.Title`), string and number literals, pipelines,
parentheses, `{{-`/`-}}` trimming, comments, and the functions in `Functions` (Hugo's
`now`, `replace`, `title`, `humanize`, `upper`, `lower`, `dateFormat`, `time.Format`, and
the `.Format` method of a time). Anything else (`if`, `range`, variables, other functions)
raises `PostError` naming the part, so a caller can fall back instead of guessing:

    render("title: {{ .Name | upper }}", {"Name": "hi"}, functions)   # "title: HI"
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from editor.core.errors import PostError, quoted

Function = Callable[..., object]

_ACTION = re.compile(r"\{\{(-\s)?(.*?)(\s-)?\}\}", re.DOTALL)
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>"(?:[^"\\\n]|\\.)*")
      | (?P<raw>`[^`]*`)
      | (?P<number>-?\d+(?:\.\d+)?)
      | (?P<field>(?:\.[A-Za-z_]\w*)+|\.)
      | (?P<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)
      | (?P<punct>[|()])
    )""",
    re.VERBOSE,
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "a": "\a", "0": "\0"}


@dataclass(frozen=True)
class _Field:
    path: tuple[str, ...]


@dataclass(frozen=True)
class _Name:
    name: str


def render(template: str, data: Mapping[str, object], functions: Mapping[str, Function]) -> str:
    """`template` run over `data` (nested mappings, strings and datetimes) with `functions`.
    Raises `PostError` for a part of the language this subset does not run."""
    out: list[str] = []
    at = 0
    trim_next = False
    for match in _ACTION.finditer(template):
        text = template[at : match.start()]
        if trim_next:
            text = text.lstrip(" \t\r\n")
        if match.group(1):
            text = text.rstrip(" \t\r\n")
        out.append(text)
        trim_next = bool(match.group(3))
        at = match.end()
        body = match.group(2).strip()
        if body.startswith("/*") and body.endswith("*/"):
            continue
        try:
            out.append(_printed(_pipeline(_tokens(body), data, functions), body))
        except PostError as error:
            error.line = template.count("\n", 0, match.start()) + 1
            raise
    text = template[at:]
    out.append(text.lstrip(" \t\r\n") if trim_next else text)
    return "".join(out)


def _printed(value: object, body: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    raise PostError(f"printing {quoted('{{ ' + body + ' }}')} as Hugo does is not supported")


def _tokens(body: str) -> list[object]:
    tokens: list[object] = []
    at = 0
    while at < len(body):
        match = _TOKEN.match(body, at)
        if match is None or match.end() == at:
            if body[at:].strip():
                raise PostError(f"the template part {quoted(body)} is not supported")
            break
        at = match.end()
        kind = match.lastgroup
        text = match.group(kind)
        if kind == "string":
            tokens.append(_unescape(text[1:-1]))
        elif kind == "raw":
            tokens.append(text[1:-1])
        elif kind == "number":
            tokens.append(float(text) if "." in text else int(text))
        elif kind == "field":
            tokens.append(_Field(tuple(p for p in text.split(".") if p)))
        elif kind == "name":
            tokens.append(_Name(text))
        else:
            tokens.append(text)
    return tokens


def _unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code in _ESCAPES:
            return _ESCAPES[code]
        if code[0] in "xuU":
            return chr(int(code[1:], 16))
        raise PostError(f"the string escape \\{code} is not supported")

    return re.sub(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", one, text)


def _pipeline(
    tokens: list[object], data: Mapping[str, object], functions: Mapping[str, Function]
) -> object:
    """Run `a b | c d | e`: each command's result is the last argument of the next."""
    commands: list[list[object]] = [[]]
    depth = 0
    for token in tokens:
        if token == "|" and depth == 0:
            commands.append([])
            continue
        depth += (token == "(") - (token == ")")
        if depth < 0:
            raise PostError("a template has a ‘)’ without its ‘(’")
        commands[-1].append(token)
    if depth or any(not c for c in commands):
        raise PostError("a template's pipeline is incomplete")
    value: object = _NOTHING
    for command in commands:
        value = _command(command, value, data, functions)
    return value


_NOTHING = object()
_KEYWORDS = frozenset({"if", "else", "end", "range", "with", "define", "template", "block"})


def _command(
    command: list[object],
    piped: object,
    data: Mapping[str, object],
    functions: Mapping[str, Function],
) -> object:
    head = command[0]
    if isinstance(head, _Name) and head.name in _KEYWORDS:
        raise PostError(f"the template action ‘{head.name}’ is not supported")
    if isinstance(head, _Name) and (
        head.name not in functions and not head.name.startswith("now.")
    ):
        raise PostError(f"the template function ‘{head.name}’ is not supported")
    operands = _operands(command, data, functions)
    args = operands[1:]
    if piped is not _NOTHING:
        args.append(piped)
    if isinstance(head, _Name):
        if head.name.startswith("now."):  # a method of the time now: `now.Format "2006"`
            return _method(_call("now", [], functions), head.name[4:], args)
        return _call(head.name, args, functions)
    if args:
        raise PostError("a template passes arguments to a value that takes none")
    return operands[0]


def _operands(
    command: list[object], data: Mapping[str, object], functions: Mapping[str, Function]
) -> list[object]:
    """Each operand's value (a function name stays a `_Name`; `( ... )` is run)."""
    out: list[object] = []
    at = 0
    while at < len(command):
        token = command[at]
        if token == "(":
            depth, end = 1, at + 1
            while depth:
                depth += (command[end] == "(") - (command[end] == ")")
                end += 1
            out.append(_pipeline(command[at + 1 : end - 1], data, functions))
            at = end
            continue
        if isinstance(token, _Field):
            out.append(_field(data, token.path))
        elif isinstance(token, _Name) and at > 0:
            out.append(_call(token.name, [], functions))  # a function without arguments
        else:
            out.append(token)
        at += 1
    return out


def _field(data: Mapping[str, object], path: tuple[str, ...]) -> object:
    value: object = data
    for part in path:
        if not isinstance(value, Mapping) or part not in value:
            raise PostError(f"the template field .{'.'.join(path)} is not supported")
        value = value[part]
    return value


def _call(name: str, args: list[object], functions: Mapping[str, Function]) -> object:
    function = functions.get(name)
    if function is None:
        raise PostError(f"the template function ‘{name}’ is not supported")
    try:
        return function(*args)
    except TypeError:
        raise PostError(f"the template function ‘{name}’ got arguments it does not take") from None


def _method(value: object, name: str, args: list[object]) -> object:
    if name == "Format" and isinstance(value, dt.datetime) and len(args) == 1:
        return go_format(value, str(args[0]))
    raise PostError(f"the template method ‘.{name}’ is not supported")


# --- Go's time layouts ---------------------------------------------------------------

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_LAYOUT = re.compile(
    r"January|Jan|Monday|Mon|MST|01|02|03|04|05|06|002|15|1|2006|2|__2|_2(?!006)|3|4|5|PM|pm"
    r"|-070000|-07:00:00|-0700|-07:00|-07|Z070000|Z07:00:00|Z0700|Z07:00|Z07"
    r"|[.,](?:0+|9+)(?!\d)"
)


def go_format(when: dt.datetime, layout: str) -> str:
    """`when` written by a Go time layout ("2006-01-02T15:04:05Z07:00"), as Go's
    `Time.Format` writes it (English names, as Hugo's `en` locale)."""
    return _LAYOUT.sub(lambda m: _chunk(when, m.group()), layout)


def _chunk(when: dt.datetime, token: str) -> str:
    hour12 = when.hour % 12 or 12
    simple = {
        "January": _MONTHS[when.month - 1],
        "Jan": _MONTHS[when.month - 1][:3],
        "Monday": _DAYS[when.weekday()],
        "Mon": _DAYS[when.weekday()][:3],
        "01": f"{when.month:02}",
        "1": str(when.month),
        "02": f"{when.day:02}",
        "2": str(when.day),
        "_2": f"{when.day:>2}",
        "__2": f"{when.timetuple().tm_yday:>3}",
        "002": f"{when.timetuple().tm_yday:03}",
        "2006": f"{when.year:04}",
        "06": f"{when.year % 100:02}",
        "15": f"{when.hour:02}",
        "03": f"{hour12:02}",
        "3": str(hour12),
        "04": f"{when.minute:02}",
        "4": str(when.minute),
        "05": f"{when.second:02}",
        "5": str(when.second),
        "PM": "PM" if when.hour >= 12 else "AM",
        "pm": "pm" if when.hour >= 12 else "am",
    }
    if token in simple:
        return simple[token]
    if token[0] in ".,":
        digits = len(token) - 1
        fraction = f"{when.microsecond:06}000"[:digits]
        if token[1] == "9":
            fraction = fraction.rstrip("0")
            return token[0] + fraction if fraction else ""
        return token[0] + fraction
    offset = when.utcoffset()
    if token == "MST":
        name = when.tzname() if offset is not None else "UTC"
        if name and not name.startswith(("+", "-", "UTC+", "UTC-")):
            return name
        return _offset(offset or dt.timedelta(), "-0700")
    if offset is None:
        offset = dt.timedelta()
    if token[0] == "Z" and not offset:
        return "Z"
    return _offset(offset, "-" + token[1:])


def _offset(offset: dt.timedelta, style: str) -> str:
    seconds = int(offset.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    if style == "-07":
        return f"{sign}{hours:02}"
    if style == "-0700":
        return f"{sign}{hours:02}{minutes:02}"
    if style == "-07:00":
        return f"{sign}{hours:02}:{minutes:02}"
    if style == "-070000":
        return f"{sign}{hours:02}{minutes:02}{seconds:02}"
    return f"{sign}{hours:02}:{minutes:02}:{seconds:02}"
