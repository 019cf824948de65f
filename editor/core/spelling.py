"""Offline spell checking for the editor and the form's text fields: marks, suggestions, words.

The dictionaries ship inside pyspellchecker (word-frequency lists in its package data), so
nothing is fetched at run time. A `Speller` checks one language plus the user's personal
dictionary (a UTF-8 text file, one word per line) and the words ignored for this session.

Two ways in, both returning `(start, length)` spans in Python string indices (see `to_utf16`
for Qt's positions):

- `misspelled(text)`: plain text, such as a title field. URLs, e-mail addresses and dotted
  names (`Node.js`, `example.com`, `e.g`) are skipped.
- `misspelled_in_markdown(line, previous)`: one line of a post, as a QSyntaxHighlighter sees
  it. Also skipped: code spans and fenced code, link, image and reference targets, autolinks,
  HTML tags with their attributes (text between tags is checked), comments and entities,
  footnote labels, template tags (`{{< … >}}`, `{% … %}`), attribute lists (`{#id}`), emoji
  codes (`:smile:`), paths (`/images/a.png`) and front-matter keys (their values are checked).

Fence and front-matter state travel from line to line as the highlighter's block state, the
state of the Markdown line grammar (editor/core/document/markdown_lines.py): `previous` is the
state of
the line before (QSyntaxHighlighter's `previousBlockState()`, `read_line(...).state`). The
grammar decides which lines are code for the highlighter too, so spelling marks never land on
lines coloured as code.

A word is a run of letters (with combining marks), apostrophes inside it included: `don’t`
is one word. Hyphenated words are checked part by part. Never marked: single letters, words
with digits or underscores, and words with a capital after the first letter (acronyms such as
HTML, names such as GitHub or iPhone). Case is ignored; a word whose accent-free form is
known passes (pyspellchecker's Spanish list lacks "está" and "qué"); French and Italian
elisions (`l'homme`, `dell'anno`) pass when the word after the apostrophe is known.

The word lists are pyspellchecker's, and they differ: the Spanish one lacks many verb forms
("tiene", "puede") and the Russian one has 20,000 words, so those mark correct words more
often than English, French, German, Italian, Portuguese or Dutch do.
"""

from __future__ import annotations

import gzip
import importlib.resources
import itertools
import json
import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from editor.core.document import CODE_KINDS, IN_FRONT_MATTER, TEXT, read_line
from editor.core.errors import PostError, quoted
from editor.core.storage import atomic_write

MAX_DISTANCE_2 = 10  # letters; longer words get one-edit suggestions only (timings in tests)
_MAX_VERDICTS = 50_000  # cached words per Speller before the cache starts again
_MAX_SUGGESTED = 256  # cached suggestion lists

_NAMES = {
    "ar": "Arabic",
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "eu": "Basque",
    "fa": "Persian",
    "fr": "French",
    "it": "Italian",
    "lv": "Latvian",
    "nl": "Dutch",
    "pt": "Portuguese",
    "ru": "Russian",
}

# `key:` (or `- key:`) at the start of a front-matter line; keys hold no spaces unless quoted,
# so a folded value's line ("Note: this") keeps its words checked.
_FRONT_MATTER_KEY = re.compile(r"\s*(?:-\s+)?(?:\"[^\"]*\"|'[^']*'|[^\s:#\"'][^\s:#]*)\s*:(?=\s|$)")

# A word: letters, digits and underscores (those are judged later) and combining marks (a
# decomposed é, Arabic vowel signs), with apostrophes joining letters: don't, don’t, l'homme.
_CHAR = r"[\w\u0300-\u036f\u0483-\u0489\u0610-\u061a\u064b-\u065f\u0670]"
_WORD = rf"(?P<w>{_CHAR}+(?:['’ʼ]{_CHAR}+)*)"
_APOSTROPHES = str.maketrans("’ʼ", "''")

# Skipped spans, tried before a word at each position. Each stops at its first closing mark
# or the end of the line, and the ones starting inside a word need a token start
# (lookbehind), so a scan stays linear in the line's length however the marks pile up.
_PLAIN_SKIPS = [
    # URL: scheme://…, www.…, mailto:…, with one level of parentheses (Wikipedia's have them)
    r"(?<![\w.+-])(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.|mailto:)(?:[^\s<>()]|\([^\s<>()]*\))*",
    r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail address
    r"(?<![\w.])\w++(?:\.\w++)+",  # dotted names: Node.js, example.com, e.g, v1.2
]
_MARKDOWN_SKIPS = [
    r"``(?:[^`]|`(?!`))+``|`[^`]+`",  # code span
    r"<!--.*?(?:-->|$)",  # HTML comment (an unclosed one runs to the end of the line)
    r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>",  # autolink, any scheme
    r"</?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>",  # HTML tag with its attributes
    r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);",  # HTML entity
    r"\]\(\s*(?:<[^<>]*>|(?:[^\s()]|\([^\s()]*\))*)",  # link/image target; the title is checked
    r"\]\[[^\[\]]*\]",  # reference link label: [text][label]
    r"\[\^[^\[\]\s]*\]",  # footnote label: [^1], [^note]
    r"^ {0,3}\[(?!\^)[^\[\]]+\]:[ \t]*(?:<[^<>]*>|\S*)",  # reference definition: label, URL
    r"\{\{.*?(?:\}\}|$)|\{%.*?(?:%\}|$)",  # template tags: Hugo shortcodes, Liquid
    r"\{[:#.][^{}]*\}",  # attribute list: {#id .class}
    r"(?<![\w:]):[a-z0-9_+-]+:(?![\w:])",  # emoji code
    r"(?<![\w.~/])(?:~|\.{1,2})?/[\w./~%+-]+",  # path: /images/cover.png, ../notes
    *_PLAIN_SKIPS,
]
_PLAIN = re.compile("|".join([*_PLAIN_SKIPS, _WORD]))
_MARKDOWN = re.compile("|".join([*_MARKDOWN_SKIPS, _WORD]))
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class _Words:
    """One language's word list: lowercase word → frequency, and the letters edits try."""

    counts: dict[str, int]
    letters: str  # every letter in the list: one-edit suggestions can reach café
    common: str  # letters of 99.9% of the list's text: the second edit, 2–3× fewer strings


_LOADED: dict[str, _Words] = {}
_LOCK = threading.Lock()  # a worker thread may warm a language up while the UI asks for it


def available_languages() -> list[str]:
    """The language codes whose dictionaries ship with pyspellchecker, sorted."""
    folder = importlib.resources.files("spellchecker") / "resources"
    return sorted(
        p.name.removesuffix(".json.gz") for p in folder.iterdir() if p.name.endswith(".json.gz")
    )


def word_list_for(language: str) -> str | None:
    """The code of the word list that checks `language` (en-US, pt_BR, EN...: "en", "pt"),
    or None when none ships (Ukrainian, Japanese...)."""
    code = language.strip().replace("_", "-").split("-")[0].lower()
    return code if code in available_languages() else None


def _language_code(language: str) -> str:
    """The dictionary's code for en-US, pt_BR, EN...; PostError listing the shipped ones."""
    code = word_list_for(language)
    if code is None:
        available = available_languages()
        listed = ", ".join(f"{c} ({_NAMES[c]})" if c in _NAMES else c for c in available)
        raise PostError(f"no spelling dictionary for {quoted(language)}; available: {listed}")
    return code


def _lower(word: str) -> str:
    return word if word.islower() else word.lower()


def _load(code: str) -> _Words:
    with _LOCK:
        if code not in _LOADED:
            folder = importlib.resources.files("spellchecker") / "resources"
            raw: dict[str, int] = json.loads(
                gzip.decompress((folder / f"{code}.json.gz").read_bytes())
            )
            # A word already lowercase is kept, not copied: 160,000 strings made and freed
            # among those kept would leave the heap's pages half used, 10 MB held for nothing.
            counts = {_lower(word): count for word, count in raw.items()}
            if len(counts) < len(raw):  # words differing in case only: add their counts up
                counts = Counter()
                for word, count in raw.items():
                    counts[_lower(word)] += count
            text = "".join(counts)
            # Every tenth word is plenty to rank letters, at a tenth of the cost.
            sample = Counter("".join(itertools.islice(counts, 0, None, 10)))
            total, kept, common = sample.total(), 0, ""
            for letter, n in sample.most_common():
                if kept >= total * 0.999:
                    break
                common, kept = common + letter, kept + n
            _LOADED[code] = _Words(dict(counts), "".join(set(text)), common)
        return _LOADED[code]


def _key(word: str) -> str:
    """How a word is looked up: lowercase, straight apostrophes, composed accents."""
    key = word.lower().translate(_APOSTROPHES)
    return key if key.isascii() else unicodedata.normalize("NFC", key)


def _bare(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _is_one_word(word: str) -> bool:
    # isprintable() is False for tabs, line breaks and spaces other than " ".
    return bool(word) and word.isprintable() and " " not in word


def _edits(word: str, letters: str) -> set[str]:
    """Every string one deletion, swap, replacement or insertion away from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in letters)
    out.update(a + c + b for a, b in splits for c in letters)
    return out


def _with_case_of(word: str, suggestion: str) -> str:
    """`suggestion` written like `word`: "Teh" → "The", "TEH" → "THE", don’t keeps its ’."""
    if "’" in word:
        suggestion = suggestion.replace("'", "’")
    if len(word) > 1 and word.isupper():
        return suggestion.upper()
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _read_words(path: Path) -> set[str]:
    """The keys of the words in a personal dictionary file; an absent file has none."""
    try:
        return _parse_words(path.read_bytes())
    except (FileNotFoundError, NotADirectoryError):
        return set()  # created on the first add (which says why, if it cannot be)
    except OSError as exc:
        raise PostError(f"could not read the dictionary: {exc.strerror or exc}", path) from exc


def _parse_words(data: bytes) -> set[str]:
    """The keys of a personal dictionary's words, one a line.

    Junk is harmless: a line that is not one word (a phrase, a comment, bytes that are not
    UTF-8) becomes a key no word of the text can match, so it is simply never used.
    """
    lines = data.decode("utf-8", errors="replace").splitlines()
    return {_key(word) for line in lines if (word := line.strip().lstrip("\ufeff"))}


def to_utf16(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` of `text` in UTF-16 code units, as Qt counts: an emoji before a word is 2."""
    if text.isascii() or max(text) <= "\uffff":
        return spans
    extra, count = [0], 0  # extra[i]: astral characters before index i
    for ch in text:
        count += ch > "\uffff"
        extra.append(count)
    return [(s + extra[s], n + extra[s + n] - extra[s]) for s, n in spans]


class Speller:
    """Spell checking in one language, with a personal dictionary and session-ignored words.

    `language` is a code such as "en" or "en-US" (see `available_languages`); an unknown one
    raises PostError. The dictionary loads in the constructor (once per language per process,
    shared by every Speller), so a UI may build a Speller in a worker thread; after that, use
    a Speller from one thread at a time. `personal` is the personal dictionary's file: read
    now (junk lines skipped; PostError if it cannot be read), created by the first `add`.
    Without it, added words last for the session. `language` and `personal` hold what is
    in use (the code without its region: "en" for "en-US").
    """

    def __init__(self, language: str = "en", personal: Path | None = None) -> None:
        self.language = _language_code(language)
        self.personal = Path(personal) if personal is not None else None
        self._words = _load(self.language)
        self._personal = _read_words(self.personal) if self.personal else set()
        self._ignored: set[str] = set()
        self._verdicts: dict[str, bool] = {}  # token as written → correct; the hot path
        self._suggested: dict[tuple[str, int], list[str]] = {}  # right-clicks repeat

    def misspelled(self, text: str) -> list[tuple[int, int]]:
        """(start, length) of each misspelled word in plain text, such as a title."""
        return self._scan(_PLAIN, text, 0)

    def misspelled_in_markdown(self, line: str, previous: int = TEXT) -> list[tuple[int, int]]:
        """(start, length) of each misspelled word in one line of Markdown.

        `previous` is the grammar's state after the line before (`read_line(...).state`):
        in a fenced block nothing is checked, in front matter the key is skipped and the
        value checked.
        """
        if previous == IN_FRONT_MATTER:  # a closing --- or ... has no words to check
            key = _FRONT_MATTER_KEY.match(line)
            return self._scan(_MARKDOWN, line, key.end() if key else 0)
        if read_line(line, previous).kind in CODE_KINDS:
            return []  # code, or a fence line (its info string is a language name)
        return self._scan(_MARKDOWN, line, 0)

    def knows(self, word: str) -> bool:
        """Whether `word` passes: in the dictionary, added, ignored, or never checked."""
        return self._verdict(word)

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        """Up to `limit` corrections, best first, written in `word`'s case ("Teh" → "The").

        One-edit words come first, most frequent first; two-edit words follow only when
        there are fewer than `limit` and the word has at most MAX_DISTANCE_2 letters, since
        their count grows with the square of the length.
        """
        key = _key(word.strip())
        if limit <= 0 or not key:
            return []
        found = self._suggested.get((key, limit))
        if found is None:
            found = self._candidates(key, limit)
            if len(self._suggested) >= _MAX_SUGGESTED:
                self._suggested.clear()
            self._suggested[key, limit] = found
        return [_with_case_of(word.strip(), s) for s in found]

    def add(self, word: str) -> None:
        """Add `word` to the personal dictionary, written to its file at once.

        The file is re-read and the word appended, so its other lines stay as they are and
        words another window added are kept. Raises PostError if `word` is not one word or
        the file cannot be written; the word is then not added.
        """
        word = word.strip()
        if not _is_one_word(word):
            raise PostError(f"{quoted(word)} is not a single word; not added", self.personal)
        if self.personal is not None:
            path = self.personal
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                data = path.read_bytes() if path.exists() else b""
            except OSError as exc:
                raise PostError(f"could not add the word: {exc.strerror or exc}", path) from exc
            self._personal = _parse_words(data)  # with the words other windows added
            if _key(word) not in self._personal:
                newline = b"\r\n" if b"\r\n" in data else b"\n"
                if data and not data.endswith(b"\n"):
                    data += newline
                atomic_write(path, data + word.encode("utf-8") + newline)
        self._personal.add(_key(word))
        self._verdicts.clear()

    def ignore(self, word: str) -> None:
        """Let `word` pass until this Speller is dropped; nothing is written."""
        self._ignored.add(_key(word))
        self._verdicts.clear()

    def _scan(self, pattern: re.Pattern[str], text: str, pos: int) -> list[tuple[int, int]]:
        marks = []
        verdicts = self._verdicts
        for match in pattern.finditer(text, pos):
            token = match["w"]
            if token is None:
                continue  # a skipped span
            start = match.start()
            if token[0] == "_" or token[-1] == "_":  # _emphasis_: the word inside counts
                stripped = token.lstrip("_")
                start += len(token) - len(stripped)
                token = stripped.rstrip("_")
                if not token:
                    continue
            ok = verdicts.get(token)
            if ok is None:
                ok = self._verdict(token)
            if not ok:
                marks.append((start, len(token)))
        return marks

    def _verdict(self, token: str) -> bool:
        ok = self._judge(token)
        if len(self._verdicts) >= _MAX_VERDICTS:
            self._verdicts.clear()  # a pasted book of nonsense must not grow memory forever
        self._verdicts[token] = ok
        return ok

    def _judge(self, token: str) -> bool:
        if len(token) < 2 or "_" in token or _DIGIT.search(token):
            return True  # a letter, a code name, a version: not prose
        if token[1:] != token[1:].lower():
            return True  # HTML, NASA, GitHub, iPhone: acronyms and names
        key = _key(token)
        if self._is_word(key):
            return True
        if "'" in key:
            parts = key.split("'")
            if key.endswith("'s") and self._is_word(key[:-2]):
                return True  # possessive of an added name, or of a word listed without it
            last = parts[-1]
            if len(last) > 1 and self._is_word(last) and all(len(p) <= 6 for p in parts[:-1]):
                return True  # elision: l'homme, dell'anno, qu'il
        if not key.isascii():
            bare = _bare(key)
            return bare != key and self._is_word(bare)
        return False

    def _is_word(self, key: str) -> bool:
        return key in self._words.counts or key in self._personal or key in self._ignored

    def _candidates(self, key: str, limit: int) -> list[str]:
        counts = self._words.counts
        bare = _bare(key)

        def rank(word: str) -> tuple[bool, int, str]:
            # the same word with other accents first (cafe → café), then the most frequent;
            # ties alphabetically, so the menu is the same in every run
            return (_bare(word) != bare, -counts[word], word)

        first = _edits(key, self._words.letters)
        near = counts.keys() & first
        near.discard(key)
        found = sorted(near, key=rank)
        if len(found) < limit and len(key) <= MAX_DISTANCE_2:
            further: set[str] = set()
            common = self._words.common
            # Both edits from the common letters: a third of the strings of the full set.
            for edit in _edits(key, common):
                further |= counts.keys() & _edits(edit, common)
            further -= near
            further.discard(key)
            found += sorted(further, key=rank)
        return found[:limit]
