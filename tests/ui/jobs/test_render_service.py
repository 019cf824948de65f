"""Tests for editor/ui/jobs/render_service.py: a body too large to render never reaches the
worker."""

from __future__ import annotations

from editor.core.site.render import render_pieces, too_large_html
from editor.ui.jobs.render_service import RenderService
from tests.hostile import huge_body


def test_a_body_past_the_limit_is_answered_without_a_worker(qtbot):
    service = RenderService()  # with a worker process, were one needed
    body = huge_body()
    try:
        with qtbot.waitSignal(service.rendered, timeout=5000) as answer:
            job = service.request(body)
        assert answer.args == [job, [too_large_html(len(body))], ()]
        assert service._pool is None  # no worker was started, nothing was sent to one
    finally:
        service.shutdown()


def test_a_body_is_rendered_by_the_worker_process(qtbot):
    service = RenderService()
    try:
        with qtbot.waitSignal(service.rendered, timeout=30_000) as answer:
            job = service.request("Some *words*.")
        assert answer.args == [job, *render_pieces("Some *words*.")]
        assert service._pool is not None and service._use_process
    finally:
        service.shutdown()


def test_a_worker_that_dies_is_replaced_by_rendering_here(qtbot):
    service = RenderService()
    try:
        with qtbot.waitSignal(service.rendered, timeout=30_000):
            service.request("first")
        assert service._pool is not None
        service._pool._process.kill()
        with qtbot.waitSignal(service.rendered, timeout=30_000) as answer:
            job = service.request("Some *words*.")
        assert answer.args == [job, *render_pieces("Some *words*.")]
        assert not service._use_process  # from now on, in this process
    finally:
        service.shutdown()
