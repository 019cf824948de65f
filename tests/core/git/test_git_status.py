"""Each kind of porcelain v2 record, read from a real repository."""

from __future__ import annotations

from pathlib import Path

from gitrepos import clone, git, git_fails, make_repo, post, with_remote, write

from editor.core.git import Change, find_repository, read_status


def test_a_folder_outside_any_repository_has_none(tmp_path: Path) -> None:
    (tmp_path / "posts").mkdir()
    assert find_repository(tmp_path / "posts") is None


def test_each_kind_of_change_with_spaces_and_accents(tmp_path: Path) -> None:
    site = make_repo(
        tmp_path / "site",
        {
            "content/kept.md": post("Kept"),
            "content/edited post.md": post("Edited"),
            "content/staged.md": post("Staged"),
            "content/old name.md": post("Renamed", "A body long enough to be recognised.\n" * 5),
            "README.md": "outside the content folder\n",
        },
    )
    content = site / "content"
    write(content / "edited post.md", post("Edited again"))
    write(content / "staged.md", post("Staged again"))
    git(site, "add", "content/staged.md")
    write(content / "café ☕.md", post("Untracked"))
    write(content / "added.md", post("Added"))
    git(site, "add", "content/added.md")
    git(site, "mv", "content/old name.md", "content/new name.md")
    write(site / "README.md", "changed outside\n")

    repo = find_repository(content)
    assert repo is not None and repo.root == site.resolve()
    changes = read_status(repo).for_folder(repo)
    assert changes == {
        Path("edited post.md"): Change.MODIFIED,
        Path("staged.md"): Change.STAGED,
        Path("café ☕.md"): Change.UNTRACKED,
        Path("added.md"): Change.NEW,
        Path("new name.md"): Change.RENAMED,
    }
    record = read_status(repo).files["content/new name.md"]
    assert record.original == "content/old name.md"


def test_a_merge_conflict_is_conflicted_and_the_branch_counts_commits(tmp_path: Path) -> None:
    work = make_repo(tmp_path / "work", {"p.md": post("One")})
    bare = with_remote(work, tmp_path / "remote.git")
    other = clone(bare, tmp_path / "other")
    write(other / "p.md", post("Two"))
    git(other, "commit", "-qam", "Other side")
    git(other, "push", "-q")
    write(work / "p.md", post("Three"))
    git(work, "commit", "-qam", "This side")
    repo = find_repository(work)
    assert repo is not None
    assert read_status(repo).ahead == 1
    git(work, "fetch", "-q")
    assert read_status(repo).behind == 1
    assert git_fails(work, "merge", "--no-edit", "origin/main")  # it stops at the conflict
    status = read_status(repo)
    assert status.for_folder(repo) == {Path("p.md"): Change.CONFLICTED}
    assert status.conflicted() == ["p.md"]
