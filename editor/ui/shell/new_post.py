"""File > New Post's questions: which collection (when the folder holds several, the blog's
first), and the title; the core makes the post (`core.folder.new_post.make`), unsaved."""

from __future__ import annotations

from editor.core.document import Post
from editor.core.errors import PostError
from editor.core.folder import ContentFolder, new_post
from editor.core.session import Prompter
from editor.core.site.generators import Collection


def collection_label(collection: Collection) -> str:
    """A collection as the writer picks it: its name and where its files live."""
    folder = collection.folder.as_posix()
    where = "the site's root" if folder == "." else f"{folder}/"
    return f"{collection.name} ({where})"


def ask_new_post(folder: ContentFolder, prompter: Prompter) -> Post | None:
    """Ask for a new post's collection and title; the post, not yet written, or None when
    the writer cancelled or it cannot be made (then the writer is told why)."""
    choices = new_post.collections(folder)
    collection = choices[0] if choices else None
    if len(choices) > 1:
        labels = [collection_label(c) for c in choices]
        index = prompter.choose("New post", "Collection:", labels)
        if index is None:
            return None
        collection = choices[index]
    title = prompter.ask_text("New post", "Title:")
    if not title or not title.strip():
        return None
    try:
        return new_post.make(folder, title, collection)
    except PostError as error:
        prompter.inform("Cannot create the post", str(error))
        return None
