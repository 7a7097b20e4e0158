"""The ``warta`` command's surface: help everywhere, and errors as one readable line."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from warta.cli import main, parse_overrides


def all_commands() -> list[tuple[str, click.Command]]:
    assert isinstance(main, click.Group)
    return sorted(main.commands.items())


@pytest.mark.parametrize(("name", "command"), all_commands())
def test_every_command_has_help_text(name: str, command: click.Command) -> None:
    assert command.help, f"`warta {name}` lacks help text"
    assert len(command.help.strip()) > 20, f"`warta {name}` has a stub for help text"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage: main " + name in result.output or f"Usage: warta {name}" in result.output


def test_the_main_commands_exist() -> None:
    names = {name for name, _ in all_commands()}
    assert {"crawl", "extract", "sites", "runs", "demo", "sample-portal"} <= names


def test_unknown_site_is_one_line_listing_known_ones(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["crawl", "kota_antah", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: unknown site id 'kota_antah' (known: ")
    assert "sample_pemkot" in lines[0]


def test_unwritable_db_path_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("a file where a folder should be")
    result = CliRunner().invoke(main, ["crawl", "sample_pemkot", "--db", str(blocker / "x.db")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    assert str(blocker) in lines[0]
    assert "Traceback" not in result.output


def test_sites_lists_bundled_profiles() -> None:
    result = CliRunner().invoke(main, ["sites"])
    assert result.exit_code == 0
    ids = [line.split("\t")[0] for line in result.output.splitlines()]
    assert "sample_pemkot" in ids
    assert "sample_wordpress" in ids


def test_settings_overrides_parse_and_reject_garbage() -> None:
    assert parse_overrides(("DOWNLOAD_DELAY=0", "USER_AGENT=a=b")) == {
        "DOWNLOAD_DELAY": "0",
        "USER_AGENT": "a=b",
    }
    with pytest.raises(click.BadParameter):
        parse_overrides(("DOWNLOAD_DELAY",))
