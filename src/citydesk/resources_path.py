"""Where the shipped resources are (fonts, translations, samples): one locator for every layer.

The top-level `resources/` folder of the source tree ships in the wheel as the package data
`citydesk/resources/` (pyproject.toml maps it there) and in a frozen bundle as `resources/` beside the
executable's files. `resource_path("fonts", "DejaVuSans.ttf")` finds a file in any of the three;
nothing else in citydesk builds a path to `resources/` from `__file__`. Imports nothing from citydesk,
so every layer may use it.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

__all__ = ["resource_path", "resources_root"]

FOLDER = "resources"


def resources_root() -> Path:
    """The folder holding the shipped resources: the frozen bundle's, the installed package's, or the
    source tree's (checked in that order; the first that exists wins, the source tree's otherwise)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle and (Path(bundle) / FOLDER).is_dir():
        return Path(bundle) / FOLDER
    packaged = files("citydesk") / FOLDER  # installed from a wheel: site-packages/citydesk/resources/
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent.parent / FOLDER  # a checkout: src/citydesk/ -> ./


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. `resource_path("translations")` (it may not exist)."""
    return resources_root().joinpath(*parts)
