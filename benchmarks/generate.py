"""Synthetic content folders for benchmarks: many posts, or one long post, in the reference shape.

    python benchmarks/generate.py OUT_DIR --posts 10000 [--seed 1]
    python benchmarks/generate.py OUT_DIR --single 50000 [--seed 1]

Output is deterministic for a given seed. Bodies are assembled from a pool of Markdown blocks
(paragraphs with inline markup, lists, fenced code, tables, quotes) made once per seed, so ten
thousand posts take a few seconds. Standard library only; it does not import the editor.
"""

from __future__ import annotations

import argparse
import datetime
import random
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

BODY_WORDS = (800, 1500)  # range of a folder post's body, counted as `len(body.split())`


def _split(text: str, sep: str | None = None) -> list[str]:
    """The items of a word block: the lists below read better as prose than as literals."""
    return [item.strip() for item in text.split(sep) if item.strip()]


WORDS = _split("""
the a of and to in is for on with as by at from that this it its be are was can will not
or but all more most some many each every other new old first last next few long short
small large fast slow simple clear early late open public local global daily weekly
data model system network service policy market energy city health school team project
study report result change growth price cost risk plan rule law trade power water food
light sound image story voice signal record design method theory field garden river
mountain forest ocean island bridge road train station engine machine robot sensor
camera screen window button server client browser editor folder file page post blog
reader writer author question answer problem solution idea reason example moment
season winter summer spring autumn morning evening night weather storm cloud rain
research science history culture music art film book paper letter word language code
build test check measure compare improve reduce increase create share publish write
read learn teach explain describe follow support protect connect deliver collect
choose decide discover explore replace repair update release launch start finish
quickly slowly carefully quietly openly rarely often always never almost nearly
government company industry community family student teacher doctor patient farmer
engineer designer developer manager leader member partner customer visitor neighbor
budget profit income salary tax loan bank fund stock share value index rate ratio
climate carbon solar wind battery grid fuel transport vehicle traffic airport harbor
software hardware platform framework library package version feature release patch
privacy security password account profile message channel stream feed archive backup
""")

NOUNS = _split("""
data model system network service policy market energy city health school team project
report result change price cost risk plan rule trade power water light sound image story
signal record design method field garden river bridge road train engine machine robot
sensor camera screen window button server client browser editor folder file page post
budget profit income index rate ratio battery grid fuel vehicle platform library package
version feature patch account profile message channel stream feed archive backup
""")

TAGS = _split(
    """
Ai|Machine Learning|Climate|Energy|Health|Education|Startups|Finance|Markets|Policy|
Privacy|Security|Open Source|Python|JavaScript|Web|Mobile|Cloud|Data|Design|Science|Space|
Transport|Cities|Food|Travel|Music|Film|Books|Sports|Culture|History|Robotics|Hardware|
Research|Jobs|Retail|Media|Gaming|Writing
""",
    "|",
)

CATEGORIES = _split(
    """
Healthcare|Technology|Business|Science|Politics|Environment|Culture|Sports|Education|
Travel|Lifestyle|Opinion
""",
    "|",
)

FIRST_NAMES = _split("""
Ada Ben Chloe Dmitri Elena Farid Grace Hiro Ines Jonas Kemi Liam Maya Noor Omar
Priya Quinn Rosa Sami Tara Uma Victor Wen Yusuf Zoe
""")
LAST_NAMES = _split("""
Lindqvist Okafor Moreau Ivanova Haddad Tanaka Silva Becker Nguyen Kowalski
Rahman Costa Fischer Mensah Duarte Novak Ortega Patel Rossi Sato
""")

# Titles sometimes carry an apostrophe (doubled inside YAML single quotes) or curly quotes.
CONTRACTIONS = ["Don't", "Can't", "It's", "Won't", "What's", "Here's", "Isn't"]

CODE_TEMPLATES = {
    "python": [
        "def {a}_{b}({c}, {d}=None):\n"
        '    """Return the {c} of each {d}."""\n'
        "    {e} = [{c} for {c} in {d} or []]\n"
        "    return {e}",
        "class {A}{B}:\n    def __init__(self, {c}):\n        self.{c} = {c}\n\n"
        "    def {d}(self):\n        return len(self.{c})",
        "import json\n\nwith open('{a}.json') as {b}:\n    {c} = json.load({b})\n"
        "print({c}['{d}'], {c}.get('{e}', 0))",
        "for {a} in range(10):\n    if {a} % 2:\n        continue\n    {b}_{c}({a})",
    ],
    "js": [
        "function {a}{B}({c}) {{\n  const {d} = {c}.map((x) => x * 2);\n  return {d};\n}}",
        "const {a} = await fetch('/api/{b}/{c}');\nconst {d} = await {a}.json();\n"
        "console.log({d}.{e});",
        "export default class {A}{B} {{\n  constructor({c}) {{\n    this.{c} = {c};\n  }}\n"
        "\n  {d}() {{\n    return this.{c}.length;\n  }}\n}}",
        "document.querySelectorAll('.{a}').forEach(({b}) => {{\n"
        "  {b}.addEventListener('click', () => {c}({b}));\n}});",
    ],
}


def _sentence(rng: random.Random, low: int = 8, high: int = 18, markup: bool = True) -> str:
    """A capitalised sentence of random words, with some inline Markdown when `markup`."""
    words = rng.choices(WORDS, k=rng.randint(low, high))
    words[0] = words[0].capitalize()
    if markup and rng.random() < 0.6:
        i = rng.randrange(len(words) - 1)
        kind = rng.randrange(4)
        if kind == 0:
            words[i] = f"*{words[i]}*"
        elif kind == 1:
            words[i : i + 2] = [f"**{words[i]}", f"{words[i + 1]}**"]
        elif kind == 2:
            words[i] = f"`{words[i]}_{rng.choice(NOUNS)}()`"
        else:
            words[i : i + 2] = [f"[{words[i]}", f"{words[i + 1]}](https://example.com/{words[i]})"]
    return " ".join(words) + rng.choice("....?!")


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))


def _list(rng: random.Random, numbered: bool) -> str:
    items = [_sentence(rng, 4, 12) for _ in range(rng.randint(3, 6))]
    return "\n".join(f"{i}. {item}" if numbered else f"- {item}" for i, item in enumerate(items, 1))


def _code(rng: random.Random) -> str:
    language = rng.choice(sorted(CODE_TEMPLATES))
    names = rng.sample(NOUNS, 5)
    fill = dict(zip("abcde", names, strict=True))
    fill.update(A=names[0].capitalize(), B=names[1].capitalize())
    return f"```{language}\n{rng.choice(CODE_TEMPLATES[language]).format(**fill)}\n```"


def _table(rng: random.Random) -> str:
    header = [w.capitalize() for w in rng.sample(NOUNS, 3)]
    rows = [
        [rng.choice(NOUNS), f"{rng.randint(1, 999)}", f"{rng.random() * 100:.1f}%"]
        for _ in range(rng.randint(3, 5))
    ]
    lines = [header, ["---", "--:", "--:"], *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def _quote(rng: random.Random) -> str:
    return "\n".join(f"> {_sentence(rng)}" for _ in range(rng.randint(1, 2)))


class _Pool:
    """Markdown blocks made once per seed; posts pick from them. Sizes are whitespace tokens."""

    def __init__(self, rng: random.Random) -> None:
        self.paragraphs = [_paragraph(rng) for _ in range(300)]
        self.others = (
            [_list(rng, numbered=False) for _ in range(30)]
            + [_list(rng, numbered=True) for _ in range(30)]
            + [_code(rng) for _ in range(24)]
            + [_table(rng) for _ in range(20)]
            + [_quote(rng) for _ in range(30)]
        )
        self.size = {block: len(block.split()) for block in self.paragraphs + self.others}
        # The most one step of `_body` adds: a heading or a block.
        self.max_step = max(max(self.size.values()), 2 + 6)

    def body(self, rng: random.Random, target: int) -> str:
        """Blocks under headings: at least `target` words, fewer than `target + max_step`."""
        blocks: list[str] = []
        total = 0
        since_heading = 99  # start with an intro paragraph, then a heading
        while total < target:
            if blocks and since_heading >= rng.randint(3, 5):
                level = "###" if since_heading < 99 and rng.random() < 0.3 else "##"
                block = f"{level} {_sentence(rng, 2, 6, markup=False)[:-1]}"
                size = len(block.split())
                since_heading = 0
            else:
                pool = self.paragraphs if not blocks or rng.random() < 0.65 else self.others
                block = rng.choice(pool)
                size = self.size[block]
                since_heading += 1
            blocks.append(block)
            total += size
        return "\n\n".join(blocks) + "\n"


def _title(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(4, 9))
    roll = rng.random()
    if roll < 0.12:
        i = rng.randrange(1, len(words))
        words[i] = f"’{words[i]}’"
    elif roll < 0.22:
        words.insert(0, rng.choice(CONTRACTIONS))
    words[0] = words[0][0].upper() + words[0][1:]
    return " ".join(words)


def _slug(title: str) -> str:
    """A file-name slug for the generator's own ASCII titles (the editor has the real one)."""
    text = re.sub(r"['’]", "", title.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].rstrip("-")


def _front_matter(rng: random.Random, title: str, slug: str) -> str:
    date = datetime.date(2018, 1, 1) + datetime.timedelta(days=rng.randrange(3100))
    seen = date - datetime.timedelta(days=1)
    excerpt = [_sentence(rng, 6, 12, markup=False) for _ in range(rng.randint(2, 3))]
    tags = rng.sample(TAGS, rng.randint(1, 4))
    photo = rng.randrange(1_000_000, 10_000_000)
    lines = [
        "---",
        "title: '" + title.replace("'", "''") + "'",
        f"date: '{date.isoformat()}'",
        "excerpt: >-",
        *(f"  {line}" for line in excerpt),
        "coverImage: >-",
        f"  https://images.example.com/photo-{photo}?w=400&h=200&fit=crop",
        f"author: {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        "tags:",
        *(f"  - {tag}" for tag in tags),
        f"category: {rng.choice(CATEGORIES)}",
        "source: >-",
        f"  https://news.example.com/{seen:%Y/%m/%d}/{slug}/",
        "---",
    ]
    return "\n".join(lines) + "\n"


def _post(rng: random.Random, pool: _Pool, target: int) -> tuple[str, str]:
    """(slug, text) of one post whose body has at least `target` words."""
    title = _title(rng)
    slug = _slug(title) or "post"
    return slug, _front_matter(rng, title, slug) + "\n" + pool.body(rng, target)


def make_folder(out: Path, count: int, seed: int = 1) -> Path:
    """Write `count` posts named `{slug}.md` into `out` (created if needed) and return `out`.

    Body sizes are drawn from BODY_WORDS; equal slugs get "-2", "-3"... Existing files with the
    same names are overwritten, so a run on the same folder gives the same result.
    """
    rng = random.Random(seed)
    pool = _Pool(rng)
    low, high = BODY_WORDS
    out.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for _ in range(count):
        slug, text = _post(rng, pool, rng.randint(low, high - pool.max_step))
        name, n = slug, 1
        while name in used:
            n += 1
            name = f"{slug}-{n}"
        used.add(name)
        (out / f"{name}.md").write_text(text, encoding="utf-8", newline="\n")
    return out


def make_post(words: int, seed: int = 1) -> str:
    """The text of one post in the reference shape whose body has about `words` words."""
    rng = random.Random(seed)
    pool = _Pool(rng)
    return _post(rng, pool, words)[1]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write into (created if needed)")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--posts", type=int, default=1000, help="number of posts (default 1000)")
    what.add_argument(
        "--single", type=int, metavar="WORDS", help="write one post of about WORDS words"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.single is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / f"post-{args.single}-words.md"
        path.write_text(make_post(args.single, args.seed), encoding="utf-8", newline="\n")
        print(path)
    else:
        make_folder(args.out, args.posts, args.seed)
        print(args.out)
    print(f"generated in {time.perf_counter() - start:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
