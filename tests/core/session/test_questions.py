"""The questions interface as data: offers, answers, and the CLI's answers from its flags."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from editor.core.session import Choice, FlagAnswers, Offer, Prompter, Recovery


def offer(exists: bool, changed: bool) -> Offer:
    return Offer(Path("a.md"), dt.datetime(2026, 1, 1), changed, exists, "")


def test_an_offer_says_what_became_of_the_file():
    assert offer(exists=False, changed=True).disk_state == "gone from disk"
    assert offer(exists=True, changed=True).disk_state == "changed on disk since"
    assert offer(exists=True, changed=False).disk_state == "unchanged on disk"


def test_flag_answers_agree_only_to_what_the_flags_name():
    answers: Prompter = FlagAnswers(frozenset({"Overwrite"}))
    assert answers.confirm("Changed on disk", "it changed", "Overwrite")
    assert not answers.confirm("Save with problems?", "errors", "Save Anyway")
    assert answers.review("Review", "diff", "Overwrite")
    assert not answers.review("Review", "diff", "Save")


def test_flag_answers_keep_what_was_declined_or_told_and_lose_nothing():
    answers = FlagAnswers()
    answers.confirm("t", "declined", "Do")
    answers.inform("t", "told")
    assert answers.told == ["declined", "told"]
    assert answers.save_changes("a.md") is Choice.CANCEL
    assert answers.ask_text("t", "label") is None
    assert answers.recover([offer(True, False)] * 2) == [Recovery.LATER] * 2
