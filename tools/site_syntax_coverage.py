"""How the preview shows the site syntax of real sites: each Hugo shortcode, Liquid tag or
variable and MDX component counted as rendered (as what) or shown as a labelled placeholder,
and every post checked for raw syntax left outside code.

    .venv/bin/python scripts/site_syntax_coverage.py /work/sites/hugoDocs \
        /work/sites/jekyll/docs /work/sites/starlight/docs
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from markdown_it import MarkdownIt

from editor.core.site.generators import detect_generator
from editor.core.site.site_syntax import site_syntax_context, use_site_syntax
from editor.core.site.site_syntax.liquid import site_value

SUFFIXES = (".md", ".markdown", ".mdx")
HUGO_TAG = re.compile(r"\{\{([<%])\s*(?!/)([\w.-]+(?:/[\w.-]+)*)")
LIQUID_TAG = re.compile(r"\{%-?\s*(\w+)")
LIQUID_VAR = re.compile(r"\{\{-?(.*?)-?\}\}", re.DOTALL)
ZOLA = re.compile(r"\{[{%]\s*[A-Za-z_]\w*\(")
JSX = re.compile(r"<([A-Z][\w.]*)")
FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1", re.DOTALL | re.MULTILINE)
# What a reader does not see as text: code, and HTML comments.
CODE = re.compile(r"<(pre|code)\b.*?</\1>|<!--.*?-->", re.DOTALL)
# Hugo's shortcode comments print `{{< x >}}` on purpose: not raw syntax left over.
HUGO_COMMENT = re.compile(r"\{\{([<%])/\*.*?\*/[>%]\}\}", re.DOTALL)
HUGO_AS = {"figure": "figure", "ref": "link", "relref": "link", "highlight": "code block"}
LIQUID_AS = {
    "highlight": "code block",
    "endhighlight": "code block",
    "link": "link",
    "post_url": "link",
    "raw": "literal",
    "endraw": "literal",
    "comment": "hidden",
    "endcomment": "hidden",
}


def body_of(text: str) -> str:
    for mark in ("---", "+++"):
        if text.startswith(mark + "\n"):
            end = text.find("\n" + mark, len(mark))
            if end > 0:
                return text[end + len(mark) + 1 :]
    return text


def survey(root: Path) -> None:
    generator = detect_generator(root)
    counts: Counter[str] = Counter()
    files = errors = leftovers = 0
    for path in sorted(root.rglob("*")):
        if path.suffix not in SUFFIXES or "node_modules" in path.parts or not path.is_file():
            continue
        files += 1
        context = site_syntax_context(generator, path)
        md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
        use_site_syntax(md, context)
        body = body_of(path.read_text(encoding="utf-8", errors="replace"))
        try:
            html = md.render(body)
        except Exception as error:
            errors += 1
            print(f"  error in {path}: {error!r}")
            continue
        outside = CODE.sub("", html)
        prose = FENCE.sub("", body)
        if context.generator == "hugo":
            for _, name in HUGO_TAG.findall(prose):
                counts[HUGO_AS.get(name, "placeholder")] += 1
            plain = CODE.sub("", md.render(HUGO_COMMENT.sub("", body)))
            raw = bool(re.search(r"\{\{(&lt;|<|%)", plain))
        elif context.generator in ("jekyll", "eleventy"):
            for name in LIQUID_TAG.findall(prose):
                counts["tag: " + LIQUID_AS.get(name, "placeholder")] += 1
            for expr in LIQUID_VAR.findall(prose):
                known = site_value(expr, context.site_variables) is not None
                counts["variable: " + ("value" if known else "placeholder")] += 1
            # Liquid in an HTML attribute is not shown as text.
            raw = bool(re.search(r"\{%|\{\{", re.sub(r"<[^>]*>", "", outside)))
        elif context.generator == "zola":
            counts["placeholder"] += len(ZOLA.findall(prose))
            raw = bool(ZOLA.search(re.sub(r"<[^>]*>", "", outside)))
        else:
            if context.file_type == ".mdx":
                counts["component: box"] += len(JSX.findall(prose))
            raw = context.file_type == ".mdx" and bool(
                re.search(r"&lt;[A-Z]|^<p>import ", outside, re.M)
            )
        if raw:
            leftovers += 1
            print(f"  raw syntax left outside code: {path}")
    total = sum(counts.values())
    print(f"{root} ({generator.name}): {files} files, {errors} errors, {leftovers} with raw syntax")
    for what, count in counts.most_common():
        print(f"  {what}: {count} ({100 * count / total:.1f}%)")


if __name__ == "__main__":
    for folder in sys.argv[1:]:
        survey(Path(folder))
