"""`post-editor check` where a site's CI and pre-commit run it: `--format github|sarif|json`
(and `--json`), files named one by one judged by the site above each (what pre-commit
passes), no Qt needed, and the hook file at the repository's root, run by real pre-commit."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import paths
import pytest
import yaml
from unavailable import unavailable

HOOKS = paths.REPO / ".pre-commit-hooks.yaml"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No site marker above tmp_path may change where the test's site starts."""
    monkeypatch.setenv("HOME", str(tmp_path.parent))


def hugo_site(write, root: Path) -> Path:
    """A Hugo site (which needs no date) with a clean post and one whose date is none."""
    write(root / "hugo.toml", "title = 'Blog'\n")
    write(root / "content/posts/good.md", "---\ntitle: Good\n---\nText.\n")
    write(root / "content/posts/bad.md", "---\ntitle: Bad\ndate: someday\n---\nText.\n")
    return root


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def test_a_file_checked_alone_is_judged_by_its_site(run, write, tmp_path, monkeypatch):
    hugo_site(write, tmp_path / "hugo")
    write(tmp_path / "jekyll/_config.yml", "title: Blog\n")
    write(tmp_path / "jekyll/_posts/2024-01-02-dated.md", "---\ntitle: Dated\n---\nText.\n")
    write(tmp_path / "plain/undated.md", "---\ntitle: Undated\n---\nText.\n")
    for name in ("one", "two"):  # a plain folder's posts say that its posts have a date
        write(tmp_path / f"plain/{name}.md", f"---\ntitle: {name}\ndate: 2024-01-02\n---\nA.\n")
    monkeypatch.chdir(tmp_path)
    # Hugo needs no date, Jekyll takes it from the file name: only the plain folder wants one.
    ran = run(
        "check",
        "hugo/content/posts/good.md",
        "jekyll/_posts/2024-01-02-dated.md",
        "plain/undated.md",
    )
    assert ran.out == "plain/undated.md:2: error: date: Date is missing\n"
    assert ran.rc == 1
    # The same verdict as the check of the whole site.
    assert run("check", "hugo/content/posts/good.md").out == ""
    assert "good.md" not in run("check", "hugo").out


def test_github_format_names_files_from_the_repository_root(run, write, tmp_path, monkeypatch):
    site = hugo_site(write, tmp_path / "repo/site")
    git("init", "-q", cwd=tmp_path / "repo")
    monkeypatch.chdir(site)
    ran = run("check", "--format", "github", "content/posts/bad.md", "content/posts/good.md")
    assert ran.out == (
        "::error file=site/content/posts/bad.md,line=3,title=date::"
        "‘someday’ is not a date (write it like 2026-01-24)\n"
    )
    assert ran.rc == 1


def test_json_is_the_same_as_format_json_and_sarif_is_a_log(run, write, tmp_path, monkeypatch):
    hugo_site(write, tmp_path)
    monkeypatch.chdir(tmp_path)
    old = run("check", "content", "--json")
    new = run("check", "--format", "json", "content")
    assert (old.rc, old.out) == (new.rc, new.out) == (1, new.out)
    assert [p["field"] for p in json.loads(new.out)] == ["date"]
    sarif = json.loads(run("check", "content", "--format", "sarif").out)
    [result] = sarif["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "content/posts/bad.md", "uriBaseId": "SRCROOT"}
    assert run("check", "content", "--format", "yaml").rc == 2


def test_check_runs_without_qt(write, tmp_path):
    """PySide6 made unimportable: `check` of a folder and of a file still works."""
    hugo_site(write, tmp_path)
    blocked = (
        "import sys; sys.modules['PySide6'] = None; sys.modules['shiboken6'] = None; "
        "from editor.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    env = {**os.environ, "HOME": str(tmp_path.parent)}
    for args in (["content"], ["content/posts/bad.md"], ["--format", "sarif", "content"]):
        ran = subprocess.run(
            [sys.executable, "-c", blocked, "check", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env=env,
        )
        assert (ran.returncode, ran.stderr) == (1, ""), args
        assert "bad.md" in ran.stdout


def pre_commit() -> list[str]:
    found = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    if found is None:
        unavailable("pre-commit is not installed (pip install -e '.[test]')")
    return [found]


def test_the_hook_manifest_is_valid():
    ran = subprocess.run(
        [*pre_commit(), "validate-manifest", str(HOOKS)], capture_output=True, text=True
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr


def test_pre_commit_checks_the_staged_posts_with_their_sites_rules(write, tmp_path):
    """Real pre-commit on a real repository, with our hook as a local system hook (the
    manifest's entry and file pattern; `try-repo` would build a virtualenv with PySide6, too
    slow for a test, and offline it cannot): a staged post with a wrong date stops the commit,
    a Hugo post without a date does not."""
    repo = tmp_path / "blog"
    hugo_site(write, repo)
    write(repo / "notes.txt", "not a post\n")
    [hook] = [h for h in _manifest() if h["id"] == "post-editor-check"]
    write(
        repo / ".pre-commit-config.yaml",
        "repos:\n- repo: local\n  hooks:\n"
        f"  - id: {hook['id']}\n    name: {hook['name']}\n"
        f"    entry: {hook['entry']}\n    language: system\n"
        f"    files: '{hook['files']}'\n",
    )
    git("init", "-q", cwd=repo)
    git("add", ".", cwd=repo)
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "HOME": str(tmp_path),
    }
    ran = subprocess.run([*pre_commit(), "run"], cwd=repo, capture_output=True, text=True, env=env)
    assert ran.returncode == 1, ran.stdout + ran.stderr
    assert "content/posts/bad.md:3: error: date: ‘someday’ is not a date" in ran.stdout
    assert "good.md" not in ran.stdout
    write(repo / "content/posts/bad.md", "---\ntitle: Fixed\ndraft: true\n---\nText.\n")
    git("add", ".", cwd=repo)
    ran = subprocess.run([*pre_commit(), "run"], cwd=repo, capture_output=True, text=True, env=env)
    assert ran.returncode == 0, ran.stdout + ran.stderr


def _manifest() -> list[dict[str, object]]:
    return yaml.safe_load(HOOKS.read_text(encoding="utf-8"))


def test_the_command_line_offers_every_report_format():
    from editor.cli import REPORT_FORMATS
    from editor.core.folder.check_report import FORMATS

    assert REPORT_FORMATS == FORMATS


def test_a_post_in_the_home_folder_is_judged_alone_not_by_a_scan_of_home(
    tmp_path, monkeypatch, capsys
):
    from editor.cli import main
    from editor.core.folder import index_cache

    home = tmp_path / "home"
    (home / "elsewhere").mkdir(parents=True)
    (home / "elsewhere" / "other.md").write_text("---\ntitle: [broken\n---\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    draft = home / "draft.md"
    draft.write_text("---\ntitle: A draft\ndate: 2026-01-02\n---\nWords.\n", encoding="utf-8")
    assert main(["check", str(draft)]) == 0
    assert "other.md" not in capsys.readouterr().out
    database = sqlite3.connect(index_cache.default_path())  # the whole home was not indexed
    rows = database.execute("SELECT rel FROM entries").fetchall()
    assert not [rel for (rel,) in rows if "other.md" in rel]
