"""A whole round on real widgets, read back with `git log -p` from the bare remote: edit two
posts, commit them from the dialog, push; then a push to a remote out of reach, said clearly."""

from __future__ import annotations

from pathlib import Path

from gitrepos import clone, git, make_repo, post, with_remote, write
from PySide6.QtWidgets import QLabel
from test_git_window import POSTS, open_window


def _saved(qtbot, win, path: Path, title: str) -> None:
    tab = win.open_post(path)
    assert tab is not None
    tab.set_field("title", title)
    with qtbot.waitSignal(win.git.state.statusChanged, timeout=10_000):
        assert win.save_current()


def test_edit_two_posts_commit_and_push_to_the_bare_remote(qtbot, settings, prompter, tmp_path):
    site = make_repo(tmp_path / "site", POSTS)
    bare = with_remote(site, tmp_path / "remote.git")
    win = open_window(qtbot, settings, prompter, site)
    _saved(qtbot, win, site / "first.md", "First, edited")
    _saved(qtbot, win, site / "second.md", "Second, edited")
    dialog = win.git.commit()
    assert dialog is not None
    assert dialog.message.text() == "Update 2 posts"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.commit()
    with qtbot.waitSignal(win.git.network.done, timeout=20_000):
        win.git.push()
    assert win.status.currentMessage() == "Pushed to origin"
    log = git(bare, "log", "-p", "-1", "main")
    assert "Update 2 posts" in log
    assert "-title: First\n+title: First, edited" in log
    assert "-title: Second\n+title: Second, edited" in log
    qtbot.waitUntil(lambda: win.git.state.status.ahead == 0, timeout=10_000)
    label = win.status.findChild(QLabel, "gitStatus")
    assert label is not None and label.text() == "Git: committed"


def test_a_push_with_the_remote_out_of_reach_says_so(qtbot, settings, prompter, tmp_path):
    site = make_repo(tmp_path / "site", POSTS)
    git(site, "remote", "add", "origin", str(tmp_path / "nowhere.git"))
    (site / "first.md").write_text(post("First, edited"))
    git(site, "commit", "-qam", "Update post: First, edited")
    win = open_window(qtbot, settings, prompter, site)
    with qtbot.waitSignal(win.git.network.failed, timeout=20_000):
        win.git.push()
    told = [q for q in prompter.asked if q.kind == "inform"]
    assert told and "Could not reach the remote ‘origin’" in told[-1].text
    assert "Your commits are kept here" in told[-1].text
    assert git(site, "log", "-1", "--format=%s").strip() == "Update post: First, edited"


def test_a_pulled_conflict_is_resolved_key_by_key_and_the_merge_committed(
    qtbot, settings, prompter, tmp_path
):
    site = make_repo(tmp_path / "site", POSTS)
    bare = with_remote(site, tmp_path / "remote.git")
    other = clone(bare, tmp_path / "other")
    theirs = "---\ntitle: First, theirs\ntags: [theirs]\n---\nSome words.\n"
    write(other / "first.md", theirs)
    git(other, "commit", "-q", "-am", "Update post: First, theirs")
    git(other, "push", "-q")
    win = open_window(qtbot, settings, prompter, site)
    _saved(qtbot, win, site / "first.md", "First, ours")
    dialog = win.git.commit()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.commit()
    with qtbot.waitSignal(win.git.network.done, timeout=20_000):
        win.git.pull()
    qtbot.waitUntil(lambda: win.git.state.status.conflicted() == ["first.md"], timeout=10_000)
    resolver = win.git.resolve()
    assert resolver is not None
    assert [c.key for c in resolver.result.key_conflicts] == ["title"]
    resolver.sides["title"]["theirs"].setChecked(True)
    with qtbot.waitSignal(resolver.accepted, timeout=10_000):
        resolver.mark_resolved()
    # The key only theirs added (tags) came in as it was written; the title as chosen.
    assert (site / "first.md").read_text() == theirs
    qtbot.waitUntil(lambda: win.git.state.status.conflicted() == [], timeout=10_000)
    finishing = win.git.commit()
    assert finishing is not None and finishing.message.text().startswith("Merge")
    with qtbot.waitSignal(finishing.accepted, timeout=10_000):
        finishing.commit()
    assert len(git(site, "log", "-1", "--format=%P").split()) == 2  # a merge commit
    assert git(site, "status", "--porcelain") == ""
