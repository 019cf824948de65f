"""Fields from the CMS config a site already has: Decap or Sveltia CMS, or Front Matter CMS.

A folder without `.post-editor.yaml` takes its schema from its site's CMS config when that
config describes the folder. The site root is the nearest folder, from the content folder up to
its repository's root (the one holding `.git`), that holds one of `CONFIG_PLACES`; each config
there is tried in that order, and the first that describes the folder wins.

Decap / Sveltia (`admin/config.yml`, also under `static/` or `public/`; Decap and Sveltia look
for `config.yml` only, so `config.yaml` is not read): the folder collection whose `folder`,
relative to the site root, is the content folder. Front Matter CMS (`frontmatter.json`, JSON
with comments): the first content type of the page folder (`[[workspace]]/content/posts`) that
is the content folder, else "default"; with no page folders listed, "default".

    Decap widget            Front Matter type       our type
    string, text            string (text unless     string, text  (Sveltia `maxlength` → max,
                              `single: true`), slug                `type: url` → url)
    markdown, richtext      string + wysiwyg        text          (plain text; a note says so;
      (not `body`)                                                 Decap's `body` is the body)
    datetime, date          datetime                date or datetime, by the stored format;
                                                    a format we cannot read: string, noted
    image                   image                   image         (`multiple`: list)
    file                    file                    string        (we have no file type: no
                                                                   picture picker for a PDF)
    select (options)        choice (choices)        select        (`multiple`: list)
    list (plain, or of one  list, tags,             list          (of objects: not taken)
      simple `field`)         categories, taxonomy
    boolean                 boolean, draft          boolean       (never required: false is
                                                                   a value; draftField choice:
                                                                   select)
    number                  number                  number        (min, max: not checked)
    hidden                  any with `hidden`       Schema.hidden (not in the form, not
                                                                   checked; default for new posts)
    object, relation, code, fields, block, json,    not taken: listed in the notes; the key is
    map, color, uuid, ...   dataFile, ...           kept as it is, under "Other fields"

Decap's field `body` is the post's text, not front matter. Decap's `required` is true when
absent; Front Matter's is false. `pattern: [regex, message]` is a JavaScript pattern found
anywhere in the value; it becomes one the whole value matches, saying `message`. `hint` and
`description` are the help, `label` and `title` the label; a default that does not fit its
field, or a `{{placeholder}}` only the CMS fills in, is left out (`{{now}}` on a date: the
editor dates new posts anyway). Decap's `slug`/`path`/`extension` become the naming.

Nothing here raises: an unreadable config becomes `CmsSchema.problem` (a `PostError` with path
and line) plus a note, and the caller infers the schema from the posts instead.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from editor.core.schema.cms.config_file import CmsSchema
from editor.core.schema.cms.decap import read_decap
from editor.core.schema.cms.frontmatter import read_front_matter
from editor.core.schema.cms.places import (
    CONFIG_PLACES,
    DECAP,
    FRONT_MATTER,
    candidate_files,
    find_site_root,
)
from editor.core.schema.nearest import up_to_repository

__all__ = [
    "CONFIG_PLACES",
    "DECAP",
    "FRONT_MATTER",
    "CmsSchema",
    "candidate_files",
    "find_site_root",
    "read_cms_schema",
    "up_to_repository",
]

# ---- reading the config (`places` finds it) ---------------------------------------------------


def read_cms_schema(folder: Path) -> CmsSchema | None:
    """The schema the site's CMS config gives `folder`; None when the site has no config.

    Each config at the site root is tried in `CONFIG_PLACES` order; the first that describes
    the folder wins, and notes of those before it (a broken one) come first. When none does,
    the result has no schema and its notes say why.
    """
    folder = folder.absolute()
    root = find_site_root(folder)
    if root is None:
        return None
    tried: list[CmsSchema] = []
    for cms, place in CONFIG_PLACES:
        path = root / place
        if path.is_file():
            found = (read_decap if cms == DECAP else read_front_matter)(path, root, folder)
            if found.schema is not None:
                earlier = tuple(note for other in tried for note in other.notes)
                return replace(found, notes=(*earlier, *found.notes))
            tried.append(found)
    if not tried:  # removed since it was seen
        return None
    return replace(tried[0], notes=tuple(note for other in tried for note in other.notes))
