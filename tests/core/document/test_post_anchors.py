"""Anchors, aliases and `<<:` merge keys (editor/core/document/post.py, yamlsplice.py,
yamlanchors.py).

`base: &base {author: Anna}` then `<<: *base` gives the post an `author` written in `base`. An
edit of `author` must never rewrite `base` (that changes every other place merging it): it adds
a top-level `author` after the `<<:` line, which wins over the merged one in every reader
(PyYAML, js-yaml and Go's yaml.v3 let an explicit key win wherever it stands; Ruby's Psych
merges at the `<<:` line, so a key after it wins). Removing a merged key cannot be done by
deleting a line: it is refused, and so is an edit of the mapping other keys merge from.
Files are compared whole.
"""

from __future__ import annotations

import pytest
import yaml

from editor.core.document.post import Post
from editor.core.errors import PostError
from editor.core.schema.model import Schema
from editor.core.schema.validation import validate

BLOCK = """\
---
base: &base
  author: Anna
  lang: en
<<: *base
title: Hello
---
Body
"""

FLOW = """\
---
base: &base {author: Anna, lang: en}
<<: *base
title: Hello
---
Body
"""

LIST = """\
---
a: &a {author: Anna}
b: &b {lang: en}
<<: [*a, *b]
title: Hello
---
Body
"""

BLOCK_LIST = """\
---
a: &a
  author: Anna
b: &b
  lang: en
<<:
  - *a
  - *b
title: Hello
---
Body
"""

# The `<<:` line is the last one: a key the order puts after `title` must still go after it.
MERGE_LAST = """\
---
title: Hello
base: &base {author: Anna}
<<: *base
---
Body
"""

INLINE = """\
---
title: Hello
<<: {author: Anna}
---
Body
"""


def override(text: str, after: str, key: str = "author", value: str = "Zoe") -> str:
    """`text` with `key: value` added on the line after the one that starts with `after`."""
    head, sep, tail = text.partition(after)
    line_end = tail.index("\n") + 1
    return head + sep + tail[:line_end] + f"{key}: {value}\n" + tail[line_end:]


# Each case, and the line an override goes after: after the `<<:` entry, and after `title`
# when the order puts it first.
CASES = {
    "block": (BLOCK, "title: Hello"),
    "flow": (FLOW, "title: Hello"),
    "list": (LIST, "title: Hello"),
    "block list": (BLOCK_LIST, "title: Hello"),
    "merge last": (MERGE_LAST, "<<: *base"),
    "inline": (INLINE, "<<: {author: Anna}"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_setting_a_merged_key_adds_a_top_level_key_after_the_merge(name):
    text, after = CASES[name]
    post = Post(text)
    assert post.values["author"] == "Anna"
    edited = post.with_value("author", "Zoe", order=("title", "author"))
    assert edited.text == override(text, after)
    assert edited.values["author"] == "Zoe"
    # the mapping merged from is as it was, for every other place that merges it
    assert {k: v for k, v in edited.values.items() if k != "author"} == {
        k: v for k, v in post.values.items() if k != "author"
    }
    assert yaml.safe_load(edited.front_matter)["author"] == "Zoe"


@pytest.mark.parametrize("name", sorted(CASES))
def test_an_override_is_not_a_key_written_twice_and_edits_again_in_place(name):
    text, after = CASES[name]
    once = Post(Post(text).with_value("author", "Zoe").text)
    assert once.duplicate_keys == {}
    assert not [p for p in validate(once, Schema.DEFAULT) if "written" in p.message]
    twice = once.with_value("author", "Ida")
    assert twice.text == override(text, after, value="Ida")


@pytest.mark.parametrize("name", sorted(CASES))
def test_other_fields_of_a_post_with_a_merge_can_be_edited(name):
    text, _ = CASES[name]
    edited = Post(text).with_value("title", "Changed")
    assert edited.text == text.replace("title: Hello", "title: Changed")


@pytest.mark.parametrize("name", sorted(CASES))
def test_removing_a_merged_key_is_refused_and_changes_nothing(name):
    text, _ = CASES[name]
    post = Post(text)
    with pytest.raises(PostError) as caught:
        post.without("author")
    assert "<<" in caught.value.message
    assert post.text == text
    overridden = Post(post.with_value("author", "Zoe").text)
    with pytest.raises(PostError):  # that would bring Anna back, not take the author away
        overridden.without("author")


@pytest.mark.parametrize(
    ("text", "key"), [(BLOCK, "base"), (FLOW, "base"), (LIST, "a"), (BLOCK_LIST, "b")]
)
def test_the_mapping_others_merge_from_is_not_edited_or_removed(text, key):
    post = Post(text)
    for edit in (
        lambda p: p.with_value(key, {"author": "Zoe"}),
        lambda p: p.with_value(key, "flat"),
        lambda p: p.without(key),
    ):
        with pytest.raises(PostError) as caught:
            edit(post)
        assert key in caught.value.message
    assert post.text == text


def test_a_nested_mapping_with_a_merge_is_not_edited_inside():
    text = "---\ndefaults: &d\n  toc: true\nparams:\n  <<: *d\n  weight: 2\ntitle: x\n---\n"
    post = Post(text)
    assert post.values["params"] == {"toc": True, "weight": 2}
    with pytest.raises(PostError):
        post.with_value("params", {"toc": False, "weight": 2})
    assert post.with_value("title", "z").text == text.replace("title: x", "title: z")


def test_the_merge_key_itself_is_not_edited():
    post = Post(BLOCK)
    with pytest.raises(PostError):
        post.with_value("<<", "x")
    with pytest.raises(PostError):
        post.without("<<")


def test_a_list_ending_in_an_alias_is_not_cut_in_the_wrong_place():
    # The alias's node stands where its anchor is, so the list seemed to end on `tags:`;
    # removing it left `  - a` under `base` (read back as the text "hello - a - *x").
    text = "---\nbase: &x hello\ntags:\n  - a\n  - *x\ntitle: t\n---\nbody\n"
    post = Post(text)
    assert post.values["tags"] == ["a", "hello"]
    for edit in (
        lambda p: p.without("tags"),
        lambda p: p.with_value("tags", ["b"]),
        lambda p: p.with_value("author", "Zoe", order=("tags", "author")),
    ):
        with pytest.raises(PostError):
            edit(post)
    assert post.text == text


@pytest.mark.parametrize(
    "text",
    [
        "---\na: &x Ai\ntags:\n  - *x\n  - ML\ntitle: t\n---\nbody\n",  # lines unknown
        "---\na: &x Ai\ntags: [*x, ML]\ntitle: t\n---\nbody\n",  # `*x` would become `&x Ai`
    ],
)
def test_a_list_keeping_an_alias_item_is_refused_not_broken(text):
    # The block list's rewrite started on the anchor's line (`a:` was lost); the flow list
    # wrote the anchor a second time, which YAML refuses to read.
    post = Post(text)
    with pytest.raises(PostError):
        post.with_value("tags", ["Ai", "ML", "new"])
    assert post.text == text


def test_an_alias_item_replaced_by_a_value_leaves_the_anchor_alone():
    text = "---\na: &x Ai\ntags: [*x, ML]\n---\n"
    assert Post(text).with_value("tags", ["AI", "ML"]).text == text.replace("*x", "AI")


def test_a_nested_mapping_ending_in_a_merge_keeps_its_lines_for_the_edits_around_it():
    text = "---\ndefaults: &d\n  toc: true\nparams:\n  weight: 2\n  <<: *d\ntitle: x\n---\n"
    post = Post(text)
    added = post.with_value("author", "Zoe", order=("params", "author"))
    assert added.text == text.replace("  <<: *d\n", "  <<: *d\nauthor: Zoe\n")
    assert post.without("params").text == text.replace("params:\n  weight: 2\n  <<: *d\n", "")
