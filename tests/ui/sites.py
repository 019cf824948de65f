"""Small real sites for the window tests, written into a test's folder (not a test module):
a Jekyll site (config with `defaults`, `_posts`, `_drafts`, pages, posts in two languages)
and a Hugo site (`hugo.toml`, `content/posts`, a page)."""

from __future__ import annotations

from pathlib import Path

# No `lang`: the posts' languages are their own (Bonjour's `lang: fr`). The defaults give no
# author, so a schema wanting one finds it missing unless a test's seam gives it.
JEKYLL_CONFIG = """\
title: A Jekyll blog
defaults:
  - scope:
      path: ""
      type: posts
    values:
      layout: post
"""

# A post that writes no `layout`: the site's defaults give it one.
JEKYLL_HELLO = """\
---
title: Hello Jekyll
date: 2024-03-01
tags: [intro]
---
First words.
"""

JEKYLL_POSTS: dict[str, str] = {
    "_config.yml": JEKYLL_CONFIG,
    "_posts/2024-03-01-hello.md": JEKYLL_HELLO,
    "_posts/2024-04-02-bonjour.md": (
        "---\nlayout: post\ntitle: Bonjour\ndate: 2024-04-02\nlang: fr\n---\nPremiers mots.\n"
    ),
    "_posts/2099-01-02-future.md": (
        "---\nlayout: post\ntitle: From the future\ndate: 2099-01-02\n---\nNot yet.\n"
    ),
    "_posts/2024-05-03-held-back.md": (
        "---\nlayout: post\ntitle: Held back\ndate: 2024-05-03\npublished: false\n---\nNo.\n"
    ),
    "_drafts/an-idea.md": "---\nlayout: post\ntitle: An idea\n---\nSomeday.\n",
    "about.md": "---\nlayout: page\ntitle: About us\npermalink: /about/\n---\nWho we are.\n",
}

HUGO_POSTS: dict[str, str] = {
    "hugo.toml": 'baseURL = "https://example.org/"\ntitle = "A Hugo blog"\n',
    "content/posts/first.md": "---\ntitle: First Hugo post\ndate: 2024-01-05\n---\nHi.\n",
    "content/posts/second.md": "---\ntitle: Second Hugo post\ndate: 2024-02-06\n---\nHo.\n",
    "content/about.md": "---\ntitle: About Hugo\n---\nA page.\n",
}


def make_site(root: Path, files: dict[str, str]) -> Path:
    """Write a site's files under `root` (made if need be); `root` back."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return root
