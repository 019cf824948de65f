"""A multilingual Jekyll site shaped like www.ruby-lang.org, for the real-site figures.

    python benchmarks/generate_site.py OUT_DIR [--seed 1]

`<lang>/news/_posts/YYYY-MM-DD-slug.md` in 17 languages with www.ruby-lang.org's counts
(4,723 posts), and its pages (`<lang>/<section>/.../index.md`, 611): 5,334 Markdown files.
Front matter as that site writes it (layout, title, author, translator, date, lang). File
sizes follow the real site's (posts: median 1.8 kB, 90th percentile 5 kB, a few up to
50 kB; pages about twice that); the languages written in Cyrillic, Chinese, Japanese or
Korean letters have bodies in those letters, so their files are UTF-8 of several bytes a
character as the real ones. Deterministic for a seed; standard library only.
"""

from __future__ import annotations

import argparse
import datetime
import math
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from generate import WORDS  # benchmarks/ is sys.path[0] as a script

# Posts per language, as www.ruby-lang.org has them (2026).
POSTS = {
    "en": 513, "uk": 513, "ja": 510, "vi": 500, "ko": 427, "de": 354, "es": 311,
    "zh_tw": 291, "id": 286, "zh_cn": 248, "ru": 192, "fr": 183, "it": 107, "pt": 101,
    "pl": 80, "tr": 78, "bg": 29,
}  # fmt: skip
PAGES_PER_LANGUAGE = 36  # 611 pages over 17 languages
SECTIONS = ["about", "community", "documentation", "downloads", "libraries", "security"]
# Sizes in bytes (log-normal): the real posts' median and 90th percentile, clamped to theirs.
POST_BYTES = (1847, 4970, 133, 51_921)
PAGE_BYTES = (3523, 10_658, 300, 18_531)
# Letters of the languages not written in Latin ones, standing in for a-z in their bodies.
SCRIPTS = {
    "ru": "абвгдежзийклмнопрстуфхцчшщ",
    "uk": "абвгґдеєжзиіїйклмнопрстуфх",
    "bg": "абвгдежзийклмнопрстуфхцчшщ",
    "ja": "あいうえおかきくけこさしすせそたちつてとなにぬねのは",
    "ko": "가나다라마바사아자차카타파하거너더러머버서어저처커터",
    "zh_cn": "的一是不了人我在有他这中大来上个国到说们为子和你地出",
    "zh_tw": "的一是不了人我在有他這中大來上個國到說們為子和你地出",
}
CONFIG = """\
markdown: kramdown
permalink: pretty
highlighter: rouge
timezone: UTC
plugins:
  - jekyll-sitemap
exclude:
  - Gemfile
  - README.md
  - lib
url: https://www.example.org
"""


def _bytes(rng: random.Random, shape: tuple[int, int, int, int]) -> int:
    median, p90, low, high = shape
    sigma = math.log(p90 / median) / 1.2816  # the 90th percentile of a normal is 1.28 σ
    return max(low, min(high, int(rng.lognormvariate(math.log(median), sigma))))


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 16))
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def _body(rng: random.Random, size: int, letters: str | None) -> str:
    """Paragraphs, headings, lists and code, about `size` bytes once in the language's letters."""
    per_letter = 1 if letters is None else len(letters[0].encode())
    blocks: list[str] = []
    total = 0
    while total < size or not blocks:
        roll = rng.random()
        if roll < 0.1:
            block = "## " + _sentence(rng)[:-1]
        elif roll < 0.2:
            block = "\n".join(f"* {_sentence(rng)}" for _ in range(rng.randint(2, 5)))
        elif roll < 0.27:
            block = (
                "{% highlight sh %}\n$ gem install " + rng.choice(WORDS) + "\n{% endhighlight %}"
            )
        else:
            block = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        if letters is not None and not block.startswith("{%"):
            block = block.translate(_table(letters))
        blocks.append(block)
        total += len(block) * per_letter + 2
    return "\n\n".join(blocks) + "\n"


def _table(letters: str) -> dict[int, str]:
    return {ord(a): letters[i % len(letters)] for i, a in enumerate("abcdefghijklmnopqrstuvwxyz")}


def _post(rng: random.Random, lang: str, number: int) -> tuple[str, str]:
    day = datetime.datetime(2002, 1, 1) + datetime.timedelta(
        days=rng.randrange(8800), seconds=rng.randrange(86_400)
    )
    words = rng.choices(WORDS, k=rng.randint(3, 7))
    slug = "-".join(words) + f"-{number}"
    letters = SCRIPTS.get(lang)
    title = " ".join(words).capitalize()
    if letters is not None:
        title = title.translate(_table(letters))
    lines = ["---", "layout: news_post", f'title: "Ruby {number // 10}.{number % 10} {title}"']
    lines.append(f'author: "{rng.choice(WORDS).capitalize()} {rng.choice(WORDS).capitalize()}"')
    if lang != "en" and rng.random() < 0.6:
        lines.append(f'translator: "{rng.choice(WORDS).capitalize()}"')
    lines += [f"date: {day:%Y-%m-%d %H:%M:%S} +0000", f"lang: {lang}", "---", ""]
    head = "\n".join(lines) + "\n"
    return f"{day:%Y-%m-%d}-{slug}.md", head + _body(
        rng, _bytes(rng, POST_BYTES) - len(head), letters
    )


def _page(rng: random.Random, lang: str, number: int) -> tuple[str, str]:
    section = SECTIONS[number % len(SECTIONS)]
    below = "" if number < len(SECTIONS) else rng.choice([f"{number}/", f"{number}/{number}/"])
    path = f"{section}/{below}index.md"
    letters = SCRIPTS.get(lang)
    title = _sentence(rng)[:-1]
    if letters is not None:
        title = title.translate(_table(letters))
    head = f'---\nlayout: page\ntitle: "{title}"\nlang: {lang}\n---\n\n'
    return path, head + _body(rng, _bytes(rng, PAGE_BYTES) - len(head), letters)


def make_site(out: Path, seed: int = 1) -> Path:
    """Write the site into `out` (created if needed) and return `out`."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "_config.yml").write_text(CONFIG, encoding="utf-8")
    (out / "README.md").write_text("# The site\n", encoding="utf-8")  # excluded by _config
    layouts = out / "_layouts"
    layouts.mkdir(exist_ok=True)
    for name in ("default", "page", "news_post"):
        (layouts / f"{name}.html").write_text("{{ content }}\n", encoding="utf-8")
    number = 0
    for lang, count in POSTS.items():
        posts = out / lang / "news" / "_posts"
        posts.mkdir(parents=True, exist_ok=True)
        for _ in range(count):
            number += 1
            name, text = _post(rng, lang, number)
            (posts / name).write_text(text, encoding="utf-8", newline="\n")
        for n in range(PAGES_PER_LANGUAGE):
            rel, text = _page(rng, lang, n)
            path = out / lang / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write into (created if needed)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    make_site(args.out, args.seed)
    print(args.out)
    print(f"generated in {time.perf_counter() - start:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
