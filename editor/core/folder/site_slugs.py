"""A new post's file name from its title, by its site's own slug rule.

Hugo (`urlize`) and Jekyll (`Utils.slugify`, default mode, as jekyll-compose names a post)
keep letters of every script, lowercased: "Привет мир" stays "привет-мир" there. Astro,
Eleventy, Next.js, Zola (`slugify.paths = "on"`) and a plain folder get ASCII names, so the
title is transliterated (python-slugify: every script, "日本語" → "ri-ben-yu") rather than
dropped. Every slug is a valid file name on every OS: never empty, never a Windows device name,
never longer than `MAX_SLUG` characters (cut at a word boundary).
"""

from __future__ import annotations

import unicodedata

from editor.core.storage import slugify as ascii_slug

MAX_SLUG = 60
FALLBACK = "untitled"
# Generators whose own slug rule keeps the letters of every script.
_KEEP_LETTERS = frozenset({"hugo", "jekyll"})
_APOSTROPHES = "'’ʼ`´′"
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{device}{n}" for device in ("com", "lpt") for n in range(10)]
)


def site_slug(title: str, generator: str) -> str:
    """The slug of a new post titled `title` on a site of `generator` (its `name`)."""
    if generator in _KEEP_LETTERS:
        slug = _letters_slug(title, drop_apostrophes=generator == "hugo")
    else:
        # Only a new post's name needs python-slugify (and its html tables): loaded here, so a
        # command that reads posts (`check FILE` scans its site's folder) never imports it.
        from slugify import slugify as transliterated

        # python-slugify writes "Don't" as "don-t"; our ASCII rule (and readers) say "dont".
        kept = "".join(c for c in title if c not in _APOSTROPHES)
        slug = transliterated(kept, max_length=MAX_SLUG, word_boundary=True)
    slug = _cut(slug) or ascii_slug(title, MAX_SLUG)
    if not slug or slug == FALLBACK:
        return FALLBACK
    return f"{slug}-post" if slug in _RESERVED else slug


def _letters_slug(title: str, drop_apostrophes: bool) -> str:
    """Letters, combining marks and digits of any script, lowercased; every other run of
    characters one hyphen (Jekyll's `[^\\p{M}\\p{L}\\p{Nd}]+`). Hugo's urlize drops an
    apostrophe ("don't" → "dont"); Jekyll turns it into a hyphen."""
    text = unicodedata.normalize("NFC", title)
    if drop_apostrophes:
        text = "".join(c for c in text if c not in _APOSTROPHES)
    out, hyphen = [], False
    for char in text.lower():
        if unicodedata.category(char)[0] in "LM" or unicodedata.category(char) == "Nd":
            if hyphen and out:
                out.append("-")
            out.append(char)
            hyphen = False
        else:
            hyphen = True
    return "".join(out)


def _cut(slug: str) -> str:
    """`slug` no longer than MAX_SLUG, cut after a whole word when it has several."""
    if len(slug) <= MAX_SLUG:
        return slug.strip("-")
    cut = slug[:MAX_SLUG]
    if slug[MAX_SLUG] != "-":
        cut = cut.rpartition("-")[0] or cut
    return cut.strip("-")
