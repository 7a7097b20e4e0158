"""``python -m sample_portal``: the base URL is the first line, SIGTERM exits cleanly."""

from __future__ import annotations

import subprocess
import sys

from tests.sample_portal import fetch


def test_cli_prints_base_url_first_and_stops_on_sigterm() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "sample_portal", "--port", "0", "--articles", "30"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        assert "stop with Ctrl-C" in process.stdout.readline()  # the one-line hint
        assert base_url.startswith("http://127.0.0.1:")
        assert base_url.endswith("/")
        home = fetch(base_url, "/")
        assert home.status == 200
        assert "Berita Terbaru" in home.text
    finally:
        process.terminate()
        out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    assert out == ""
    assert err == ""  # access logging is off by default
