"""A scan's reading step, and the posts it lists before they are judged.

A first scan of a large folder reads its files in chunks (`bulk_read`), then places, infers
schemas and judges every post; only then are the entries known. So that a window can list
posts while the rest are read, each chunk is told as it is read: its posts judged already
(`judged_ahead`), the others made into `Unjudged` entries: what the facts tell (title, date,
tags, categories, path), no status or problems, for they are not known until the judging.
The scan's own entries replace them all when it ends.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import PurePosixPath

from editor.core.folder.index_cache import Stamp
from editor.core.folder.index_entry import IndexEntry, listed_terms
from editor.core.folder.lazy_read import read_many
from editor.core.schema import Facts
from editor.core.site.generators import Generator

# Told the unjudged entries of each chunk of posts read, as it is read.
Partial = Callable[[list[IndexEntry]], None]


class Unjudged(IndexEntry):
    """A post as its front matter lists it before its site has judged it: its title, date,
    tags and categories as written; no problems, and its status not yet known (shown as
    none, never as a problem). A scan's judged entry replaces it."""

    __slots__ = ()
    judged = False


def read_posts(
    to_read: Sequence[tuple[str, str]],
    stats: Mapping[str, Stamp],
    progress: Callable[[int, int], None] | None,
    partial: Partial | None,
    generator: Generator,
    site_path: Callable[[str], PurePosixPath],
    judge: Callable[[list[str], list[Facts]], Mapping[str, IndexEntry | None]],
) -> list[Facts]:
    """The facts of the (relative, full) paths `to_read`, in order, of the files stamped
    `stats` (those not read too): `progress(done, total)` told how many of these are known,
    `judge` each chunk's relative paths and facts as it arrives (see `judged_ahead`: the
    entry of each file placed, None for one not judged yet), and `partial` (when given) the
    chunk's posts: as judged, or `Unjudged` while their collection waits for a guess."""
    total = len(stats)
    known = total - len(to_read)

    def tell(read: int) -> None:
        if progress:
            progress(known + read, total)

    def arrived(first: int, facts: list[Facts]) -> None:
        rels = [rel for rel, _ in to_read[first : first + len(facts)]]
        judged = judge(rels, facts)
        if partial is not None:
            # Judged first: an entry judged is listed as it will most often stay, with its
            # status and problems, and no `Unjudged` is made of it to be replaced.
            get = judged.get
            partial(
                [
                    get(rel) or _unjudged(rel, f, stats[rel], generator, site_path)
                    for rel, f in zip(rels, facts, strict=True)
                    if rel in judged  # a file the build makes no page of is not listed
                ]
            )

    fulls = [full for _, full in to_read]
    return read_many(fulls, tell, arrived)


def _unjudged(
    rel: str,
    facts: Facts,
    stamp: Stamp,
    generator: Generator,
    site_path: Callable[[str], PurePosixPath],
) -> Unjudged:
    values = facts.values
    title, tags, categories = listed_terms(values)
    entry = Unjudged.__new__(Unjudged)
    # Made as the index cache makes its entries (`IndexEntry.__setstate__`: its fields in
    # order, the path as its text until asked): a third of what the constructor costs, on
    # the scan's own thread. Its site path is the one the scan then places the post by.
    entry.__setstate__(
        (
            rel,
            title,
            generator.date(site_path(rel), values),
            tags,
            categories,
            False,  # draft: not known yet
            (),  # problems: not known yet, and none claimed
            stamp[0],
            stamp[1],
            facts,
            None,  # collection
            "post",  # kind
            "published",  # status: not shown (see `Unjudged`)
            None,  # language
            "",  # role
        )
    )
    return entry
