"""A content folder: its post files, their index (front matter only), taxonomy and naming.

Scanning reads each post's front matter into compact `Facts` (on every CPU when there are many;
see `bulk_read`), asks the site's generator where each file sits, loads each collection's schema
(its schema file, else its site's CMS config, else inferred from that collection's posts: see
`collection_schemas`), and validates each file against its collection's schema as the generator
judges it, each chunk as it is read (see `judged_ahead`). A rescan re-reads only the files whose
stamps changed (see `folder_walk`); the index is kept between runs (`kept_index`). `schema` and
`schema_source` are the opened folder's main collection's (where it came from, and what a CMS
config holds that the form does not take: its `notes` are for the writer); `schema_for(rel)` is
the schema one file is judged and edited by.
"""

from __future__ import annotations

import copy as _copy
import datetime as dt
import os
from collections.abc import Callable, Mapping
from operator import itemgetter
from pathlib import Path, PurePath, PurePosixPath

from editor.core import storage
from editor.core.errors import PostError
from editor.core.folder.collection_schemas import CollectionSchemas, Home, judged_alike
from editor.core.folder.folder_walk import post_stamps, scan_enters
from editor.core.folder.held_settings import gc_paused
from editor.core.folder.index_cache import IndexCache, Stamp, judged_by_of, now_ns
from editor.core.folder.index_entry import IndexEntry, Taxonomy, in_path_order, taxonomy_of
from editor.core.folder.judged_ahead import JudgedAhead
from editor.core.folder.judging import applied_schema, judge, judged_entry, taught_values
from editor.core.folder.kept_index import KeptIndex
from editor.core.folder.lazy_read import read_facts
from editor.core.folder.post_paths import detect_naming, post_path
from editor.core.folder.site_paths import SitePaths
from editor.core.folder.site_slugs import site_slug
from editor.core.folder.unjudged import Partial, read_posts
from editor.core.schema import POST_EXTENSIONS, Facts, Problem, Schema, SchemaSource, validate
from editor.core.schema.validation import Checkable
from editor.core.site.generators import Generator, Placement, detect_generator

POST_SUFFIXES = frozenset(POST_EXTENSIONS)  # what the list shows; what new posts get

Progress = Callable[[int, int], None]


class ContentFolder:
    """A folder of posts (a site's `content/`, `_posts/`, `src/content/blog/`...)."""

    def __init__(self, root: Path, cache: IndexCache | None = None) -> None:
        if not root.is_dir():
            what = "is not a folder" if root.exists() else "does not exist"
            raise PostError(f"the content folder {what}", root)
        self.root = root
        # The site around the folder, as its generator sees it (a plain folder of posts
        # when no generator's site holds it).
        self.generator: Generator = detect_generator(root)
        within = os.path.relpath(os.path.abspath(root), self.generator.root)
        self._site_paths = SitePaths(within)
        self.schema: Schema = Schema.DEFAULT
        # Where `schema` came from (file, CMS config, inferred) and notes to show the writer.
        self.schema_source = SchemaSource(Schema.DEFAULT, "default")
        self._entries: dict[str, IndexEntry] = {}  # by path relative to the root
        self._schemas = CollectionSchemas(root, self.generator)
        self._placed: dict[str, tuple[Facts, tuple[Placement | None, Home]]] = {}
        self._schema_stamp: tuple[object, ...] | None = None
        self._kept = KeptIndex(root, cache, self.generator.collections)
        self._in_order = False  # whether `_entries` is in path order (the cache's listing)
        self._stamped: Mapping[str, Stamp] = {}  # the stamps the entries were read under
        self._unstored: tuple | None = None  # what the last scan made, for `store`

    # --- files -------------------------------------------------------------------------

    def _stamps(self, leftovers: set[str] | None = None) -> dict[str, Stamp]:
        """The post files' stamps, by relative path (see `post_stamps`)."""
        enters = self.generator.enters
        return post_stamps(
            str(self.root),
            lambda name, rel: scan_enters(name) and enters(self.site_path(rel)),
            leftovers,
        )

    # --- the index ---------------------------------------------------------------------

    def scan(
        self, progress: Progress | None = None, partial: Partial | None = None, store: bool = True
    ) -> list[IndexEntry]:
        """Index every post, re-reading only files changed since the last scan (`partial` told
        each chunk's posts read, unjudged: see `unjudged`). What killed saves left beside the
        posts (temp files, backups) is cleared first, unless a live process saves that post.
        Without `store`, what changed is written to the index cache by `store()`, later (the
        window lists the posts first)."""
        with gc_paused():
            entries = self._scan(progress, partial)
        if store:
            self.store()
        return entries

    def store(self) -> None:
        """Write what the last scan changed to the index cache (once; see `scan`)."""
        if self._unstored is not None:
            unstored, self._unstored = self._unstored, None
            with gc_paused():  # the rows are pickled: many objects, none of them garbage
                self._kept.store(*unstored)

    def _scan(self, progress: Progress | None, partial: Partial | None) -> list[IndexEntry]:
        unchanged: dict[str, Facts] = {}
        to_read: list[tuple[str, str]] = []
        leftovers: set[str] = set()
        checked = now_ns()  # before the stamps are taken: a file changed later is re-read
        stats = self._stamps(leftovers)
        if leftovers:  # before the posts are read: a torn one is put back, stamped again
            for path in sorted(leftovers):
                storage.sweep(Path(path))
            stats = self._stamps()
        judged_by = judged_by_of(self.generator) if self._kept.cache is not None else None
        # A copy (one C call, no other thread runs within it): a save's `refresh` on the UI
        # thread may change the index while this scan walks it.
        old, whole = (
            (dict(self._entries), False)
            if self._kept.rows is not None  # scanned before
            else self._restored(stats, judged_by)
        )
        read_at, stamped = self._kept.read_at, self._stamped
        root = str(self.root)
        for rel, stamp in () if whole else stats.items():  # whole: every file as cached
            known = old.get(rel)
            if known is not None and stamped.get(rel) == stamp:  # a saved post is read again
                unchanged[rel] = known.facts
            else:
                to_read.append((rel, os.path.join(root, rel)))
                read_at[rel] = checked
        stamp = self._schemas.stamp()
        if stamp != self._schema_stamp:  # a CMS config may have new collection folders
            self._schemas.read_cms()
            self._placed = {}
        today = dt.date.today()
        ahead = JudgedAhead(  # the files read are placed and judged as they arrive
            self._place,
            lambda rel, place, f: taught_values(
                self.generator, self.site_path(rel), place, f.values
            ),
            self._schemas.source_from,
            lambda rel, f, place, source: self._entry(rel, f, place, source, stats[rel], today),
        )
        read = read_posts(
            to_read, stats, progress, partial, self.generator, self.site_path, ahead.arrived
        )
        if not to_read and stamp == self._schema_stamp and (whole or self._as_placed(old, stats)):
            # Nothing changed (no file, nor schema: the day and site are in `judged_by`):
            # the entries, places and schemas are those of the last scan or the cache.
            return self._scanned(old, stats, judged_by, progress, wholesale=True, cached=whole)
        if whole:
            unchanged = {rel: e.facts for rel, e in old.items()}
        facts = unchanged | {rel: f for (rel, _), f in zip(to_read, read, strict=True)}
        placed = self._placed  # a file whose facts did not change sits where it sat
        places = {
            rel: ahead.places.get(rel)
            or (known[1] if (known := placed.get(rel)) and known[0] is f else self._place(rel, f))
            for rel, f in facts.items()
        }
        self._placed = {rel: (facts[rel], place) for rel, place in places.items()}
        old_sources = dict(self._schemas.sources)
        if to_read or facts.keys() != old.keys() or stamp != self._schema_stamp:
            # One inference per collection, from its posts only (pages teach nothing).
            groups: dict[Home, tuple[list, list]] = {}
            taught = ahead.taught
            for rel, (place, home) in places.items():
                if place is not None:
                    posts, pages = groups.setdefault(home, ([], []))
                    (posts if place.kind == "post" else pages).append(
                        taught.get(rel)
                        or taught_values(
                            self.generator, self.site_path(rel), place, facts[rel].values
                        )
                    )
            self._schemas.work_out(groups)
            stamp = self._schemas.stamp()
        sources = self._schemas.sources
        same = {
            home for home, source in sources.items() if judged_alike(old_sources.get(home), source)
        }
        fresh = ahead.finish(sources)
        for rel, post_facts in facts.items():
            place, home = places[rel]
            known = old.get(rel)
            if place is None or rel in fresh:
                continue
            if known is not None and known.facts is post_facts and home in same:
                fresh[rel] = known
            else:
                source = self._schemas.source(home, post_facts.values)
                fresh[rel] = self._entry(rel, post_facts, place, source, stats[rel], today)
        self._schema_stamp = stamp
        return self._scanned(fresh, stats, judged_by, progress, wholesale=False, cached=False)

    def _scanned(
        self,
        fresh: dict[str, IndexEntry],
        stats: Mapping[str, Stamp],
        judged_by: object,
        progress: Progress | None,
        wholesale: bool,
        cached: bool,
    ) -> list[IndexEntry]:
        """End a scan that indexed `fresh` (`wholesale`: all as the last scan or the cache
        held them, judged by the same schemas; `cached`: the cache's listing as it is, in path
        order): kept, stored, told."""
        self.schema_source = self._schemas.sources[self._schemas.main]
        self.schema = self.schema_source.schema
        self._entries, self._stamped = fresh, stats
        self._in_order = cached or (wholesale and self._in_order)
        # What this scan made, as it made it, for `store`: a save's `refresh` on the UI thread
        # may change the index (and place a file anew) before it is stored; the next scan
        # stores that.
        judged = (judged_by, self._schemas.state(), self._schema_stamp)
        self._unstored = (dict(fresh), stats, dict(self._placed), judged, wholesale, cached)
        if progress:
            progress(len(stats), len(stats))
        return self.entries

    def _as_placed(self, old: Mapping[str, IndexEntry], stats: Mapping[str, Stamp]) -> bool:
        """Whether `old` are all the files in `stats`, each placed by its facts as they are,
        in a home whose schema is known: what a scan would make of them anew."""
        placed, sources = self._placed, self._schemas.sources
        return old.keys() == stats.keys() == placed.keys() and all(
            (p := placed[rel])[0] is e.facts and p[1][1] in sources for rel, e in old.items()
        )

    def _restored(
        self, stats: Mapping[str, Stamp], judged_by: object
    ) -> tuple[dict[str, IndexEntry], bool]:
        """The cached entries of the files whose stamps are those cached (none without a
        cache), and whether they are the whole listing, placed and judged as they were (what
        a scan would make of them anew). When the site and schema files are as they were when
        the entries were judged, the schemas they were judged by come back too, so they are
        not judged again."""
        stored = self._kept.open()
        if stored is None:
            return {}, False
        self._stamped = stored.listing.stamps
        # A row is (entry, (facts, (placement, home))): the entry, and where the file sat as
        # the generator placed it (`_placed`'s), a few (placement, home) shared by all rows.
        # Each dict is made in C (zip, itemgetter), with no Python call per file.
        rows, whole = stored.trusted_rows(stats)
        judged = stored.judged
        if isinstance(judged, tuple) and len(judged) == 3 and judged[0] == judged_by:
            self._schemas.restore(judged[1])
            self._schema_stamp = judged[2]
            self._placed = dict(zip(rows, map(_SECOND, rows.values()), strict=True))
            kinds = list(map(_SECOND, self._placed.values()))
            ones = dict(zip(map(id, kinds), kinds, strict=True)).values()
            whole = whole and all(home in self._schemas.sources for _, home in ones)
            if self._schemas.stamp() != judged[2]:  # a schema file changed: judged anew
                self._schemas = CollectionSchemas(self.root, self.generator)
                self._schema_stamp, self._placed, whole = None, {}, False
        else:
            whole = False
        return dict(zip(rows, map(_FIRST, rows.values()), strict=True)), whole

    def cached_entries(self) -> list[IndexEntry]:
        """The index as the cache held it, in path order, not yet checked against the disk
        (none without a cache, or once scanned): to show until the first scan ends."""
        return self._kept.cached_entries()

    def _place(self, rel: str, facts: Facts) -> tuple[Placement | None, Home]:
        """Where a file sits (None: the build makes no page of it), and its schema's home."""
        place = self.generator.place(self.site_path(rel), facts.values)
        return place, (self._schemas.home(rel, place) if place is not None else None)

    def schema_problem(self) -> PostError | None:
        """What is wrong with the folder's schema file (or a collection's), if one is broken.
        (A CMS config that cannot be read is not this: it is a note in `schema_source.notes`,
        and the schema is inferred from the posts.)"""
        if not self._schemas.sources:
            self._schemas.read_cms()
            self._schemas.work_out({})
        return self._schemas.problem()

    def notes_sources(self) -> list[SchemaSource]:
        """The schema sources whose notes the writer should read (see `config_notes`)."""
        return self._schemas.notes_sources()

    def source_for(self, rel: PurePath) -> SchemaSource:
        """The source of the schema of the collection holding the file at `rel` (relative to
        the folder): where its schema came from, and which of its types are guesses."""
        entry = self._entries.get(str(rel))
        place, home = self._placed_at(str(rel))
        if place is None:
            return self.schema_source
        return self._schemas.source(home, entry.facts.values if entry else {})

    def _placed_at(self, rel: str) -> tuple[Placement | None, Home]:
        """Where the indexed file at `rel` sits, as the scan found it (worked out afresh for
        a file the index does not hold, or holds changed)."""
        entry = self._entries.get(rel)
        known = self._placed.get(rel)
        if entry is not None and known is not None and known[0] is entry.facts:
            return known[1]
        return self._place(rel, entry.facts if entry else _NO_FACTS)

    def schema_for(self, rel: PurePath) -> Schema:
        """The schema the file at `rel` (relative to the folder) is judged and edited by: its
        collection's, as the generator asks for its place (a page needs no date)."""
        place = self._placed_at(str(rel))[0]
        source = self.source_for(rel)
        return applied_schema(self.generator, place, source) if place else source.schema

    def validate(self, rel: PurePath, post: Checkable) -> list[Problem]:
        """The problems of a post at `rel` (relative to the folder; an open `Post` or the
        index's `Facts`) as its site judges it: by its collection's schema, over the values
        the build sees, with the generator's own rules; a type only guessed from the other
        posts is not held against it. Paths are the post's."""
        site_rel = self.site_path(rel)
        gen, values = self.generator, post.values
        place = gen.place(site_rel, values)
        if place is None:
            return validate(post, self.schema_for(rel))
        source = self._schemas.source(self._schemas.home(str(rel), place), values)
        return judge(gen, site_rel, place, post, source).problems

    def refresh(self, path: Path) -> IndexEntry | None:
        """Re-read one post (after a save, or a change on disk); None when it is gone."""
        rel = path.relative_to(self.root) if path.is_absolute() else PurePath(path)
        full = self.root / rel
        try:
            st = full.stat()
        except OSError:
            self._entries.pop(str(rel), None)
            return None
        self._kept.read_at[str(rel)] = now_ns()
        facts = read_facts(full)
        place, home = self._place(str(rel), facts)
        if place is None:  # not a post or page of the site
            self._entries.pop(str(rel), None)
            return None
        source = self._schemas.source(home, facts.values)
        stamp = (st.st_mtime_ns, st.st_size)
        entry = self._entry(rel, facts, place, source, stamp, dt.date.today())
        self._in_order = self._in_order and str(rel) in self._entries  # else added at the end
        self._entries[str(rel)] = entry
        return entry

    def site_path(self, rel: PurePath | str) -> PurePosixPath:
        """A path relative to the folder, as a path relative to the site root."""
        return self._site_paths.of(rel)

    def placement(self, rel: PurePath) -> Placement | None:
        """Where a post (by its path relative to the folder) sits in the site."""
        return self._placed_at(str(rel))[0]

    def _entry(
        self,
        rel: str | PurePath,
        facts: Facts,
        place: Placement,
        source: SchemaSource,
        stamp: tuple[int, ...],
        today: dt.date,
    ) -> IndexEntry:
        """The index entry of a file placed at `place`, judged by `source`."""
        site_rel = self.site_path(rel)
        return judged_entry(self.generator, site_rel, rel, facts, place, source, stamp, today)

    def still(self) -> ContentFolder:
        """A copy of the folder and its index that a worker thread may read while this one
        is rescanned or refreshed: its dictionaries are its own (the entries are frozen).
        Scanned (a folder not scanned yet), it reads the disk and writes no cache: the
        folder's own scan does."""
        copy = _copy.copy(self)
        copy._entries, copy._placed = dict(self._entries), dict(self._placed)
        copy._schemas = self._schemas.still()
        copy._kept = KeptIndex(self.root, None, self.generator.collections)
        return copy

    @property
    def entries(self) -> list[IndexEntry]:
        """The index, in path order."""
        return list(self._entries.values()) if self._in_order else in_path_order(self._entries)

    def entry(self, path: PurePath) -> IndexEntry | None:
        """The index entry of a post, by its path relative to the root."""
        return self._entries.get(str(path))

    # --- what the index tells -----------------------------------------------------------

    def taxonomy(self) -> Taxonomy:
        """Tags and categories with their post counts, most used first."""
        return taxonomy_of(self._entries.values())

    def naming(self) -> str:
        """How new posts are named: the schema's `naming`, else what the files show."""
        return self.schema.naming or detect_naming(e.path for e in self._entries.values())

    def new_post_path(self, title: str, date: dt.date) -> Path:
        """A free path for a new post, by the folder's naming convention, inside the folder."""
        return post_path(
            self.root, self.naming(), title, date, site_slug(title, self.generator.name)
        )


_NO_FACTS = Facts(None, {}, None, {}, False, {})
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
