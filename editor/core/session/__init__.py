"""App logic without widgets: the edit session of a post (base text + edits), the save
dialogue as data, what is on disk now, and the questions interface (the UI answers with
dialogs, the CLI with flags). The top layer of the core: it may import every other package."""

from editor.core.session.disk import (
    DiskNow,
    Follow,
    disk_now,
    disk_text,
    follow,
    offer_of,
    pending_changes,
    read_post,
)
from editor.core.session.edit_session import (
    EditSession,
    OtherFields,
    needs_raw_mode,
    other_fields_text,
    read_other_fields,
)
from editor.core.session.open_posts import OpenPost, show_written, unsaved_among
from editor.core.session.questions import Choice, FlagAnswers, Offer, Prompter, Recovery
from editor.core.session.save import Ask, SaveStep, ask, plan_save, save_post

__all__ = [
    "Ask",
    "Choice",
    "DiskNow",
    "EditSession",
    "FlagAnswers",
    "Follow",
    "Offer",
    "OpenPost",
    "OtherFields",
    "Prompter",
    "Recovery",
    "SaveStep",
    "ask",
    "disk_now",
    "disk_text",
    "follow",
    "needs_raw_mode",
    "offer_of",
    "other_fields_text",
    "pending_changes",
    "plan_save",
    "read_other_fields",
    "read_post",
    "save_post",
    "show_written",
    "unsaved_among",
]
