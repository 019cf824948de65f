"""Folder-wide checks: what no single post shows, or what only the site around it can tell.

`check_site(folder)` finds, over a scanned `ContentFolder` (and `folder_problems(folder)` adds
each post's own problems, as `post-editor check FOLDER` and the Problems view list them), one
module per kind of check:

- two posts that would get the same address (slug) or carry the same title (duplicates);
- a cover image or a body image that names a local file that is not there, and a link to a
  post that does not exist (references);
- tags or categories outside the schema's choices, under a key the post's own validation
  does not check (taxonomy);
- YAML 1.1 traps: unquoted values that Jekyll (YAML 1.1) and YAML 1.2 readers take
  differently (yaml_traps);
- a future date on a published post, and a draft without a date (publish_dates).

`file_problems(paths)` judges post files named one by one, each by the site above it.

`run` runs them all; `context` holds what they share, `names` how a site names a post.

Every name is re-exported lazily (PEP 562, `lazy_exports`): `post-editor check FILE` loads
`files`, not the folder-wide checks.
"""

from typing import TYPE_CHECKING

from editor.core import lazy_exports

if TYPE_CHECKING:
    from editor.core.folder.checks.files import file_problems
    from editor.core.folder.checks.run import check_site, config_notes, folder_problems

_MODULE_OF = {
    "check_site": "run",
    "config_notes": "run",
    "file_problems": "files",
    "folder_problems": "run",
}

__getattr__ = lazy_exports(__name__, _MODULE_OF)

__all__ = [
    "check_site",
    "config_notes",
    "file_problems",
    "folder_problems",
]
