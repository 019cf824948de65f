"""Fixtures for the window tests: a real content folder, private settings, scripted questions.

Posts are real files written byte for byte into `tmp_path`, read and saved by the real core.
The only stand-in is `ScriptedPrompter`, the Qt-side dialogs: it answers from a queue and keeps
every question it was asked, so a test can say what the writer was asked and what they chose.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor.core.session import Choice, Offer, Recovery
from editor.core.storage.recovery import RecoveryStore
from editor.ui.jobs.render_service import RenderService
from editor.ui.shell.main_window import MainWindow
from editor.ui.tab.document_tab import DocumentTab

# The reference shape: quoted title (curly quotes inside), quoted date, `>-` folded excerpt
# and URLs, a plain author, an indented block list of tags.
REFERENCE = """\
---
title: 'Robots read the ’scans’ first'
date: '2026-01-24'
excerpt: >-
  Hospitals let a model sort the scans
  before a doctor sees them.
coverImage: >-
  https://images.example.com/photo-1?w=400&h=200&fit=crop
author: Some Author
tags:
  - Ai
category: Healthcare
source: >-
  https://news.example.com/2026/01/23/some-story/
---
The body of the story.
"""

SECOND = """\
---
title: 'Glaciers in retreat'
date: '2025-11-02'
excerpt: >-
  The ice is going faster than the models said.
author: Other Author
tags:
  - Climate
  - Science
category: Environment
---
Measurements from three valleys.
"""

DRAFT = """\
---
title: 'Half-written thoughts on compilers'
date: '2026-02-10'
author: Some Author
tags:
  - Programming
category: Technology
draft: true
---
Not ready yet.
"""

# Jekyll: a dated file name, unquoted values, flow lists, a `layout` key.
JEKYLL = """\
---
layout: post
title: Spring release notes
date: 2019-03-04 10:21:00 +0100
author: maria
categories: [release, news]
tags: [changelog, spring]
---
The spring edition is out.
"""

# Every line ends with CRLF (written as bytes, so the breaks stay exactly so).
CRLF = (
    "---\r\n"
    "title: 'Written on Windows'\r\n"
    "date: '2025-06-30'\r\n"
    "author: Some Author\r\n"
    "tags:\r\n"
    "  - Windows\r\n"
    "category: Technology\r\n"
    "---\r\n"
    "First line of the body.\r\n"
    "Second line of the body.\r\n"
)

# A flow list that is never closed: YAML cannot read it, so the post opens as plain text.
BROKEN = """\
---
title: 'Broken front matter'
date: '2026-03-01'
tags: [one, two
category: Healthcare
---
A body under broken YAML.
"""

POSTS: dict[str, str] = {
    "robots-read-the-scans.md": REFERENCE,
    "glaciers-in-retreat.md": SECOND,
    "drafts/compilers.md": DRAFT,
    "2019-03-04-spring-release.md": JEKYLL,
    "written-on-windows.md": CRLF,
    "broken-front-matter.md": BROKEN,
}

TITLES = {
    "Robots read the ’scans’ first",
    "Glaciers in retreat",
    "Half-written thoughts on compilers",
    "Spring release notes",
    "Written on Windows",
    "broken-front-matter.md",  # no readable title: the panel shows the file name
}


def write_post(root: Path, rel: str, text: str) -> Path:
    """Write `text` as UTF-8 bytes, line breaks exactly as given."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.fixture
def make_folder(tmp_path: Path) -> Callable[..., Path]:
    """`make_folder()` writes the sample posts (or the `posts` given) into a new folder."""
    made = 0

    def make(posts: dict[str, str] | None = None) -> Path:
        nonlocal made
        made += 1
        root = tmp_path / f"content{made}"
        root.mkdir()
        for rel, text in (POSTS if posts is None else posts).items():
            write_post(root, rel, text)
        return root

    return make


@pytest.fixture
def folder(make_folder: Callable[..., Path]) -> Path:
    """The sample content folder."""
    return make_folder()


@pytest.fixture
def posts() -> dict[str, str]:
    """The sample folder's files: relative path → text."""
    return dict(POSTS)


@pytest.fixture
def titles() -> set[str]:
    """What the folder panel shows in the Title column for the sample folder."""
    return set(TITLES)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a file of the test's own, never the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@dataclass(frozen=True)
class Question:
    """One question the window asked: which method, its title and its text."""

    kind: str
    title: str
    text: str


class ScriptedPrompter:
    """A Prompter (`editor.core.session`) that answers from queues and records every question.

    A question with no answer queued fails the test, unless `unattended` is set (teardown):
    then it discards, declines and cancels, so closing the window never writes a file.
    `recover` is answered with a list (one `Recovery` per offer) or a dict (post path →
    `Recovery`); the offers it was shown are
    kept in `offers`, and the diffs shown by `show_diff` and `review` in `diffs`.
    """

    def __init__(self) -> None:
        self.asked: list[Question] = []
        self._answers: dict[str, deque[object]] = {
            "confirm": deque(),
            "save_changes": deque(),
            "ask_text": deque(),
            "choose": deque(),
            "recover": deque(),
            "review": deque(),
        }
        self.offers: list[Offer] = []
        self.diffs: list[str] = []
        self.unattended = False

    def answer(self, kind: str, *answers: object) -> None:
        """Queue answers for `confirm`, `save_changes`, `ask_text`, `choose` (an option's
        text), `recover` or `review`."""
        self._answers[kind].extend(answers)

    def kinds(self) -> list[str]:
        """The methods called, in order."""
        return [q.kind for q in self.asked]

    def _next(self, kind: str, fallback: object) -> object:
        queue = self._answers[kind]
        if queue:
            return queue.popleft()
        if self.unattended:
            return fallback
        raise AssertionError(f"unexpected {kind} question: {self.asked[-1]}")

    def confirm(self, title: str, text: str, action: str) -> bool:
        self.asked.append(Question("confirm", title, text))
        return bool(self._next("confirm", False))

    def save_changes(self, what: str) -> Choice:
        self.asked.append(Question("save_changes", "Unsaved changes", what))
        return self._next("save_changes", Choice.DISCARD)  # type: ignore[return-value]

    def inform(self, title: str, text: str) -> None:
        self.asked.append(Question("inform", title, text))

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        self.asked.append(Question("ask_text", title, label))
        return self._next("ask_text", None)  # type: ignore[return-value]

    def choose(self, title: str, label: str, options: Sequence[str]) -> int | None:
        self.asked.append(Question("choose", title, "\n".join(options)))
        answer = self._next("choose", None)
        return None if answer is None else list(options).index(answer)  # type: ignore[arg-type]

    def recover(self, offers: Sequence[Offer]) -> list[Recovery]:
        self.offers = list(offers)
        self.asked.append(Question("recover", "Recover", "\n".join(str(o.post) for o in offers)))
        answer = self._next("recover", [Recovery.LATER] * len(offers))
        if isinstance(answer, dict):  # by post, whatever order the offers come in
            return [answer[o.post] for o in offers]
        return list(answer)  # type: ignore[call-overload]

    def show_diff(self, title: str, diff: str) -> None:
        self.asked.append(Question("show_diff", title, diff))
        self.diffs.append(diff)

    def review(self, title: str, diff: str, action: str) -> bool:
        self.asked.append(Question("review", title, diff))
        self.diffs.append(diff)
        return bool(self._next("review", False))


@pytest.fixture
def prompter() -> ScriptedPrompter:
    return ScriptedPrompter()


@pytest.fixture
def recovery(tmp_path: Path) -> RecoveryStore:
    """A recovery folder of the test's own, never the user's."""
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def dictionary(tmp_path: Path) -> Path:
    """A personal spelling dictionary of the test's own, never the user's (not yet made)."""
    return tmp_path / "data" / "dictionary.txt"


@pytest.fixture
def window(
    qtbot,
    settings: QSettings,
    prompter: ScriptedPrompter,
    folder: Path,
    recovery: RecoveryStore,
    dictionary: Path,
) -> MainWindow:
    """The main window on the sample folder, indexed; renders in this process; keeps
    recovery snapshots in the test's `recovery` store and added words in `dictionary`."""
    win = MainWindow(settings, RenderService(use_process=False), prompter, recovery, dictionary)
    # pytest-qt closes the window after the test; by then nothing may be written or asked.
    qtbot.addWidget(win, before_close_func=lambda _: setattr(prompter, "unattended", True))
    win.show()
    with qtbot.waitSignal(win.folderLoaded, timeout=10_000):
        win.open_folder(folder)
    return win


@pytest.fixture
def open_tab(window: MainWindow) -> Callable[[str], DocumentTab]:
    """`open_tab(rel)` opens the listed post at `rel` the way the panel does."""

    def open_(rel: str) -> DocumentTab:
        entry = next(e for e in window.panel.model.entries if str(e.path) == rel)
        tab = window.open_entry(entry)
        assert tab is not None
        return tab

    return open_


@pytest.fixture
def put_cursor() -> Callable[..., None]:
    """`put_cursor(editor, line)`: the cursor at the end (or start) of a 0-based line."""

    def put(editor: QPlainTextEdit, line: int, at_end: bool = True) -> None:
        cursor = QTextCursor(editor.document().findBlockByNumber(line))
        if at_end:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        editor.setTextCursor(cursor)

    return put
