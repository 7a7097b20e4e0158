"""The commands' surface: help texts, the formats registry, the progress bar on a terminal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from storage import open_archive
from tests.export.conftest import Stored
from warta.export import progress
from warta.export.command import export_command, verify_command
from warta.export.registry import FORMATS, exporter
from warta.export.run import ExportRequest, run_export


def test_help_names_every_format_and_option() -> None:
    shown = CliRunner().invoke(export_command, ["--help"]).output
    assert "jsonl|csv|parquet|warc|wacz" in shown
    for option in ("--site", "--since", "--until", "--tag", "--query", "--one-per-cluster"):
        assert option in shown
    for option in ("--with-revisions", "--with-views", "--partitioned", "--force", "--captures"):
        assert option in shown
    assert "datapackage.json" in CliRunner().invoke(verify_command, ["--help"]).output


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_is_an_exporter(name: str) -> None:
    found = exporter(name)
    assert isinstance(found.extra_tables, bool)
    assert callable(found.write)


def test_a_progress_bar_only_on_a_terminal(
    stored: Stored, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with progress.terminal_progress() as quiet:
        assert not isinstance(quiet, progress.Bars)  # pytest's stderr is no terminal
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    archive = open_archive(f"sqlite:///{stored.db_path}")
    try:
        with progress.terminal_progress() as bars:
            assert isinstance(bars, progress.Bars)
            request = ExportRequest("jsonl", tmp_path / "out", with_revisions=True)
            done = run_export(archive, request, progress=bars)
            tasks = {task.description: task.completed for task in bars.progress.tasks}
    finally:
        archive.close()
    assert done.articles == 5
    assert tasks == {"articles": 5, "revisions": 6}


def test_the_packaging_steps_show_too(stored: Stored, tmp_path: Path) -> None:
    seen: dict[str, list[int]] = {}

    class Recorded:
        def phase(self, description: str, total: int | None) -> Callable[[int], None]:
            steps = seen.setdefault(f"{description}/{total}", [])
            return steps.append

    archive = open_archive(f"sqlite:///{stored.db_path}")
    try:
        request = ExportRequest("wacz", tmp_path / "out", captures=stored.captures)
        run_export(archive, request, progress=Recorded())
    finally:
        archive.close()
    assert seen == {"articles/5": [5], "WACZ/2": [1, 1]}  # one chunk of articles, two steps
