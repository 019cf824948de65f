"""New posts of a content folder, by its collections' own conventions.

A new post goes in a collection (`collections`: the ones inside the opened folder, the blog's
first): where that collection's posts live, named as they are named (dated Jekyll names, Hugo
bundles, the slug rule of the site: `site_slugs`). Its text is the site's template when the
generator has one (`Generator.new_post_text`: Hugo's archetypes), else front matter in the
style of the collection's newest posts (`new_post_shape`), with the schema's declared defaults
and the fields given. `make` returns the post unsaved, so nothing is written until it is saved
(the window's New Post); `post-editor new` saves it at once.

Where the posts show nothing, the generator's own style stands in (`Generator.new_post_style`:
Hugo's draft in RFC 3339 dates, TOML where its config is TOML; Jekyll's jekyll-compose dates
and dated names; Zola's TOML). Jekyll's `_drafts` are drafts by their folder; elsewhere a new
post is published unless the newest posts all write a draft flag alike (then it is copied).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path, PurePath, PurePosixPath

from editor.core.document import Post
from editor.core.errors import PostError
from editor.core.folder.content_folder import ContentFolder, IndexEntry
from editor.core.folder.new_post_shape import Shape, date_field, learn_shape, shape_text
from editor.core.folder.post_paths import detect_naming, post_path
from editor.core.folder.site_slugs import site_slug
from editor.core.schema import Schema
from editor.core.site.generators import Collection, NewPostStyle

NEWEST = 5  # how many of the newest posts the style is learned from


def collections(folder: ContentFolder) -> list[Collection]:
    """The collections a new post of `folder` may go in, the blog's first: those inside the
    folder, or the one holding it."""
    prefix = folder.site_path(".")
    found = [
        c
        for c in folder.generator.collections
        if _inside(c.folder, prefix) or _inside(prefix, c.folder)
    ]
    return sorted(found, key=lambda c: c.kind != "post")


def _inside(path: PurePosixPath, folder: PurePosixPath) -> bool:
    return folder == PurePosixPath(".") or path == folder or path.is_relative_to(folder)


def make(
    folder: ContentFolder,
    title: str,
    collection: Collection | None = None,
    fields: Mapping[str, object] | None = None,
    now: dt.datetime | None = None,
) -> Post:
    """A new post titled `title` in `collection` (the first of `collections` when None), not
    yet written: its path is free and inside the folder. PostError when it cannot be made."""
    title = title.strip()
    now = now or dt.datetime.now().astimezone().replace(microsecond=0)
    found = collections(folder)
    if collection is None:
        if not found:
            raise PostError("this folder holds no collection of the site's posts", folder.root)
        collection = found[0]
    entries = [e for e in folder.entries if _holds(folder, collection, e)]
    where = _posts_folder(folder, _folder_of(folder, collection), entries)
    schema_rel = where.relative_to(folder.root) / "new.md"
    source = folder.source_for(schema_rel)
    schema = folder.schema_for(schema_rel)
    style = folder.generator.new_post_style(collection, source.declared)
    naming = source.schema.naming if source.declared and source.schema.naming else None
    if naming is None:
        naming = detect_naming((folder.root / e.path).relative_to(where) for e in entries)
        if style.dated_names and "{date}" not in naming:
            naming = "{date}-" + naming
    slug = site_slug(title, folder.generator.name)
    path = post_path(where, naming, title, now.date(), slug)
    rel = folder.site_path(path.relative_to(folder.root))
    try:
        text = folder.generator.new_post_text(collection, rel, title, now)
    except PostError:
        text = None  # a template it cannot follow: the collection's own posts show the shape
    if text is not None:
        post = Post(text, path)
        for key, value in (fields or {}).items():
            post = post.with_value(key, value, schema.order)
        return Post(post.text, path)
    newest = sorted(entries, key=_recency, reverse=True)[:NEWEST]
    samples = [_look(folder.root / e.path) for e in newest if e.kind == "post"]
    default = _default(schema, style)
    shape = learn_shape([p for p in samples if p is not None], schema, default)
    if (dated := schema.field(date_field(schema) or "")) and dated.date_format is not None:
        # A CMS config's storage format: what the CMS reads back, as a string.
        shape = replace(shape, date_format=dated.date_format, date_quote=shape.date_quote or "'")
    extra: dict[str, object] = {}
    if source.declared:  # a schema file's or CMS config's defaults (hidden fields' too)
        extra.update(source.schema.defaults())
    if style.draft:
        shape = _with_draft(shape)
    for key in (shape.title_key, shape.date_key):  # the title and date are this post's
        extra.pop(key, None)
    extra.update(fields or {})
    return Post(shape_text(shape, title, now, extra), path)


def _with_draft(shape: Shape) -> Shape:
    """Hugo's default archetype: `draft = true`, after the date."""
    order = list(shape.order)
    if "draft" not in order:
        after = shape.date_key if shape.date_key in order else shape.title_key
        order.insert(order.index(after) + 1 if after in order else len(order), "draft")
    copied = {k: v for k, v in shape.copied.items() if k != "draft"}
    return replace(shape, draft=True, copied=copied, order=tuple(order))


def _default(schema: Schema, style: NewPostStyle) -> Shape:
    """How a post is written where no post shows it: the generator's style."""
    found = date_field(schema)
    return Shape(
        kind=style.kind,
        date_key=found,
        date_format=style.date_format,
        date_quote=style.date_quote,
        order=("title", *([found] if found else []), "draft"),
    )


def _folder_of(folder: ContentFolder, collection: Collection) -> Path:
    """Where a new post of `collection` goes: its folder, or the opened folder when that
    lies inside the collection's."""
    prefix = folder.site_path(".")
    if collection.folder == prefix or _inside(prefix, collection.folder):
        return folder.root
    inner = PurePosixPath(os.path.relpath(collection.folder, prefix))
    return folder.root.joinpath(*inner.parts)


def _posts_folder(folder: ContentFolder, where: Path, entries: list[IndexEntry]) -> Path:
    """Where the posts of a collection as wide as the opened folder live: the folder all of
    them share (a plain folder opened above its `content/posts`), else `where`."""
    parents = {os.path.dirname(str(folder.root / e.path)) for e in entries}
    if len(entries) < 2 or str(where) in parents:
        return where
    common = Path(os.path.commonpath(sorted(parents)))
    return common if common.is_relative_to(where) else where


def _holds(folder: ContentFolder, collection: Collection, entry: IndexEntry) -> bool:
    place = folder.placement(entry.path)
    return place is not None and place.collection == collection and entry.kind == "post"


def _recency(entry: IndexEntry) -> tuple[dt.date, str]:
    date = entry.date
    day = date.date() if isinstance(date, dt.datetime) else date
    return day or dt.date.min, PurePath(entry.path).as_posix()


def _look(path: Path) -> Post | None:
    try:
        return Post.look(path)
    except PostError:
        return None


def create(
    folder: ContentFolder,
    title: str,
    fields: Mapping[str, object] | None = None,
    today: dt.date | None = None,
    *,
    collection: Collection | None = None,
    now: dt.datetime | None = None,
) -> Post:
    """Write a new post of `folder` (`make`, saved at once; `today` stands for a `now` at
    its midnight); never over an existing file. The folder's index learns of it at once."""
    if now is None and today is not None:
        now = dt.datetime.combine(today, dt.time())
    post = make(folder, title, collection, fields, now)
    assert post.path is not None
    try:
        post.path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PostError(f"cannot make the folder: {error.strerror or error}", post.path) from None
    saved = post.save()
    folder.refresh(post.path)
    return saved
