"""The one YAML loader the app reads with: libyaml's CSafeLoader when present, else SafeLoader.

Only safe loaders, ever: a post carrying `!!python/object/apply:os.system` must run nothing.
"""

from __future__ import annotations

import yaml

Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> object:
    """Plain values from YAML text (raises yaml.YAMLError)."""
    return yaml.load(text, Loader=Loader)
