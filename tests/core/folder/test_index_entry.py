"""An index entry as the index cache stores it: its fields in order, and a stored entry of
another layout refused rather than read into the wrong fields."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from editor.core.folder import ContentFolder, IndexEntry


@pytest.fixture
def entry(tmp_path: Path) -> IndexEntry:
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: One\ndate: 2024-05-01\ntags: [a, b]\n---\nText.\n")
    return ContentFolder(tmp_path).refresh(post)


def test_an_entry_comes_back_from_a_pickle_whole(entry):
    back = pickle.loads(pickle.dumps(entry))
    assert back == entry
    assert (back.title, back.date.isoformat(), back.tags) == ("One", "2024-05-01", ("a", "b"))
    assert back.facts.values["title"] == "One"


def test_an_entry_pickled_as_a_dict_is_refused(entry):
    """How an entry was pickled before it had slots: its fields as a dict, the state pickle
    hands to __setstate__ (read into the fields in order, "date" became the date)."""
    stale = IndexEntry.__new__(IndexEntry)
    with pytest.raises(TypeError):
        stale.__setstate__({name: getattr(entry, name) for name in entry.__slots__})


def test_an_entry_of_fewer_fields_is_refused(entry):
    stale = IndexEntry.__new__(IndexEntry)
    with pytest.raises(TypeError):
        stale.__setstate__(entry.__getstate__()[:-1])
