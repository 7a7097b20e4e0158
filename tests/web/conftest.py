"""The web app over the sample archive, opened read-only as ``warta serve`` opens it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tests.web.sample_archive import build_archive
from warta.web.app import create_app
from warta.web.readonly import open_readonly


@pytest.fixture(scope="session")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Shared by the tests that only read: they also check that nothing wrote to it."""
    return build_archive(tmp_path_factory.mktemp("web") / "arsip.db")


@pytest.fixture(scope="session")
def client(archive_path: Path) -> Iterator[TestClient]:
    archive = open_readonly(f"sqlite:///{archive_path}")
    with TestClient(create_app(archive)) as test_client:
        yield test_client
    archive.close()
