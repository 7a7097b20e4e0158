"""A local HTTP server serving a realistic Indonesian municipal news portal of N articles.

Backs ``warta sample-portal``, ``warta demo``, the end-to-end tests and the benchmarks.
``Edition`` (``editions``) serves the same portal later on, with known changes.
"""

from __future__ import annotations

from .app import THEMES, Portal
from .editions import Edition
from .server import SamplePortalServer, running_portal, serve_in_thread

__all__ = [
    "THEMES",
    "Edition",
    "Portal",
    "SamplePortalServer",
    "running_portal",
    "serve_in_thread",
]
