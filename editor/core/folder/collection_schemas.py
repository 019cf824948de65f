"""Which schema each collection of an opened folder follows.

A folder opened at a site's root holds several collections (Jekyll's `_posts` and its pages,
Hugo's sections, the folders of a Decap config), and each follows its own schema: the
nearest `.post-editor.yaml` from its folder up to the opened one (or the collection holding
its folder in one that lists collections), else the CMS config's collection for its folder,
else one inferred from its own posts (its pages do not teach the posts' shape). The folder a
collection's schema is looked up from is its *home*: the deepest of the generator's
collection folder and the folders schema files and CMS configs list as collections holding
the file, or the opened folder itself when that lies inside them. Pages outside every
collection have no home: they are judged by what their own front matter shows.

Everything here works on path strings: a scan of 10,000 posts asks for 10,000 homes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from editor.core.errors import PostError
from editor.core.schema import (
    Schema,
    SchemaSource,
    cms_folders,
    declared_folders,
    file_schema,
    schema_files,
    schema_source,
)
from editor.core.schema.inference import guessed_keys, infer_schema
from editor.core.site.generators import Collection, Generator, Placement

Home = str | None  # an absolute folder, or None for pages outside every collection


class CollectionSchemas:
    """The homes of a folder's files and the schema source of each home."""

    def __init__(self, root: Path, generator: Generator) -> None:
        self.root = Path(os.path.abspath(root))
        self.generator = generator
        self._root = str(self.root)
        self._folders: dict[Collection, str] = {}
        self._cms: tuple[str, ...] = ()
        self.sources: dict[Home, SchemaSource] = {}
        self.main: str = self._root

    def still(self) -> CollectionSchemas:
        """A copy whose dictionaries are its own (see `ContentFolder.still`)."""
        copy = CollectionSchemas.__new__(CollectionSchemas)
        copy.__dict__.update(self.__dict__)
        copy._folders, copy.sources = dict(self._folders), dict(self.sources)
        return copy

    def state(self) -> tuple[object, ...]:
        """What `restore` needs to give a new instance for the same folder this one's
        schemas, without reading the CMS configs or inferring again (the index cache). Its
        own copy: it is stored off the UI thread, which may add a collection's schema."""
        return self._cms, dict(self.sources), self.main

    def restore(self, state: tuple[object, ...]) -> None:
        """Take the schemas of a `state()` of the same folder and site."""
        cms, sources, main = state
        self._cms, self.sources, self.main = cms, dict(sources), main  # type: ignore[call-overload]

    def _folder_of(self, collection: Collection) -> str:
        folder = self._folders.get(collection)
        if folder is None:
            joined = os.path.join(str(self.generator.root), str(collection.folder))
            folder = self._folders[collection] = os.path.normpath(joined)
        return folder

    def home(self, rel: str, place: Placement) -> Home:
        """The home of the file at `rel` (relative to the opened folder) placed at `place`."""
        full = os.path.join(self._root, rel)
        best = self._folder_of(place.collection) if place.collection is not None else None
        for folder in self._cms:
            if _within(full, folder) and (best is None or len(folder) > len(best)):
                best = folder
        if best is not None and not _within(best, self._root):
            return self._root  # the opened folder lies inside the collection
        return best

    def read_cms(self) -> None:
        """Read again which folders the site's schema files and CMS configs make collections
        of (the schema files' first: the writer's own word comes first)."""
        listed = (*declared_folders(self.root), *cms_folders(self.root))
        self._cms = tuple(dict.fromkeys(str(folder) for folder in listed))

    def work_out(self, groups: Mapping[Home, tuple[list, list]]) -> None:
        """Every home's schema source, from `groups`: home → (its posts' values, its pages'
        values); a home with no posts is inferred from its pages."""
        self.main = self._main_home()
        sources = {
            home: self.source_from(home, posts or pages) for home, (posts, pages) in groups.items()
        }
        if self.main not in sources:
            sources[self.main] = self.source_from(self.main, ())
        self.sources = sources

    def source(self, home: Home, values: Mapping[str, object]) -> SchemaSource:
        """The source of `home`, worked out from one post's values if it is a new home."""
        known = self.sources.get(home)
        if known is None:
            known = self.sources[home] = self.source_from(home, [values])
        return known

    def source_from(self, home: Home, values: Iterable[Mapping[str, object]]) -> SchemaSource:
        """The source of `home` whose posts' values (or pages', when it has no posts) are
        `values`, as `work_out` works it out; `sources` unchanged."""
        if home is None:
            schema = infer_schema(values)
            return SchemaSource(schema, "inferred", guessed=guessed_keys(schema))
        try:
            return schema_source(Path(home), values, self.root, self._declared(home))
        except PostError:
            # A broken schema file is reported by `problem`; posts are checked against the
            # default meanwhile rather than not at all.
            return SchemaSource(Schema.DEFAULT, "default")

    def _declared(self, home: str) -> SchemaSource | None:
        """The schema the generator declares for the collection whose folder is `home`."""
        for collection in self.generator.collections:
            if self._folder_of(collection) == home:
                return self.generator.collection_schema(collection)
        return None

    def _main_home(self) -> str:
        """The home of the opened folder's main collection: its first post collection inside
        the opened folder (a CMS collection folder, when that is the opened folder itself),
        else the opened folder."""
        for collection in self.generator.collections:
            folder = self._folder_of(collection)
            if collection.kind == "post" and _within(folder, self._root):
                if folder != self._root:
                    return folder
                break
        inner = [folder for folder in self._cms if _within(folder, self._root)]
        return next((f for f in inner if f != self._root), self._root)

    def stamp_files(self) -> tuple[Path, ...]:
        """The files whose change can change a schema: every home's schema files and CMS
        configs (most do not exist)."""
        homes = [Path(home) for home in self.sources if home is not None] or [self.root]
        found = (path for home in homes for path in schema_files(home))
        return tuple(dict.fromkeys(found))

    def stamp(self) -> tuple[object, ...]:
        """The `stamp_files` with their mtimes and sizes: a scan judges anew when it changes."""
        files = self.stamp_files()
        return (*files, *(_file_stamp(path) for path in files))

    def problem(self) -> PostError | None:
        """What is wrong with the first broken schema file a home follows, if any."""
        homes = [Path(home) for home in self.sources if home is not None] or [self.root]
        for home in homes:
            try:
                file_schema(home, self.root)
            except PostError as error:
                return error
        return None

    def notes_sources(self) -> list[SchemaSource]:
        """The sources whose notes the writer should read: the main one's (why a config was
        not used, too), then what the other CMS collections' forms do not take."""
        main = self.sources.get(self.main)
        others = [s for h, s in self.sources.items() if h != self.main and s.origin == "cms"]
        return ([main] if main is not None else []) + others


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def judged_alike(old: SchemaSource | None, new: SchemaSource) -> bool:
    """Whether posts judged by `old` are judged the same by `new`."""
    return old is not None and (old.schema, old.guessed) == (new.schema, new.guessed)


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size
