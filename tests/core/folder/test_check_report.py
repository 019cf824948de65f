"""`check`'s report formats: GitHub workflow commands escaped as GitHub's toolkit escapes
them, and a SARIF 2.1.0 log whose shape holds what the standard requires."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from editor import __version__
from editor.core.folder import check_report
from editor.core.schema import Problem

# What SARIF 2.1.0 requires of the parts we write (its schema's "required" lists and
# enums), written out for the test: sarifLog (version, runs), run (tool), tool (driver),
# toolComponent (name), reportingDescriptor (id), result (message), message (text),
# artifactLocation, region (startLine >= 1, startColumn >= 1), level's enum.
SARIF_SHAPE = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["tool"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "version": {"type": "string"},
                                    "informationUri": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id"],
                                            "properties": {
                                                "id": {"type": "string"},
                                                "shortDescription": {
                                                    "type": "object",
                                                    "required": ["text"],
                                                },
                                            },
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "originalUriBaseIds": {
                        "type": "object",
                        "additionalProperties": {
                            "type": "object",
                            "properties": {"uri": {"type": "string", "pattern": "/$"}},
                        },
                    },
                    "results": {"type": "array", "items": {"$ref": "#/$defs/result"}},
                },
            },
        },
    },
    "$defs": {
        "result": {
            "type": "object",
            "required": ["message"],
            "properties": {
                "ruleId": {"type": "string"},
                "ruleIndex": {"type": "integer", "minimum": -1},
                "level": {"enum": ["none", "note", "warning", "error"]},
                "message": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {"text": {"type": "string"}},
                },
                "locations": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "physicalLocation": {
                                "type": "object",
                                "required": ["artifactLocation", "region"],
                                "properties": {
                                    "artifactLocation": {
                                        "type": "object",
                                        "required": ["uri", "uriBaseId"],
                                        "properties": {"uri": {"type": "string"}},
                                    },
                                    "region": {
                                        "type": "object",
                                        "required": ["startLine"],
                                        "properties": {
                                            "startLine": {"type": "integer", "minimum": 1},
                                            "startColumn": {"type": "integer", "minimum": 1},
                                        },
                                    },
                                },
                            }
                        },
                    },
                },
            },
        }
    },
}


@pytest.fixture
def problems(tmp_path: Path) -> list[Problem]:
    posts = tmp_path / "content" / "posts"
    return [
        Problem(posts / "a.md", 2, "title", "error", "Title is missing"),
        Problem(posts / "a.md", 3, "front matter", "error", "bad: YAML, here", 7),
        Problem(posts / "b,c.md", 9, "body", "warning", "50% done\nsecond line\r"),
        Problem(tmp_path / ".pages.yml", 1, "CMS config", "note", "no collection"),
        Problem(posts / "b,c.md", 2, "date", "error", "Date is missing"),
    ]


def test_github_commands_name_files_from_the_root_and_escape_as_the_toolkit(problems, tmp_path):
    out = check_report.report(problems, "github", tmp_path)
    assert out.splitlines() == [
        "::error file=content/posts/a.md,line=2,title=title::Title is missing",
        "::error file=content/posts/a.md,line=3,col=7,title=front matter::bad: YAML, here",
        "::warning file=content/posts/b%2Cc.md,line=9,title=body::50%25 done%0Asecond line%0D",
        "::notice file=.pages.yml,line=1,title=CMS config::no collection",
        "::error file=content/posts/b%2Cc.md,line=2,title=date::Date is missing",
    ]


def test_a_property_escapes_colons_and_commas_and_data_does_not():
    assert check_report.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert check_report.escape_data("a:b,c%\n") == "a:b,c%25%0A"


def test_sarif_log_has_the_shape_sarif_2_1_0_requires(problems, tmp_path):
    log = json.loads(check_report.report(problems, "sarif", tmp_path))
    jsonschema.validate(log, SARIF_SHAPE)
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("post-editor", __version__)
    # One rule per kind of problem found, in the order first met; results point at them.
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == ["field", "front-matter", "body", "cms-config"]
    assert [(r["ruleId"], ids[r["ruleIndex"]]) for r in run["results"]] == [
        (rid, rid) for rid in ["field", "front-matter", "body", "cms-config", "field"]
    ]
    assert [r["level"] for r in run["results"]] == ["error", "error", "warning", "note", "error"]
    where = run["results"][1]["locations"][0]["physicalLocation"]
    assert where == {
        "artifactLocation": {"uri": "content/posts/a.md", "uriBaseId": "SRCROOT"},
        "region": {"startLine": 3, "startColumn": 7},
    }
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == tmp_path.as_uri() + "/"
    assert run["results"][2]["message"]["text"] == "body: 50% done\nsecond line\r"


def test_a_clean_check_is_a_sarif_log_with_no_results(tmp_path):
    log = json.loads(check_report.report([], "sarif", tmp_path))
    jsonschema.validate(log, SARIF_SHAPE)
    assert log["runs"][0]["results"] == []
    assert check_report.report([], "github", tmp_path) == ""


def test_the_repository_root_is_the_folder_holding_dot_git_above(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "site" / "content").mkdir(parents=True)
    assert check_report.repository_root(tmp_path / "site" / "content") == tmp_path
    outside = tmp_path.parent / "elsewhere.md"
    assert check_report.relative_uri(outside, tmp_path) == outside.as_posix()
