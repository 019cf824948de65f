"""The command line on hostile posts (issue 13): an alias bomb (point 13)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from unavailable import unavailable

from tests.hostile import alias_bomb, bounded, huge_body

BOMB_ERROR = (
    "YAML error: its aliases (*name) would make it 1,513,361,284 values, mostly repeats of a"
    " few (an alias bomb)"
)


def test_check_reports_an_alias_bomb_once_with_its_line(run, write, tmp_path):
    path = write(tmp_path / "site/bomb.md", alias_bomb())
    with bounded():
        single = run("check", path)
        folder = run("check", tmp_path / "site")
    assert (single.rc, single.out) == (1, f"{path}:5: error: front matter: {BOMB_ERROR}\n")
    assert (folder.rc, folder.out) == (1, single.out)


def test_list_shows_an_alias_bomb_as_a_post_without_a_title(run, write, tmp_path):
    write(tmp_path / "site/bomb.md", alias_bomb())
    with bounded():
        ran = run("list", tmp_path / "site", "--json")
    [row] = json.loads(ran.out)
    assert (row["title"], row["tags"], row["problems"], row["errors"]) == (None, [], 1, 1)


# ---- point 14: an exported page runs nothing, fetches nothing unasked -----------------------

HOSTILE_BODY = """\
<script>document.body.innerHTML = "ran"</script>
<img src="https://example.com/track.png" onerror="alert(1)" alt="a tracker">
<a href="javascript:alert(1)">a link</a>
<meta http-equiv="refresh" content="0; url=https://example.com/">
"""


def test_render_standalone_drops_scripts_and_sets_a_policy(run, write, tmp_path):
    path = write(tmp_path / "p.md", f"---\ntitle: T\n---\n{HOSTILE_BODY}")
    ran = run("render", path, "--standalone")
    assert ran.rc == 0, ran.err
    head, body = ran.out.split("<body>")
    assert head.startswith(
        '<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Security-Policy" content='
        "\"default-src 'none'; img-src data: file:; style-src 'unsafe-inline'; base-uri 'none';"
        " form-action 'none'\" />"
    )
    for gone in ("<script", "onerror", "javascript:", "<meta", 'src="https:'):
        assert gone not in body
    assert "[image: a tracker]</span>" in body and "<a>a link</a>" in body


def test_render_standalone_with_remote_images_lets_the_pictures_in_and_nothing_else(
    run, write, tmp_path
):
    path = write(tmp_path / "p.md", f"---\ntitle: T\n---\n{HOSTILE_BODY}")
    ran = run("render", path, "--standalone", "--remote-images")
    assert ran.rc == 0, ran.err
    body = ran.out.split("<body>")[1]
    assert '<img src="https://example.com/track.png" alt="a tracker">' in body
    assert "img-src data: file: https: http:;" in ran.out
    assert "<script" not in body and "onerror" not in body


def chromium() -> str:
    """Chromium's path; skipped here, failed in CI (`.ci/run` installs it) when missing."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        unavailable("no Chromium here (apt-get install chromium)")
    return found


def test_a_browser_runs_nothing_of_the_exported_page(run, write, tmp_path):
    """The page opened for real, headless: each script below would change the page it shows,
    or send the browser to another page, and none may."""
    browser = chromium()
    write(tmp_path / "elsewhere.html", "<html><body><p id=moved>MOVED</p></body></html>")
    body = """\
<script>document.title = "RAN: script"</script>
<img src="missing.png" onerror="document.title = 'RAN: onerror'">
<svg onload="document.title = 'RAN: svg'"></svg>
<iframe srcdoc="<script>parent.document.title = 'RAN: iframe'</script>"></iframe>
<meta http-equiv="refresh" content="0; url=elsewhere.html">
<p>Still here.</p>
"""
    path = write(tmp_path / "p.md", f"---\ntitle: Quiet\n---\n{body}")
    page = tmp_path / "page.html"
    page.write_text(run("render", path, "--standalone").out, encoding="utf-8")
    shown = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--virtual-time-budget=2000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "<title>Quiet</title>" in shown and "RAN" not in shown
    assert "<p>Still here.</p>" in shown and "MOVED" not in shown


# ---- point 15: a hostile .post-editor.yaml ----------------------------------------------------


@pytest.mark.parametrize(
    "naming", [".git/hooks/{slug}", "../outside/{slug}.md", "/tmp/{slug}.md", "{slug}.sh"]
)
def test_new_never_follows_a_naming_into_git_hooks_outside_or_to_no_post(
    run, write, tmp_path, naming
):
    """The schema file is refused as if broken, as `check` says it, and `new` makes no post
    until it is fixed (as with any schema file it cannot use): nothing is written anywhere."""
    site = tmp_path / "site"
    write(site / ".git/hooks/README", "git's own\n")
    write(site / ".post-editor.yaml", f'fields:\n  - {{name: title}}\nnaming: "{naming}"\n')
    write(site / "older.md", "---\ntitle: Older\n---\nText.\n")
    ran = run("new", site, "--title", "Pre commit")
    assert ran.rc == 2, ran.err
    assert f"{site / '.post-editor.yaml'}:3:" in ran.err and "no post was made" in ran.err
    assert sorted(p.name for p in site.iterdir()) == [".git", ".post-editor.yaml", "older.md"]
    assert sorted(p.name for p in (site / ".git/hooks").iterdir()) == ["README"]
    assert not (tmp_path / "outside").exists()
    checked = run("check", site)
    assert f"{site / '.post-editor.yaml'}:3: error:" in checked.out


def test_check_names_a_media_url_that_is_a_script_link(run, write, tmp_path):
    site = tmp_path / "site"
    write(
        site / ".post-editor.yaml",
        "fields:\n  - {name: title}\nmedia: {folder: img, url: 'javascript:alert(1)//'}\n",
    )
    write(site / "a.md", "---\ntitle: A\n---\nText.\n")
    ran = run("check", site)
    assert ran.rc == 1
    assert (
        f"{site / '.post-editor.yaml'}:3: error: .post-editor.yaml: the media url"
        " ‘javascript:alert(1)//’ is neither a web address nor a path"
        " (links must not start with javascript:)"
    ) in ran.out


# ---- point 16: a huge body --------------------------------------------------------------------


@pytest.mark.parametrize("standalone", [[], ["--standalone"]])
def test_render_refuses_a_body_past_the_limit_at_once_with_status_2(
    run, write, tmp_path, standalone
):
    """A 200 MB body ran for minutes; past MAX_RENDER_CHARS the command says why and stops."""
    body = huge_body()
    path = write(tmp_path / "huge.md", f"---\ntitle: Huge\n---\n{body}")
    with bounded():
        ran = run("render", path, *standalone)
    assert (ran.rc, ran.out) == (2, "")
    assert ran.err == (
        f"post-editor: {path}: this post is too large to render ({len(body):,} characters;"
        " previews and pages stop at 1,000,000)\n"
    )
