"""Safe file names from any text: slugs.

A slug is lowercase ASCII letters and digits joined by single hyphens, so it is a valid file
name on every OS and a clean URL segment. New posts, pictures copied into a site and exported
pages are all named by one.
"""

from __future__ import annotations

import re
import unicodedata

FALLBACK_SLUG = "untitled"
MIN_SLUG_LENGTH = 9  # room for "untitled" and "com1-post"

# Marks inside a word: "Don't" is one word, not "don" and "t". Removed before NFKD, which
# would turn the acute accent into a space.
_APOSTROPHES = dict.fromkeys(map(ord, "'’ʼ`´′"), "")

# Letters that NFKD does not decompose into ASCII. Keys are lowercase: the title is
# casefolded first (which already turns "ß" into "ss").
_LATIN = {
    "æ": "ae",
    "ø": "o",
    "œ": "oe",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ħ": "h",
    "ı": "i",
    "ŋ": "ng",
    "ŧ": "t",
    "ſ": "s",
    "ə": "e",
}

# Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian), a simple
# readable romanisation rather than a reversible standard: a slug only has to be legible.
_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "є": "ye",
    "і": "i",
    "ї": "yi",
    "ґ": "g",
    "ў": "u",
    "ђ": "dj",
    "ј": "j",
    "љ": "lj",
    "њ": "nj",
    "ћ": "c",
    "џ": "dz",
    "ѓ": "gj",
    "ќ": "kj",
    "ѕ": "dz",
}

_FOLD = str.maketrans({**_LATIN, **_CYRILLIC})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")

# Windows refuses these as file names whatever the extension ("con.md" too).
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{device}{n}" for device in ("com", "lpt") for n in range(10)]
)


class _Uncombined(dict[int, int | None]):
    """`str.translate`'s table that drops combining marks (accents), filled in as characters
    are met: a lookup in C per character, not a call back into Python (half of `folded`,
    which the list makes of every post it shows)."""

    def __missing__(self, point: int) -> int | None:
        kept = None if unicodedata.combining(chr(point)) else point
        self[point] = kept
        return kept


_UNCOMBINED = _Uncombined()


def folded(text: str) -> str:
    """`text` casefolded and without its accents ("Café" → "cafe"): the form in which what a
    writer types in a hurry finds what they wrote with care (the filters, quick open, look-alike
    tags)."""
    text = text.casefold()
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_UNCOMBINED)


def slugify(title: str, max_length: int = 60) -> str:
    """A lowercase ASCII slug of `title`: "Café Noël" → "cafe-noel", "Don't panic" → "dont-panic".

    Never empty (a title with nothing to keep gives "untitled"), never longer than
    `max_length`, never a Windows device name ("CON" gives "con-post").
    """
    if max_length < MIN_SLUG_LENGTH:
        raise ValueError(f"max_length must be at least {MIN_SLUG_LENGTH}, not {max_length}")
    text = unicodedata.normalize("NFKC", title).casefold().translate(_APOSTROPHES)
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    slug = _NOT_SLUG.sub("-", text).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        if slug[max_length] != "-":
            # Drop the partial last word, unless it is the only word.
            cut = cut.rpartition("-")[0] or cut
        slug = cut.strip("-")
    if not slug:
        return FALLBACK_SLUG
    if slug in _RESERVED:
        return f"{slug}-post"
    return slug
