"""Helpers for end-to-end tests: the ``warta`` command in a subprocess, an archive to read."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

# Local portals answer instantly; waiting between requests would only slow the tests.
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
FAST += ["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "WARTA_ERROR_BACKOFF_START=0"]

RunWarta = Callable[..., subprocess.CompletedProcess[str]]


def warta_runner(cwd: Path) -> RunWarta:
    """A function that runs ``python -m warta ARGS`` in ``cwd`` and returns the process."""

    def run(
        *args: str, env: dict[str, str] | None = None, timeout: float = 240
    ) -> subprocess.CompletedProcess[str]:
        full_env = {**os.environ, **(env or {})}
        full_env.pop("WARTA_DATABASE_URL", None)
        return subprocess.run(
            [sys.executable, "-m", "warta", *args],
            cwd=cwd,
            env=full_env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    return run


@pytest.fixture
def run_warta(tmp_path: Path) -> RunWarta:
    """Run ``python -m warta ARGS`` in ``tmp_path`` and return the finished process."""
    return warta_runner(tmp_path)


def rows(db: Path, query: str, *params: object) -> list[sqlite3.Row]:
    """Read the archive the way a user would, with plain sqlite3."""
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute(query, params).fetchall()
    finally:
        connection.close()
