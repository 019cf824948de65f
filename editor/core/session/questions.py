"""The questions interface: what the app may ask or tell the writer, as a protocol and data.

The core asks through a `Prompter` (save with problems? overwrite a file changed on disk?
restore what a crash left?); the window answers with dialogs (`editor.ui.shell`), the CLI
with its flags, tests from a script. Nothing here imports Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Protocol


class Choice(Enum):
    """An answer to "save your changes?"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Recovery(Enum):
    """What to do with one recovery snapshot."""

    RESTORE = "Restore"  # open it as an unsaved change
    DISCARD = "Discard"  # throw the unsaved text away
    LATER = "Later"  # keep it and ask again at the next start


@dataclass(frozen=True)
class Offer:
    """One post a crash left unsaved, as the writer is shown it."""

    post: Path
    taken: dt.datetime  # when the snapshot was taken
    disk_changed: bool  # the file is no longer the one the text was based on
    exists: bool  # the file is still there
    diff: str  # unified diff: the file on disk → the unsaved text
    title: str = ""  # the title in the unsaved text's front matter; "" when it has none

    @property
    def label(self) -> str:
        """What names the post in a list: its title, else its file name."""
        return self.title or self.post.name

    @property
    def disk_state(self) -> str:
        """The file on disk, in a few words."""
        if not self.exists:
            return "gone from disk"
        return "changed on disk since" if self.disk_changed else "unchanged on disk"


class Prompter(Protocol):
    """What the app may ask or tell the writer."""

    def confirm(self, title: str, text: str, action: str) -> bool: ...
    def save_changes(self, what: str) -> Choice: ...
    def inform(self, title: str, text: str) -> None: ...
    def ask_text(self, title: str, label: str, text: str = "") -> str | None: ...
    def choose(self, title: str, label: str, options: Sequence[str]) -> int | None: ...
    def recover(self, offers: Sequence[Offer]) -> list[Recovery]: ...
    def show_diff(self, title: str, diff: str) -> None: ...
    def review(self, title: str, diff: str, action: str) -> bool: ...


@dataclass
class FlagAnswers:
    """A Prompter for a run with no writer to ask (the CLI): a question is answered yes when
    its action is in `agree` (the flags given), else no; what was declined or told is kept in
    `told`, for the caller to print."""

    agree: frozenset[str] = frozenset()
    told: list[str] = field(default_factory=list)

    def confirm(self, title: str, text: str, action: str) -> bool:
        """Yes when the flags agree to `action`."""
        if action in self.agree:
            return True
        self.told.append(text)
        return False

    def save_changes(self, what: str) -> Choice:
        """Nothing unsaved is ever thrown away unasked."""
        return Choice.CANCEL

    def inform(self, title: str, text: str) -> None:
        """Kept for the caller to print."""
        self.told.append(text)

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """No one to type: cancelled."""
        return None

    def choose(self, title: str, label: str, options: Sequence[str]) -> int | None:
        """No one to choose: the first option (the CLI's flags choose otherwise)."""
        return 0 if options else None

    def recover(self, offers: Sequence[Offer]) -> list[Recovery]:
        """Snapshots wait for a writer."""
        return [Recovery.LATER] * len(offers)

    def show_diff(self, title: str, diff: str) -> None:
        """No one to show it to."""

    def review(self, title: str, diff: str, action: str) -> bool:
        """Yes when the flags agree to `action`."""
        return action in self.agree
