"""A local HTTP server serving a realistic Indonesian municipal news portal of N articles.

Backs ``warta sample-portal``, ``warta demo``, the end-to-end tests and the benchmarks.
"""

from __future__ import annotations

from .app import THEMES, Portal
from .server import SamplePortalServer, running_portal, serve_in_thread

__all__ = ["THEMES", "Portal", "SamplePortalServer", "running_portal", "serve_in_thread"]
