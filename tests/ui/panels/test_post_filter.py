"""When a longer query may search only the rows a shorter one matched."""

from __future__ import annotations

import pytest

from editor.ui.panels.post_filter import refines


@pytest.mark.parametrize(
    ("words", "before", "expected"),
    [
        (["climate"], ["clim"], True),  # typed on
        (["ai", "health"], ["ai"], True),  # a word added
        (["health", "ai"], ["ai", "health"], True),  # the same words, reordered
        (["clim"], ["climate"], False),  # erased: more rows may match
        (["ai"], ["ai", "health"], False),  # a word dropped
        (["health"], ["ai"], False),  # another word
        (["anything"], [], True),  # no words before: every row matched
    ],
)
def test_refines(words, before, expected):
    assert refines(words, before) is expected
