"""Images and links that lead nowhere: a local cover image or body image that is not there
(an error), a link to a post that does not exist (an error: a relative link to a
.md/.mdx/.markdown file, Hugo's `ref`/`relref`, Jekyll's `post_url`/`link`), and (a warning,
as permalinks can be configured) a Hugo, Next.js or Astro address "/posts/<slug>/" that no
post's slug matches."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PurePath

from editor.core.document import Post
from editor.core.errors import quoted
from editor.core.folder.checks.context import CheckContext
from editor.core.folder.checks.names import INDEX_NAMES
from editor.core.folder.content_folder import POST_SUFFIXES, IndexEntry
from editor.core.schema import Problem, Schema
from editor.core.site import Reference, Site, body_references, local_path


def _cover_keys(schema: Schema) -> list[str]:
    cover = Schema.DEFAULT.field("coverImage")
    keys = [cover.name, *cover.aliases] if cover else []
    for field in schema.fields:
        if field.type == "image":
            keys += [field.name, *field.aliases]
    return list(dict.fromkeys(keys))


def check_cover_images(
    path: Path, entry: IndexEntry, schema: Schema, ctx: CheckContext
) -> list[Problem]:
    """A local cover image (any image field) that is not there: an error, the page shows a
    broken image or the build stops (Astro's image() schema)."""
    problems = []
    for key in _cover_keys(schema):
        value = entry.facts.values.get(key)
        if isinstance(value, str) and (message := _missing_image(value, path, ctx)):
            problems.append(Problem(path, entry.facts.line_of(key) or 1, key, "error", message))
    return problems


def _missing_image(ref: str, post_path: Path, ctx: CheckContext) -> str | None:
    target = ctx.site.resolve(ref, post_path)
    if target is None or ctx.site.exists(target) or _page_file(ref, ctx):
        return None
    if not ctx.site.contains(target):  # climbed out with ..
        return f"the image {quoted(ref)} lies outside the site folder, which cannot publish it"
    return f"the image {quoted(ref)} is missing: there is no such file"


def check_references(path: Path, post: Post, ctx: CheckContext) -> list[Problem]:
    """Missing images and links to posts that do not exist in the post's body: errors, a
    reader meets a broken image or a dead link (or Hugo and Jekyll stop the build)."""
    problems = []
    for ref in body_references(post.body):
        line = post.body_line + ref.line
        if message := _broken(ref, path, ctx):
            problems.append(Problem(path, line, "body", "error", message))
        elif ref.kind == "link" and (message := _unknown_post_address(ref.target, ctx)):
            problems.append(Problem(path, line, "body", "warning", message))
    return problems


def _page_file(ref: str, ctx: CheckContext) -> bool:
    """Whether a root-relative `ref` names a page's own file (a Hugo or Zola bundle's
    picture) at the page's address: below a content folder, after any language prefix."""
    path = local_path(ref)
    if path is None or not path.startswith("/"):
        return False
    parts = path.strip("/").split("/", 1)
    if len(parts) == 2 and parts[0] in ctx.languages:
        path = "/" + parts[1]
    return _found(path, ctx.content_dirs, ctx.site)


def _unknown_post_address(target: str, ctx: CheckContext) -> str | None:
    """What is wrong with a link to a post's address ("/posts/hello/") that no post of that
    section has, or None. Only a warning: a site may set its own permalinks."""
    path = local_path(target)
    if not ctx.sections or path is None or not path.startswith("/"):
        return None
    parts = [part for part in path.split("/") if part]
    if len(parts) != 2 or "." in parts[1]:
        return None  # a nested page, or a file (/posts/feed.xml)
    slugs = ctx.sections.get(parts[0].casefold())
    if slugs is None or "/".join(parts).casefold() in ctx.aliases:
        return None  # another section, which this folder does not hold, or an alias
    static_page = _found("/".join(parts), ctx.site.published, ctx.site, ("/index.html", ".html"))
    if parts[1].casefold() in slugs or static_page:
        return None
    return (
        f"the link to {quoted(target)} names no post of this folder: none has the slug"
        f" {quoted(parts[1])}"
    )


def _broken(ref: Reference, post_path: Path, ctx: CheckContext) -> str | None:
    """What is wrong with one reference, or None when it leads somewhere (or cannot be told)."""
    if ref.kind == "image":
        return _missing_image(ref.target, post_path, ctx)
    if ref.kind == "link":
        path = local_path(ref.target)
        if path is None or not path.lower().endswith(tuple(POST_SUFFIXES)):
            return None  # a page address like /about/: only the built site knows it
        if path.startswith("@/"):  # Zola's internal link, from its content folder
            return None if _found(path[1:], ctx.content_dirs, ctx.site) else _dead(ref)
        # A link to a source file is read from the linking post, and from the folders the
        # generator reads such links from (Eleventy's input folder, Hugo's content).
        bases = [ctx.site.root, *ctx.content_dirs] if path.startswith("/") else ctx.content_dirs
        target = ctx.site.resolve(ref.target, post_path)
        if target is None or ctx.site.exists(target) or _found(path, bases, ctx.site):
            return None
        return _dead(ref)
    if ref.kind == "hugo-ref":
        if _hugo_ref_found(ref.target, post_path, ctx):
            return None
        return f"the ref {quoted(ref.target)} finds no post; Hugo stops the build on it"
    if ref.kind == "post_url":
        name = ref.target.rstrip("/").rsplit("/", 1)[-1].casefold()
        if name in ctx.file_stems or (
            name.endswith(tuple(POST_SUFFIXES)) and PurePath(name).stem in ctx.file_stems
        ):
            return None
        return f"post_url {quoted(ref.target)} finds no post; Jekyll stops the build on it"
    # Jekyll's {% link %}: a path from the site's source folder (the one above _posts).
    jekyll_sources = [p.parent for p in post_path.parents if p.name == "_posts"]
    sources = [ctx.site.root, *jekyll_sources, ctx.root]
    if local_path(ref.target) is None or _found(ref.target, sources, ctx.site):
        return None
    return f"link {quoted(ref.target)} names no file of the site; Jekyll stops the build on it"


def _dead(ref: Reference) -> str:
    return f"the link to {quoted(ref.target)} leads nowhere: there is no such post"


def _found(path: str, bases: Iterable[Path], site: Site, suffixes: Iterable[str] = ("",)) -> bool:
    """Whether `path` (with one of `suffixes`) is a file below one of `bases`, in the site."""
    relative = path.lstrip("/")
    return any(
        site.exists(os.path.join(base, relative + suffix)) for base in bases for suffix in suffixes
    )


_BUNDLE_FILES = tuple(f"/{index}{ext}" for index in INDEX_NAMES for ext in POST_SUFFIXES)
_HUGO_SUFFIXES = ("", *POST_SUFFIXES, ".html", *_BUNDLE_FILES)


def _hugo_ref_found(target: str, post_path: Path, ctx: CheckContext) -> bool:
    """Whether a Hugo ref finds its page, read as generously as Hugo reads it: from the
    page's folder, then from the content folder, with or without an extension, a page
    bundle's folder, or (as Hugo does for a name it finds once) just the page's name."""
    path = target.split("#", 1)[0].strip().rstrip("/")
    if not path:
        return True  # "#anchor": this page
    name = path.rsplit("/", 1)[-1]
    stem = name[: -len(PurePath(name).suffix)] if name.endswith(tuple(POST_SUFFIXES)) else name
    if stem.casefold() in ctx.page_names:  # the cheap question first
        return True
    bases = ctx.content_dirs if path.startswith("/") else [post_path.parent, *ctx.content_dirs]
    if _found(path, bases, ctx.site, _HUGO_SUFFIXES):
        return True
    # "cont/_index.md" finds the page's translation, "cont/_index.en.md", in its language.
    base, dot, ext = path.rpartition(".")
    if not dot or "." + ext.lower() not in POST_SUFFIXES:
        return False
    return any(_found(f"{base}.{lang}.{ext}", bases, ctx.site) for lang in ctx.languages)
