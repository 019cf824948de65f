"""Tests for editor/ui/jobs/job.py: answers arrive on the UI thread, errors as data, stale answers
are dropped, and a job whose owner is gone never delivers nor crashes."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QThread

from editor.core.errors import PostError
from editor.ui.jobs.job import Job, LatestJob, Tickets, courier


class Gate:
    """A function that a test lets through when it chooses: it runs on the worker until
    `open()`, then returns its value."""

    def __init__(self, value: object) -> None:
        self.value = value
        self._open = threading.Event()
        self.started = threading.Event()

    def __call__(self) -> object:
        self.started.set()
        assert self._open.wait(10)
        return self.value

    def open(self) -> None:
        self._open.set()


def test_tickets_want_only_the_newest():
    tickets = Tickets()
    first, second = tickets.take(), tickets.take()
    assert not tickets.is_newest(first)
    assert tickets.is_newest(second)
    tickets.void()
    assert not tickets.is_newest(second)


def test_a_result_arrives_on_the_ui_thread(qtbot):
    job = Job()
    seen: list[bool] = []
    job.done.connect(lambda _: seen.append(QThread.currentThread() is job.thread()))
    with qtbot.waitSignal(job.done, timeout=5000) as answer:
        job.start(lambda: threading.current_thread() is not threading.main_thread())
    assert answer.args == [True]  # the function ran off the UI thread
    assert seen == [True]  # and its answer came back to it
    assert not job.busy


@pytest.mark.parametrize(
    ("error", "message"),
    [(PostError("no such folder"), "no such folder"), (ValueError("bad"), "ValueError: bad")],
)
def test_an_error_arrives_as_a_message(qtbot, error, message):
    def fail() -> None:
        raise error

    job = Job()
    with qtbot.waitSignal(job.failed, timeout=5000) as answer:
        job.start(fail)
    assert answer.args == [message]


def test_a_job_runs_one_function_at_a_time(qtbot):
    job, gate = Job(), Gate(1)
    job.start(gate)
    assert job.busy
    with pytest.raises(RuntimeError):
        job.start(lambda: 2)
    with qtbot.waitSignal(job.done, timeout=5000):
        gate.open()


def test_progress_arrives_while_the_function_runs(qtbot):
    job = Job()
    reports: list[object] = []
    job.progress.connect(reports.append)

    def count() -> str:
        for step in range(3):
            job.report(step)
        return "counted"

    with qtbot.waitSignal(job.done, timeout=5000):
        job.start(count)
    assert reports == [0, 1, 2]


def test_a_cancelled_answer_is_dropped(qtbot):
    job, gate = Job(), Gate("old")
    with qtbot.assertNotEmitted(job.done, wait=100):
        job.start(gate)
        job.cancel()
        gate.open()
        assert job.wait(5)


def test_the_newest_request_wins_and_older_answers_are_dropped(qtbot):
    job = LatestJob()
    answers: list[object] = []
    job.done.connect(answers.append)
    first = Gate("first")
    job.request(first)
    assert first.started.wait(5)
    job.request(lambda: "second")  # waits, then is replaced
    with qtbot.waitSignal(job.done, timeout=5000):
        newest = job.request(lambda: "third")
        first.open()
    assert answers == ["third"]  # "first" was older than the newest, "second" never ran
    assert job.tickets.is_newest(newest)
    assert not job.busy and not job.waiting


def test_a_stale_failure_is_dropped_too(qtbot):
    job = LatestJob()
    gate = Gate(None)

    def fail() -> None:
        gate()
        raise ValueError("old")

    failures: list[str] = []
    job.failed.connect(failures.append)
    job.request(fail)
    with qtbot.waitSignal(job.done, timeout=5000):
        job.request(lambda: "new")
        gate.open()
    assert failures == []


def test_cancel_drops_the_waiting_request(qtbot):
    job, gate = LatestJob(), Gate("running")
    ran: list[str] = []
    job.request(gate)
    job.request(lambda: ran.append("waiting"))
    job.cancel()
    with qtbot.assertNotEmitted(job.done, wait=100):
        gate.open()
        assert job.wait(5)
    assert ran == [] and not job.waiting


def test_an_owner_destroyed_mid_job_gets_nothing_and_nothing_crashes(qtbot):
    owner = QObject()
    job = LatestJob(owner)
    answers: list[object] = []
    job.done.connect(answers.append)
    job.progress.connect(answers.append)
    gate = Gate("late")

    def work() -> object:
        value = gate()
        job.report("progress after the owner is gone")
        return value

    job.request(work)
    job.request(lambda: "pending")  # never started: nobody is left to want it
    assert gate.started.wait(5)
    owner.deleteLater()
    with qtbot.waitSignal(owner.destroyed, timeout=5000):
        pass
    gate.open()
    assert job.wait(5)
    # The courier delivers in order: once a later parcel arrives, the job's has been dropped.
    after: list[object] = []
    courier().carry.emit(after.append, "after")
    qtbot.waitUntil(lambda: after == ["after"], timeout=5000)
    assert answers == []
