"""The render worker's loop (editor/core/site/render_worker.py): each request answered in
turn, a failed render answered with None, and the end of its input the end of the worker."""

from __future__ import annotations

import io
import pickle
import subprocess
import sys

from editor.core.site.render import render_pieces
from editor.core.site.render_worker import serve
from editor.core.site.rendering.profile import PYTHON_MARKDOWN


def _requests(*requests: object) -> io.BytesIO:
    out = io.BytesIO()
    for request in requests:
        pickle.dump(request, out)
    out.seek(0)
    return out


def _answers(out: io.BytesIO) -> list[object]:
    out.seek(0)
    found = []
    while out.tell() < len(out.getvalue()):
        found.append(pickle.load(out))
    return found


def test_each_request_is_answered_in_turn_until_the_input_ends():
    answers = io.BytesIO()
    serve(_requests(("# One", PYTHON_MARKDOWN), ("*two*", PYTHON_MARKDOWN)), answers)
    assert _answers(answers) == [
        render_pieces("# One", PYTHON_MARKDOWN),
        render_pieces("*two*", PYTHON_MARKDOWN),
    ]


def test_a_render_that_fails_is_answered_with_none():
    answers = io.BytesIO()
    serve(_requests(("fine", PYTHON_MARKDOWN), (None, PYTHON_MARKDOWN)), answers)
    assert _answers(answers) == [render_pieces("fine", PYTHON_MARKDOWN), None]


def test_the_process_answers_and_leaves_when_its_input_closes():
    worker = subprocess.run(
        [sys.executable, "-m", "editor.core.site.render_worker"],
        input=_requests(("Some *words*.", PYTHON_MARKDOWN)).getvalue(),
        capture_output=True,
        timeout=60,
    )
    assert worker.returncode == 0, worker.stderr
    assert pickle.loads(worker.stdout) == render_pieces("Some *words*.", PYTHON_MARKDOWN)
