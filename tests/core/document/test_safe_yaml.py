"""Tests for editor/core/document/safe_yaml.py: safe loading, and go-yaml's bound on alias
expansion."""

from __future__ import annotations

import pytest
import yaml

from editor.core.document import safe_yaml
from tests.hostile import alias_bomb, bounded


def test_the_billion_laughs_is_refused_before_anything_is_built():
    with bounded(), pytest.raises(safe_yaml.AliasBombError) as caught:
        safe_yaml.load(alias_bomb().split("---\n")[1])
    # The whole document's size, told to the writer: level k expands to S(k) = 1 + 9 (1 +
    # S(k - 1)) values (S(1) = 10), each level is written once under its key, and `title` and
    # `tags` are an alias (1) of S(9) each: 1 + Σ(1 + S(k)) + 2 (2 + S(9)).
    assert "1,513,361,284 values" in caught.value.problem
    assert "alias bomb" in caught.value.problem
    # Where the counts first broke the rule: `d`, the fourth level, already 99% repeats.
    assert caught.value.problem_mark.line == 3


def test_an_anchor_that_holds_itself_is_refused():
    with pytest.raises(safe_yaml.AliasBombError, match="alias to itself"):
        safe_yaml.load("a: &a [x, *a]\n")


@pytest.mark.parametrize(
    "text",
    [
        # Hugo and Jekyll sites share defaults with merge keys, many times over.
        "base: &base {author: Anna, layout: post}\n"
        + "".join(f"p{n}:\n  <<: *base\n  title: T{n}\n" for n in range(300)),
        # A list of tags shared by many entries: far below 99% repeats.
        "tags: &t [a, b, c]\n" + "".join(f"k{n}: {{name: n{n}, tags: *t}}\n" for n in range(500)),
        # A small bomb: under go-yaml's floor of 100 aliased values, whatever the share.
        "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n",
    ],
)
def test_the_aliases_real_sites_write_load(text):
    assert isinstance(safe_yaml.load(text), dict)


def test_a_document_of_99_percent_repeats_is_the_limit():
    anchor = "a: &a [" + ", ".join(["w"] * 199) + "]\n"  # a list of 199 values: 200 in all
    # Each alias counts itself and the 200 values it repeats: n aliases make 201 n + 203
    # values, 200 n of them repeats, more than 99% (go-yaml's share up to 400,000 values)
    # once n passes 199.
    assert isinstance(safe_yaml.load(anchor + "b: [" + ", ".join(["*a"] * 190) + "]\n"), dict)
    with pytest.raises(safe_yaml.AliasBombError):
        safe_yaml.load(anchor + "b: [" + ", ".join(["*a"] * 210) + "]\n")


@pytest.mark.parametrize(
    ("decoded", "ratio"),
    [(1000, 0.99), (400_000, 0.99), (2_200_000, 0.545), (4_000_000, 0.10), (10**9, 0.10)],
)
def test_the_allowed_share_is_go_yamls(decoded, ratio):
    assert safe_yaml.allowed_alias_ratio(decoded) == pytest.approx(ratio)


def test_safe_loading_still_runs_no_code():
    with pytest.raises(yaml.YAMLError):
        safe_yaml.load("!!python/object/apply:os.system ['true']\n")


# ---- where a YAML error is, and why: the one helper every reader uses ------------------------


def _error(text: str) -> yaml.YAMLError:
    with pytest.raises(yaml.YAMLError) as caught:
        safe_yaml.load(text)
    return caught.value


def test_an_error_points_at_its_1_based_line_and_column():
    error = _error("title: ok\ntags: [a, b\n")
    assert safe_yaml.error_position(error) == (3, 1)
    assert "expected ',' or ']'" in safe_yaml.error_reason(error)


def test_an_error_without_a_problem_mark_points_at_its_context():
    error = _error("title: ok\nlist: [a")
    error.problem_mark = None  # as some PyYAML errors are raised
    assert safe_yaml.error_position(error) == (2, 7)


def test_an_error_with_no_mark_and_no_words_still_says_something():
    assert safe_yaml.error_position(yaml.YAMLError("boom")) == (None, None)
    assert safe_yaml.error_reason(yaml.YAMLError("boom")) == "boom"
    assert safe_yaml.error_reason(yaml.MarkedYAMLError()) == "the YAML does not parse"
