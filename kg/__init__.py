"""diplomatic-kg: a knowledge graph of diplomatic relations built from news articles.

The package's stages, bottom to top: records, errors, resources; ingest;
pipeline; cli. See README.md for the commands.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("diplomatic-kg")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__"]
