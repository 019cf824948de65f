"""Sample post texts for the core's tests, one real-world front-matter style each.

Every text here is a golden fixture: the engine must give its exact bytes back when nothing
changed. They are written as Python strings (escapes spell out CRLF, BOM, tabs and trailing
spaces) so a reader sees every byte that matters.
"""

# ruff: noqa: E501  (the Next.js sample keeps its long one-line excerpt, as real posts do)

from __future__ import annotations

# The shape the app writes and the benchmarks generate: quoted title and date, `>-` folded
# excerpt and URLs, a plain author, an indented block list of tags.
REFERENCE = """\
---
title: 'Shipping a static blog in an afternoon'
date: '2026-01-24'
excerpt: >-
  Lorem ipsum dolor sit amet, consectetur adipiscing elit. Praesent
  elementum facilisis leo vel fringilla.
coverImage: >-
  https://images.example.com/photo-1234567?w=400&h=200&fit=crop
author: Ada Lindqvist
tags:
  - python
  - static-sites
category: Guides
source: >-
  https://news.example.com/2026/01/23/shipping-a-static-blog/
---

Lorem ipsum dolor sit amet.

* one
* two
"""

JEKYLL = """\
---
layout: post
title: Release notes for the spring edition
date: 2019-03-04 10:21:00 +0100
author: maria
categories: [release, news]
tags: [changelog, spring]
---

The spring edition is out. Here is what changed:

* faster builds
* a new theme
"""

HUGO_YAML = """\
---
title: "Tuning the build cache"
description: How the cache decides what to rebuild.
date: 2021-05-01T09:00:00Z
lastmod: 2021-06-12T18:30:00+02:00
draft: true
tags: ["build", "cache"]
categories: []
expiryDate: 2030-01-01 # keep it visible for a while
params:
  toc: true
  weight: 20
aliases:
  - /old/cache/
---

## Why a cache

Most pages do not change between two builds.
"""

HUGO_TOML = """\
+++
title = "A TOML front matter post"
date = 2022-11-03T08:00:00Z
draft = false
authors = ["Ana", "Bo"]
tags = ['toml', 'hugo']

[extra]
summary = '''
Summaries in TOML can span
several lines.'''
+++

Body of a post whose front matter is TOML.
"""

NEXTJS = """\
---
title: 'Shipping a static blog in an afternoon'
excerpt: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. Praesent elementum facilisis leo vel fringilla.'
coverImage: '/assets/blog/hello-world/cover.jpg'
date: '2020-03-16T05:35:07.322Z'
author:
  name: Ada Lindqvist
  picture: '/assets/blog/authors/ada.jpeg'
ogImage:
  url: '/assets/blog/hello-world/cover.jpg'
---

Lorem ipsum dolor sit amet, consectetur adipiscing elit.
"""

ASTRO = """\
---
title: 'Second post'
description: 'Lorem ipsum dolor sit amet'
pubDate: 'Jul 15 2022'
heroImage: '../../assets/blog-placeholder-4.jpg'
---

Astro keeps its dates in a long human form.
"""

COMMENTS = """\
---
# Page metadata, kept by hand
title: Comments inside front matter

# Publishing
date: '2023-02-10'   # the day it went live
tags:
  - notes     # first tag
  - yaml
series: [intro, basics]  # flow list, commented
# category comes last
category: Guides
# nothing after this
---
Comments and blank lines in front matter must survive every save.
"""

CRLF = (
    "---\r\n"
    "title: 'Written on Windows'\r\n"
    "date: '2021-08-08'\r\n"
    "excerpt: >-\r\n"
    "  Folded on\r\n"
    "  Windows.\r\n"
    "tags:\r\n"
    "  - windows\r\n"
    "---\r\n"
    "Every line ends with CRLF.\r\n"
    "\r\n"
    "Even this one.\r\n"
)

MIXED_EOL = (
    "---\r\n"
    "title: 'Mixed line endings'\n"
    "date: '2022-02-22'\r\n"
    "author: Bo\n"
    "---\n"
    "Some lines CRLF,\r\n"
    "some LF.\n"
    "\r\n"
    "The end.\r\n"
)

BOM = """\ufeff---
title: 'Starts with a byte order mark'
date: 2024-05-01
---
Saved by an editor that writes a BOM.
"""

NO_FINAL_NEWLINE = """\
---
title: 'No newline at the end'
date: '2024-01-05'
---
The last line of this file has no newline."""

FRONT_MATTER_ONLY = """\
---
title: 'Only front matter'
---"""

EMPTY_FRONT_MATTER = """\
---
---
An empty front matter block.
"""

NO_FRONT_MATTER = """\
# Just Markdown

No front matter at all. Filling a form field should add some.
"""

BLOCK_SCALARS = """\
---
title: >-
  A title folded over
  two lines
excerpt: |-
  A literal excerpt
  that keeps its line breaks.
notes: |
  Trailing newline kept.
summary: >+
  Keep trailing blank lines.


intro: >
  Folded with clip
  chomping.
date: '2024-07-01'
---
Block scalars in every style.
"""

KEYS_WITH_SPACES = """\
---
external help file: Example.Commands.Utility.dll-Help.xml
Locale: en-US
Module Name: Example.Utility
ms.date: 01/18/2026
online version: https://docs.example.com/module/write-host
schema: 2.0.0
title: Write-Host
---

# Write-Host

## SYNOPSIS
Writes customized output to a host.
"""

YAML11_TRAPS = """\
---
title: 'Values YAML 1.1 reads differently'
date: '2024-04-04'
draft: no
comments: on
country: NO
time: 12:30
version: 1.10
---
Sites built with different YAML parsers read these values differently.
"""

UNICODE = """\
---
title: 'Новости: «Руби» 3.3 — 発表'
date: 2023-12-25 00:00:00 +0000
author: 'Юлия'
tags:
  - ruby
  - 日本語
emoji: 🚀 launch
---
Unicode in front matter and body: café, naïve, 東京, 🚀.
"""

TABS_BODY = """\
---
title: 'Tabs in the body'
date: '2026-01-24'
tags:
  - Ai
---
A paragraph.


\t
\t\t

Another paragraph with trailing spaces.  \n\
And a hard break above.   \n\
\t indented by a tab
"""

LISTS_AT_THE_MARGIN = """\
---
title: Lists at the margin
tags:
- one   # first
- two
- three
authors:
    - four-space
---
Lists written with and without indentation.
"""

DOTS_CLOSER = """\
---
title: 'Closed with dots'
...
A YAML document end marker closes this front matter.
"""

# Posts the engine must read and save untouched but refuse to edit field by field.
BROKEN_YAML = """\
---
title: [unclosed bracket
date: '2024-02-02'
tags:
  - broken
---
The front matter above does not parse; its text must still open and save untouched.
"""

DUPLICATE_KEYS = """\
---
title: 'First title'
date: '2022-09-09'
title: 'Second title wins in most parsers'
---
A file with the same key twice.
"""

UNTERMINATED = """\
---
title: 'No closing line'
date: '2024-03-03'

The writer forgot the closing dashes.
"""

# YAML posts whose fields can be edited: every promise about edits runs over these.
EDITABLE = {
    "reference": REFERENCE,
    "jekyll": JEKYLL,
    "hugo_yaml": HUGO_YAML,
    "nextjs": NEXTJS,
    "astro": ASTRO,
    "comments": COMMENTS,
    "crlf": CRLF,
    "mixed_eol": MIXED_EOL,
    "bom": BOM,
    "no_final_newline": NO_FINAL_NEWLINE,
    "front_matter_only": FRONT_MATTER_ONLY,
    "empty_front_matter": EMPTY_FRONT_MATTER,
    "no_front_matter": NO_FRONT_MATTER,
    "block_scalars": BLOCK_SCALARS,
    "keys_with_spaces": KEYS_WITH_SPACES,
    "yaml11_traps": YAML11_TRAPS,
    "unicode": UNICODE,
    "tabs_body": TABS_BODY,
    "lists_at_the_margin": LISTS_AT_THE_MARGIN,
    "dots_closer": DOTS_CLOSER,
}

# Every fixture: each must save byte-identical when unchanged.
GOLDEN = {
    **EDITABLE,
    "hugo_toml": HUGO_TOML,
    "broken_yaml": BROKEN_YAML,
    "duplicate_keys": DUPLICATE_KEYS,
    "unterminated": UNTERMINATED,
}
