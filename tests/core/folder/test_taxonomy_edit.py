"""Tests for editor/core/folder/taxonomy_edit.py: renaming and merging tags and categories.

Each test writes a real content folder into tmp_path and compares whole files, byte for byte:
the files a rename should not touch must come out identical, and an edited file must equal its
old text with exactly the expected lines replaced.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterable
from pathlib import Path, PurePath

import pytest

from editor.core.errors import PostError
from editor.core.folder.content_folder import ContentFolder
from editor.core.folder.taxonomy_edit import (
    ApplyResult,
    Plan,
    apply,
    counts,
    near_duplicates,
    plan_rename,
    terms,
)
from tests.users import as_nobody, give_to_nobody, open_folder

# The reference post shape: block list with comments, a body that mentions the tag.
BLOCK = """\
---
title: Notes on models
date: 2026-01-24
tags:
  # what the post is about
  - Ai  # the main one
  - ML
category: Guides
draft: false
---
Ai is in the body too, and stays as it is.
"""
FLOW = """\
---
title: "Ai, a field"
tags: [Ai, ML]
category: News
---
Body.
"""
CRLF = "---\r\ntitle: Windows line ends\r\ntags:\r\n    - 'Ai'\r\n    - Python\r\n---\r\nBody.\r\n"
SINGLE = """\
---
title: One tag
tags: Ai  # just one
---
"""
NO_TAG = """\
---
title: Other
tags: [ML, Python]
category: Ai
---
Ai here is a category, not a tag.
"""
LOWER = """\
---
title: Lower case
tags: [ai]
---
"""
BROKEN = """\
---
title: [Broken
tags: [Ai]
---
"""


def make(root: Path, files: dict[str, str | bytes]) -> ContentFolder:
    """Write the files, then a scanned ContentFolder over them."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    folder = ContentFolder(root)
    folder.scan()
    return folder


def files_in(root: Path) -> dict[str, bytes]:
    """Every file below root (hidden ones too), by relative path: the whole folder's state."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def one_line_changed(text: str, old: str, new: str) -> str:
    """`text` with the single line `old` replaced by `new` (which must occur exactly once)."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def rels(paths: Iterable[Path]) -> list[str]:
    return [PurePath(p).as_posix() for p in paths]


@pytest.fixture
def reference(tmp_path: Path) -> ContentFolder:
    return make(
        tmp_path,
        {
            "block.md": BLOCK,
            "flow.md": FLOW,
            "crlf.md": CRLF.encode(),
            "single.md": SINGLE,
            "no-tag.md": NO_TAG,
            "lower.md": LOWER,
            "broken.md": BROKEN,
        },
    )


# --- renaming a tag -------------------------------------------------------------------------


def test_renaming_a_tag_changes_exactly_the_expected_lines_in_the_expected_files(reference):
    root = reference.root
    before = files_in(root)
    plan = plan_rename(reference, "tag", "Ai", "AI")
    assert files_in(root) == before  # planning writes nothing

    result = apply(plan)

    assert result.ok
    assert result.written == tuple(
        root / n for n in ("block.md", "crlf.md", "flow.md", "single.md")
    )
    expected = dict(before)
    expected["block.md"] = one_line_changed(
        BLOCK, "  - Ai  # the main one\n", "  - AI  # the main one\n"
    ).encode()
    expected["flow.md"] = one_line_changed(FLOW, "tags: [Ai, ML]\n", "tags: [AI, ML]\n").encode()
    expected["crlf.md"] = one_line_changed(CRLF, "    - 'Ai'\r\n", "    - 'AI'\r\n").encode()
    expected["single.md"] = one_line_changed(
        SINGLE, "tags: Ai  # just one\n", "tags: AI  # just one\n"
    ).encode()
    assert files_in(root) == expected  # the others (no-tag, lower, broken) byte-identical


def test_a_plan_holds_old_text_new_text_and_a_diff_per_file(reference):
    plan = plan_rename(reference, "tag", "Ai", "AI")
    assert [c.rel.as_posix() for c in plan.changes] == [
        "block.md",
        "crlf.md",
        "flow.md",
        "single.md",
    ]
    single = plan.changes[-1]
    assert single.path == reference.root / "single.md"
    assert single.key == "tags"
    assert single.old_text == SINGLE
    assert single.new_text == SINGLE.replace("tags: Ai", "tags: AI")
    assert single.diff == (
        "--- a/single.md\n"
        "+++ b/single.md\n"
        "@@ -1,4 +1,4 @@\n"
        " ---\n"
        " title: One tag\n"
        "-tags: Ai  # just one\n"
        "+tags: AI  # just one\n"
        " ---\n"
    )
    crlf = plan.changes[1]
    assert "-    - 'Ai'\r\n+    - 'AI'\r\n" in crlf.diff  # a CRLF line shows whole
    assert plan.diff == "".join(c.diff for c in plan.changes)
    assert (plan.kind, plan.old, plan.new) == ("tag", ("Ai",), "AI")


def test_a_post_whose_front_matter_cannot_be_read_is_listed_not_skipped(reference):
    plan = plan_rename(reference, "tag", "Ai", "AI")
    assert [p.rel.as_posix() for p in plan.problems] == ["broken.md"]
    problem = plan.problems[0]
    assert problem.path == reference.root / "broken.md"
    assert problem.reason.startswith("not checked, the front matter cannot be read: YAML error")
    assert problem.error.path == problem.path and problem.error.line is not None


def test_posts_the_core_refuses_to_edit_are_listed_with_the_reason_and_left_alone(tmp_path):
    files: dict[str, str | bytes] = {
        "json.md": '{"title": "T", "tags": ["Ai"]}\n',
        "flow-mapping.md": "---\n{title: F, tags: [Ai]}\n---\n",
        "twice.md": "---\ntitle: D\ntags: [Ai]\ntags: [Ai, ML]\n---\n",
        "latin1.md": "---\ntitle: café\ntags: [Ai]\n---\n".encode("latin-1"),
        "good.md": "---\ntitle: G\ntags: [Ai]\n---\n",
    }
    folder = make(tmp_path, files)
    before = files_in(tmp_path)
    plan = plan_rename(folder, "tag", "Ai", "AI")
    reasons = {p.rel.as_posix(): p.reason for p in plan.problems}
    assert sorted(reasons) == ["flow-mapping.md", "json.md", "latin1.md", "twice.md"]
    assert "JSON" in reasons["json.md"]
    assert "flow mapping" in reasons["flow-mapping.md"]
    assert "written twice" in reasons["twice.md"]
    assert "not UTF-8" in reasons["latin1.md"]
    assert [c.rel.as_posix() for c in plan.changes] == ["good.md"]
    assert apply(plan).ok
    after = files_in(tmp_path)
    assert after.pop("good.md") == b"---\ntitle: G\ntags: [AI]\n---\n"
    before.pop("good.md")
    assert after == before


def test_matching_is_exact_so_other_spellings_stay(reference):
    plan = plan_rename(reference, "tag", "Ai", "AI")
    assert "lower.md" not in [c.rel.as_posix() for c in plan.changes]
    plan = plan_rename(reference, "tag", "ai", "AI")
    assert [c.rel.as_posix() for c in plan.changes] == ["lower.md"]


def test_a_comment_above_a_renamed_item_in_the_middle_of_a_list_is_kept(tmp_path):
    text = "---\ntags:\n  - ML\n  # why this tag\n  - Ai # note\n  - Python\n---\n"
    folder = make(tmp_path, {"p.md": text})
    apply(plan_rename(folder, "tag", "Ai", "Machine learning"))
    assert (tmp_path / "p.md").read_text() == one_line_changed(
        text, "  - Ai # note\n", "  - Machine learning # note\n"
    )


def test_a_new_name_is_quoted_when_it_needs_it_and_keeps_the_items_quote_style(tmp_path):
    folder = make(
        tmp_path,
        {
            "plain.md": "---\ntags: [Ai, ML]\n---\n",
            "double.md": '---\ntags:\n  - "Ai"\n---\n',
        },
    )
    apply(plan_rename(folder, "tag", "Ai", "AI: the hype"))
    assert (tmp_path / "plain.md").read_text() == "---\ntags: ['AI: the hype', ML]\n---\n"
    assert (tmp_path / "double.md").read_text() == '---\ntags:\n  - "AI: the hype"\n---\n'


def test_an_items_tag_is_kept_and_an_alias_item_is_renamed_where_it_stands(tmp_path):
    tagged = "---\ntags:\n  - !!str Ai  # typed\n  - &first ML\n---\n"
    aliased = "---\na: &x Ai\ntags: [*x, ML]\n---\n"
    folder = make(tmp_path, {"tagged.md": tagged, "aliased.md": aliased})
    assert apply(plan_rename(folder, "tag", "Ai", "AI")).ok
    assert (tmp_path / "tagged.md").read_text() == tagged.replace("!!str Ai", "!!str AI")
    # the anchor's own entry keeps its value: only the list changes
    assert (tmp_path / "aliased.md").read_text() == aliased.replace("[*x, ML]", "[AI, ML]")


# --- merging --------------------------------------------------------------------------------


def test_merging_two_spellings_in_a_post_holding_both_keeps_one_at_the_first_place(tmp_path):
    block = (
        "---\ntitle: Both\ntags:\n  - Python\n  - Ai   # first\n  - ML\n  - AI   # second\n---\n"
    )
    flow = "---\ntags: [AI, Ai, ML]\n---\n"
    only_new = "---\ntags: [AI]\n---\n"
    other_case = "---\ntags: [ai, Ai]\n---\n"
    folder = make(
        tmp_path,
        {"block.md": block, "flow.md": flow, "only-new.md": only_new, "other.md": other_case},
    )
    plan = plan_rename(folder, "tag", ["Ai", "AI"], "AI")
    assert [c.rel.as_posix() for c in plan.changes] == ["block.md", "flow.md", "other.md"]
    assert apply(plan).ok
    assert (tmp_path / "block.md").read_text() == (
        "---\ntitle: Both\ntags:\n  - Python\n  - AI   # first\n  - ML\n---\n"
    )
    assert (tmp_path / "flow.md").read_text() == "---\ntags: [AI, ML]\n---\n"
    assert (tmp_path / "only-new.md").read_text() == only_new
    assert (tmp_path / "other.md").read_text() == "---\ntags: [ai, AI]\n---\n"


def test_renaming_into_a_tag_the_post_already_has_does_not_duplicate_it(tmp_path):
    folder = make(
        tmp_path,
        {
            "later.md": "---\ntags:\n  - ML\n  - AI\n  - Ai\n---\n",
            "earlier.md": "---\ntags: [Ai, ML, AI]\n---\n",
        },
    )
    assert apply(plan_rename(folder, "tag", "Ai", "AI")).ok
    assert (tmp_path / "later.md").read_text() == "---\ntags:\n  - ML\n  - AI\n---\n"
    assert (tmp_path / "earlier.md").read_text() == "---\ntags: [AI, ML]\n---\n"


# --- categories -----------------------------------------------------------------------------


def test_renaming_a_category_edits_category_and_categories_keys_only(tmp_path):
    files = {
        "astro.md": "---\ntitle: A\ncategory: Guides # the section\ntags: [Guides]\n---\n",
        "jekyll.md": "---\ntitle: J\ncategories:\n  - News\n  - Guides\n---\n",
        "hugo.md": "---\ntitle: H\ncategories: [Guides]\n---\n",
        "tag-only.md": "---\ntitle: T\ntags: [Guides]\n---\n",
        "other.md": "---\ntitle: O\ncategory: News\n---\n",
    }
    folder = make(tmp_path, files)
    before = files_in(tmp_path)
    plan = plan_rename(folder, "category", "Guides", "How-to")
    assert len(plan.changes) == counts(folder, "category")["Guides"] == 3
    assert apply(plan).ok
    expected = dict(before)
    expected["astro.md"] = one_line_changed(
        files["astro.md"], "category: Guides # the section", "category: How-to # the section"
    ).encode()
    expected["jekyll.md"] = one_line_changed(files["jekyll.md"], "  - Guides\n", "  - How-to\n")
    expected["jekyll.md"] = expected["jekyll.md"].encode()
    expected["hugo.md"] = files["hugo.md"].replace("[Guides]", "[How-to]").encode()
    assert files_in(tmp_path) == expected


def test_a_plan_touches_exactly_the_posts_the_index_counts(tmp_path):
    # `categories` wins over `category` in the index, so the rename follows it there too.
    folder = make(
        tmp_path,
        {
            "both.md": "---\ncategories: [News]\ncategory: Guides\n---\n",
            "g.md": "---\ncategory: Guides\n---\n",
        },
    )
    plan = plan_rename(folder, "category", "Guides", "How-to")
    assert [c.rel.as_posix() for c in plan.changes] == ["g.md"]
    assert counts(folder, "category")["Guides"] == 1


# --- applying: each file on its own -----------------------------------------------------------


def test_a_file_changed_between_plan_and_apply_is_refused_and_left_as_it_is(reference):
    root = reference.root
    plan = plan_rename(reference, "tag", "Ai", "AI")
    flow = root / "flow.md"
    stat = flow.stat()
    theirs = FLOW.replace("ML", "DL").encode()  # same size, and the mtime put back below:
    flow.write_bytes(theirs)  # only the bytes tell the change
    os.utime(flow, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    (root / "single.md").unlink()

    result = apply(plan)

    by_name = {f.rel.as_posix(): f for f in result.files}
    assert by_name["flow.md"].status == "changed-on-disk"
    assert by_name["flow.md"].message
    assert by_name["single.md"].status == "changed-on-disk"
    assert flow.read_bytes() == theirs
    assert not (root / "single.md").exists()  # not written back
    assert rels(result.changed_on_disk) == rels([flow, root / "single.md"])
    assert (root / "block.md").read_text() == BLOCK.replace("- Ai ", "- AI ")
    assert rels(result.written) == rels([root / "block.md", root / "crlf.md"])
    assert not result.ok


def test_a_read_only_file_is_reported_failed_and_the_others_are_written():
    with open_folder() as root:
        folder = make(root, {"block.md": BLOCK, "flow.md": FLOW, "crlf.md": CRLF.encode()})
        give_to_nobody(*root.iterdir())
        plan = plan_rename(folder, "tag", "Ai", "AI")
        (root / "flow.md").chmod(0o444)
        with as_nobody():  # root may write a read-only file
            result = apply(plan)
        by_name = {f.rel.as_posix(): f for f in result.files}
        assert by_name["flow.md"].status == "failed"
        assert "read-only" in by_name["flow.md"].message
        assert (root / "flow.md").read_text() == FLOW
        assert len(result.written) == 2


def test_a_link_to_a_file_outside_the_folder_fails_and_the_others_are_written(tmp_path):
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "shared.md").write_text(SINGLE)
    site.mkdir()
    (site / "shared.md").symlink_to(elsewhere / "shared.md")
    folder = make(site, {"a.md": FLOW, "z.md": SINGLE})
    plan = plan_rename(folder, "tag", "Ai", "AI")
    assert [c.rel.as_posix() for c in plan.changes] == ["a.md", "shared.md", "z.md"]

    result = apply(plan)

    statuses = [(f.rel.as_posix(), f.status) for f in result.files]
    assert statuses == [("a.md", "written"), ("shared.md", "failed"), ("z.md", "written")]
    assert "outside the content folder" in result.files[1].message
    assert (elsewhere / "shared.md").read_text() == SINGLE
    assert os.listdir(elsewhere) == ["shared.md"]
    assert (site / "z.md").read_text() == SINGLE.replace("tags: Ai", "tags: AI")


def test_a_file_that_cannot_be_saved_fails_alone_leaving_no_trace(tmp_path):
    # The temp file is the post's name plus 22 characters: past the 255 a name may hold, the
    # save fails for root too, after the post was read and planned.
    long_name = "x" * 240 + ".md"
    folder = make(tmp_path, {"a.md": FLOW, long_name: FLOW, "z.md": FLOW})
    plan = plan_rename(folder, "tag", "Ai", "AI")
    result = apply(plan)
    statuses = {f.rel.as_posix(): (f.status, f.message) for f in result.files}
    assert statuses["a.md"] == statuses["z.md"] == ("written", "")
    assert statuses[long_name][0] == "failed"
    assert "too long" in statuses[long_name][1]
    assert result.failed == (tmp_path / long_name,)
    after = files_in(tmp_path)
    assert after[long_name] == FLOW.encode()
    assert after["a.md"] == after["z.md"] == FLOW.replace("[Ai, ML]", "[AI, ML]").encode()
    assert sorted(after) == sorted(["a.md", long_name, "z.md"])  # no temp file left


# --- the index: stale or never scanned --------------------------------------------------------


def test_a_post_changed_since_the_scan_is_read_again(tmp_path):
    folder = make(
        tmp_path,
        {"gained.md": "---\ntags: [ML]\n---\n", "lost.md": "---\ntags: [Ai]\n---\n"},
    )
    for name, text in (("gained.md", "---\ntags: [ML, Ai]\n---\n"), ("lost.md", "---\n---\n")):
        path = tmp_path / name
        old = path.stat().st_mtime_ns
        path.write_text(text)
        os.utime(path, ns=(old + 10**9, old + 10**9))
    plan = plan_rename(folder, "tag", "Ai", "AI")
    assert [c.rel.as_posix() for c in plan.changes] == ["gained.md"]
    assert plan.changes[0].old_text == "---\ntags: [ML, Ai]\n---\n"
    assert plan.problems == ()


def test_a_folder_never_scanned_is_scanned_for_the_plan(tmp_path):
    (tmp_path / "p.md").write_text(SINGLE)
    plan = plan_rename(ContentFolder(tmp_path), "tag", "Ai", "AI")
    assert [c.rel.as_posix() for c in plan.changes] == ["p.md"]


def test_nothing_to_rename_gives_an_empty_plan(reference):
    plan = plan_rename(reference, "tag", "Nowhere", "AI")
    assert plan.changes == () and plan.diff == ""
    assert apply(plan) == ApplyResult(())


@pytest.mark.parametrize(
    ("kind", "old", "new", "message"),
    [
        ("label", "Ai", "AI", "unknown kind"),
        ("tag", [], "AI", "give the name"),
        ("tag", ["Ai", ""], "AI", "give the name"),
        ("tag", 42, "AI", "give the name"),
        ("tag", "Ai", "  ", "empty"),
        ("tag", "Ai", "A\nI", "line break"),
    ],
)
def test_bad_input_raises_a_post_error(reference, kind, old, new, message):
    with pytest.raises(PostError, match=message):
        plan_rename(reference, kind, old, new)


def test_the_new_name_is_stripped(reference):
    plan = plan_rename(reference, "tag", "Ai", " AI ")
    assert isinstance(plan, Plan) and plan.new == "AI"
    assert plan.changes[-1].new_text == SINGLE.replace("tags: Ai", "tags: AI")


# --- counts and near-duplicates -------------------------------------------------------------


def test_terms_come_from_the_index_with_counts_and_look_alikes(reference):
    (reference.root / "flow.md").write_text("---\ntags: [x]\n---\n")  # not rescanned
    rows = {t.name: (t.count, t.similar) for t in terms(reference, "tag")}
    assert rows == {
        "Ai": (4, ("ai",)),
        "ML": (3, ()),
        "Python": (2, ()),
        "ai": (1, ("Ai",)),
    }
    assert dict(counts(reference, "category")) == {"Guides": 1, "News": 1, "Ai": 1}


def test_near_duplicates_groups_names_that_differ_in_case_spacing_and_accents():
    names = [
        "Ai",
        "AI",
        "ai",
        "air",
        "open source",
        "open-source",
        "Open_Source",
        "Open  Source",
        "opensource",
        "café",
        "cafe",
        "Café",
        "robot",
        "robots",
        "Python",
    ]
    expected = [
        ["AI", "Ai", "ai"],
        ["Café", "cafe", "café"],
        ["Open  Source", "Open_Source", "open source", "open-source"],
    ]
    assert near_duplicates(names) == expected
    shuffled = names[::-1] + names[:3]
    random.Random(7).shuffle(shuffled)
    assert near_duplicates(shuffled) == expected  # order and repeats of the input do not matter


def test_plurals_are_grouped_only_when_asked():
    names = ["robot", "robots", "Robots", "css", "class", "classes", "js"]
    assert near_duplicates(names) == [["Robots", "robots"]]  # case only
    assert near_duplicates(names, plurals=True) == [["Robots", "robot", "robots"]]


def test_a_rename_on_toml_posts_changes_only_the_item(tmp_path):
    text = (
        "+++\ntitle = 'T'\ntags = [\n  'Ai', # the first\n  'ML',\n]\n"
        "categories = ['Ai']\n\n[params]\ntags = ['Ai']\n+++\nBody\n"
    )
    folder = make(tmp_path, {"toml.md": text})
    plan = plan_rename(folder, "tag", "Ai", "AI")
    assert not plan.problems
    assert apply(plan).ok
    after = (tmp_path / "toml.md").read_text(encoding="utf-8")
    # the item's own line, in the array's style: the comment, the category and the table stay
    assert after == text.replace("  'Ai', # the first", "  'AI', # the first")
