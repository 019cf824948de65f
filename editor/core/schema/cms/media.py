"""The media setting a CMS config gives the folder it describes (Decap's and Sveltia's
`media_folder` and `public_folder`, a collection's own ones first; Front Matter's
`publicFolder`), so a picture added here lands where the CMS would have put it."""

from __future__ import annotations

import os

from editor.core.schema.cms.config_file import WORKSPACE, CmsSchema
from editor.core.schema.cms.places import DECAP
from editor.core.schema.media import MediaSetting


def setting_from_cms(cms: CmsSchema) -> MediaSetting | None:
    """The media setting a CMS config gives its folder, or None when it sets none.

    Decap: a collection's `media_folder` is relative to each entry (to the site root when it
    starts with "/"), its `public_folder` the link prefix, relative unless it starts with "/"
    (absent: the media folder itself); the config's `media_folder` is relative to the site
    root and `public_folder` defaults to it, with a leading "/". Front Matter: `publicFolder`
    is served at "/".
    """
    source = os.path.relpath(cms.path, cms.site_root).replace(os.sep, "/")
    media = (cms.media_folder or "").removeprefix(WORKSPACE).strip("/")
    values = (("media_folder", "/" + media), ("public_folder", cms.public_folder or ""))
    collection = cms.collection_media_folder
    if collection is not None:
        public = cms.collection_public_folder
        url = public if public is not None else collection
        return MediaSetting(collection, url, "post", source, cms.site_root, values)
    if cms.media_folder is None:
        return None
    if cms.cms != DECAP:  # Front Matter serves its public folder at "/"
        return MediaSetting(media, "/", "site", source, cms.site_root, values)
    url = cms.public_folder if cms.public_folder is not None else "/" + media
    return MediaSetting(media, url, "site", source, cms.site_root, values)
