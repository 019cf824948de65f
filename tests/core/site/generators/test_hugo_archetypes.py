"""A new Hugo post's text from the site's archetype: which archetype Hugo takes, the Go
template subset it is run with, and the text compared byte for byte with the real
`hugo new` on several archetypes."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path
from pathlib import PurePosixPath as P

import pytest
from builds import generator
from sitefactory import site

from editor.core.errors import PostError
from editor.core.site.generators import Hugo, detect_generator
from editor.core.site.generators.go_templates import go_format, render
from editor.core.site.generators.hugo_text import hugo_humanize, hugo_title

NOW = dt.datetime(2026, 3, 7, 9, 5, 4, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
HUGO_DEFAULT = (
    '+++\ntitle = \'{{ replace .File.ContentBaseName "-" " " | title }}\'\n'
    "date = {{ .Date }}\ndraft = true\n+++\n"
)


def hugo_site(tmp_path: Path, files: dict[str, str], config: str = "title = 'A site'\n") -> Hugo:
    site(tmp_path, {"hugo.toml": config, "content/posts/old.md": "---\ntitle: Old\n---\n", **files})
    found = detect_generator(tmp_path)
    assert isinstance(found, Hugo)
    return found


def new_text(gen: Hugo, rel: str, title: str = "My Post", now: dt.datetime = NOW) -> str | None:
    return gen.new_post_text(gen.collections[0], P(rel), title, now)


# --- which archetype ---------------------------------------------------------------------


def test_the_sections_archetype_comes_before_the_default(tmp_path):
    gen = hugo_site(tmp_path, {"archetypes/default.md": "default\n", "archetypes/posts.md": "p\n"})
    assert new_text(gen, "content/posts/a.md") == "p\n"
    assert new_text(gen, "content/notes/a.md") == "default\n"


def test_the_themes_section_archetype_beats_the_sites_default(tmp_path):
    gen = hugo_site(
        tmp_path,
        {
            "archetypes/default.md": "site default\n",
            "themes/t/archetypes/posts.md": "theme posts\n",
            "themes/t/archetypes/default.md": "theme default\n",
        },
        config="title = 'A'\ntheme = 't'\n",
    )
    assert new_text(gen, "content/posts/a.md") == "theme posts\n"
    assert new_text(gen, "content/notes/a.md") == "site default\n"
    (tmp_path / "archetypes/default.md").unlink()
    assert new_text(gen, "content/notes/a.md") == "theme default\n"


def test_a_bundle_takes_the_sections_bundle_archetype(tmp_path):
    gen = hugo_site(
        tmp_path,
        {
            "archetypes/posts.md": "file {{ .Name }}\n",
            "archetypes/posts/index.md": "dir {{ .Name }}\n",
        },
    )
    assert new_text(gen, "content/posts/my-post/index.md") == "dir my-post\n"
    assert new_text(gen, "content/posts/my-post.md") == "file my-post\n"


def test_no_archetype_gives_none(tmp_path):
    gen = hugo_site(tmp_path, {"archetypes/default.markdown": "other extension\n"})
    assert new_text(gen, "content/posts/a.md") is None


def test_an_unsupported_template_says_which_part_and_where(tmp_path):
    gen = hugo_site(tmp_path, {"archetypes/posts.md": "---\n{{ if .Draft }}x{{ end }}\n---\n"})
    with pytest.raises(PostError) as error:
        new_text(gen, "content/posts/a.md")
    assert "‘if’ is not supported" in error.value.message
    assert error.value.line == 2
    assert error.value.path == tmp_path / "archetypes/posts.md"


# --- the template language ---------------------------------------------------------------


DATA = {"Name": "my-first-post", "Date": "2026-03-07T09:05:04+05:30", "Site": {"Title": "S"}}
FUNCTIONS = {"upper": str.upper, "lower": str.lower, "now": lambda: NOW}


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("a {{ .Name }} b", "a my-first-post b"),
        ("a {{- .Name -}} \n b", "amy-first-postb"),
        ("{{ .Name | upper }}", "MY-FIRST-POST"),
        ('{{ upper "x\\ty" }}', "X\tY"),
        ("{{ lower (upper .Name) }}", "my-first-post"),
        ("{{/* a comment */}}x", "x"),
        ("a\n{{- /* trimmed */ -}}\nb", "ab"),
        ('{{ now.Format "2006" }}', "2026"),
        ("{{ .Site.Title }}", "S"),
    ],
)
def test_the_template_subset(template, expected):
    assert render(template, DATA, FUNCTIONS) == expected


@pytest.mark.parametrize(
    ("template", "part"),
    [
        ("{{ $x := 1 }}", "$x"),
        ("{{ .Params.x }}", ".Params.x"),
        ("{{ range .Pages }}{{ end }}", "range"),
        ("{{ now }}", "now"),  # Go prints a monotonic clock reading: not reproducible
        ("{{ .Name | default }}", "default"),
    ],
)
def test_other_parts_are_refused_by_name(template, part):
    with pytest.raises(PostError) as error:
        render(template, DATA, FUNCTIONS)
    assert part in error.value.message


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ("2006-01-02T15:04:05Z07:00", "2026-03-07T09:05:04+05:30"),
        ("Jan 2, 2006", "Mar 7, 2026"),
        ("Monday, January _2 06 3:04PM -0700 -07", "Saturday, March  7 26 9:05AM +0530 +05"),
        ("02/01 15h .000 .999", "07/03 09h .000 "),
    ],
)
def test_go_time_layouts(layout, expected):
    assert go_format(NOW, layout) == expected


def test_go_time_layouts_write_utc_as_z():
    utc = NOW.astimezone(dt.UTC)
    assert go_format(utc, "2006-01-02T15:04:05Z07:00 MST") == "2026-03-07T03:35:04Z UTC"


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        ("the lord of the rings", "", "The Lord of the Rings"),
        ("a tale of two cities", "ap", "A Tale of Two Cities"),
        ("a walk through the park", "chicago", "A Walk through the Park"),
        ("a walk through the park", "ap", "A Walk Through the Park"),
        ("go with it", "go", "Go With It"),
        ("go with it", "firstupper", "Go with it"),
        ("go with it", "none", "go with it"),
        ("émile zola à paris", "", "Émile Zola À Paris"),
    ],
)
def test_hugo_title(text, style, expected):
    assert hugo_title(text, style) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("my-first-post", "My first post"), ("my_api_key", "My API key"), ("3", "3rd")],
)
def test_hugo_humanize(text, expected):
    assert hugo_humanize(text) == expected


# --- the writer's title ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "title", "expected"),
    [
        ("title = '{{ .Name }}'", "It's here", 'title = "It\'s here"'),
        ("title = '{{ .Name }}'", "Plain", "title = 'Plain'"),
        ('title = "{{ .Name }}"', 'A "b" \\ c', 'title = "A \\"b\\" \\\\ c"'),
    ],
)
def test_the_writers_title_in_toml(tmp_path, line, title, expected):
    gen = hugo_site(tmp_path, {"archetypes/posts.md": f"+++\n{line}\ndraft = true\n+++\n"})
    assert new_text(gen, "content/posts/a.md", title) == f"+++\n{expected}\ndraft = true\n+++\n"


@pytest.mark.parametrize(
    ("line", "title", "expected"),
    [
        ("title: '{{ .Name }}'", "It's", "title: 'It''s'"),
        ("title: {{ .Name }}", "Plain words", "title: Plain words"),
        ("title: {{ .Name }}", "Yes", 'title: "Yes"'),
        ("title: {{ .Name }}", "Colon: here", 'title: "Colon: here"'),
    ],
)
def test_the_writers_title_in_yaml(tmp_path, line, title, expected):
    gen = hugo_site(tmp_path, {"archetypes/posts.md": f"---\n{line}\n---\nBody {{{{ .Name }}}}\n"})
    assert new_text(gen, "content/posts/a.md", title) == f"---\n{expected}\n---\nBody a\n"


def test_a_title_the_archetype_writes_out_stays(tmp_path):
    gen = hugo_site(tmp_path, {"archetypes/posts.md": "---\ntitle: Fixed\n---\n"})
    assert new_text(gen, "content/posts/a.md", "Mine") == "---\ntitle: Fixed\n---\n"


# --- the real `hugo new`, byte for byte --------------------------------------------------

ARCHETYPES = {
    "hugo's own default": HUGO_DEFAULT,
    "yaml with functions": (
        '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndate: {{ .Date }}\n'
        'day: {{ dateFormat "Monday, Jan 2, 2006" .Date }}\n'
        'short: {{ .Date | time.Format "2006-01-02" }}\n'
        'label: "{{ humanize .File.ContentBaseName }}"\nkind: {{ .Type | upper }}\n'
        "site: {{ .Site.Title | lower }}\ndraft: true\ntags: []\n---\n\n"
        "{{- /* a comment, trimmed */ -}}\n\n# {{ .Name | humanize }}\n"
    ),
    "toml with a table": (
        '+++\ntitle = \'{{ replace .File.ContentBaseName "-" " " | title }}\'\n'
        'date = {{ .Date }}\nyear = {{ now.Format "2006" }}\n\n[params]\n'
        "  author = '{{ .Site.Title }}'\n+++\nWritten {{ dateFormat \"Jan 2\" .Date }}.\n"
    ),
}


@pytest.mark.parametrize("name", list(ARCHETYPES))
@pytest.mark.parametrize("zone", ["UTC", "Asia/Kolkata"])
def test_the_text_is_hugo_news_byte_for_byte(tmp_path, name, zone):
    hugo = generator("hugo")
    gen = hugo_site(
        tmp_path,
        {"archetypes/posts.md": ARCHETYPES[name]},
        config="title = 'The Site of Ours'\nbaseURL = 'https://example.org/'\n",
    )
    wanted = _hugo_new(hugo, tmp_path, "posts/the-state-of-the-art.md", zone)
    now = _now_in(wanted, zone)
    assert new_text(gen, "content/posts/the-state-of-the-art.md", "The State of the Art", now) == (
        wanted
    )


def test_a_bundle_is_hugo_news_byte_for_byte(tmp_path):
    hugo = generator("hugo")
    gen = hugo_site(tmp_path, {"archetypes/posts/index.md": HUGO_DEFAULT})
    wanted = _hugo_new(hugo, tmp_path, "posts/a-day-in-the-life", "UTC", "index.md")
    now = _now_in(wanted, "UTC")
    assert new_text(gen, "content/posts/a-day-in-the-life/index.md", "A Day in the Life", now) == (
        wanted
    )


def _hugo_new(hugo: str, root: Path, target: str, zone: str, inner: str = "") -> str:
    env = {**os.environ, "TZ": zone}
    done = subprocess.run(
        [hugo, "new", target], cwd=root, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return (root / "content" / target / inner).read_text(encoding="utf-8")


def _now_in(text: str, zone: str) -> dt.datetime:
    """The time `hugo new` ran at, read from the `.Date` it wrote."""
    found = re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)", text)
    assert found is not None, text
    return dt.datetime.fromisoformat(found.group())
