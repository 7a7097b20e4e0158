"""``warta serve`` in a real browser: Debian's Chromium driven by Playwright.

The server runs as the command does (a subprocess on a free port of 127.0.0.1, over a
throwaway archive); the browser types a search, opens an article and a portal, and checks
that the charts are drawn, that a crawled ``<script>`` stays text, and that the
Content-Security-Policy blocked nothing the page needs (no console error at all).
Screenshots go to pytest's temporary folder and to build/screenshots/ (gitignored).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.sample_archive import build_archive

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
CHART_POINTS = """canvas => {
    const chart = Chart.getChart(canvas);
    return chart ? chart.data.datasets[0].data.length : null;
}"""

if not Path(CHROMIUM).is_file():
    reason = f"no Chromium at {CHROMIUM}: apt-get install chromium (.ci/run does) to run these"
    print(f"tests/web/test_browser.py skipped: {reason}")
    pytest.skip(reason, allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_archive(tmp_path_factory.mktemp("browser") / "arsip.db")
    port = _free_port()
    command = [sys.executable, "-m", "warta", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "/", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    output = server.stdout.read().decode() if server.stdout else ""
                    pytest.fail(f"warta serve did not start: {output}")
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stdout:
            server.stdout.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that records every console error, page error and alert."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    opened.problems = []
    opened.on("console", lambda m: m.type == "error" and opened.problems.append(m.text))
    opened.on("pageerror", lambda error: opened.problems.append(f"page error: {error}"))
    opened.on("dialog", lambda dialog: (opened.problems.append("dialog"), dialog.dismiss()))
    yield opened
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def screenshot(page: Any, shots: Path, name: str) -> None:
    path = shots / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SCREENSHOTS / path.name)


def test_search_then_read_an_article_with_its_view_chart(
    page: Any, base_url: str, shots: Path
) -> None:
    page.goto(base_url + "/")
    assert page.locator("ul.counts li").first.text_content() == "31 articles"
    screenshot(page, shots, "home")
    page.fill('input[name="q"]', "banjir")
    page.click('form.search button[type="submit"]')
    page.wait_for_url("**/?q=banjir*")
    titles = page.locator("li.hit h2 a")
    assert sorted(titles.all_text_contents()) == [
        "Banjir Bandang Terjang Desa Sukamaju",
        "Banjir Rendam Ciledug, Warga Mengungsi",
    ]
    assert page.locator("li.hit h2 mark").all_text_contents() == ["Banjir", "Banjir"]
    months = page.locator("canvas[data-counts-url]")
    months.wait_for(state="visible")  # drawn once the counts have come
    assert months.evaluate(CHART_POINTS) == 2  # 2025-01 and 2025-02
    assert page.locator("#per-site a").all_text_contents() == ["Pemkab B", "Pemkot Kota A"]
    screenshot(page, shots, "search")

    page.click("text=Banjir Rendam Ciledug, Warga Mengungsi")
    page.wait_for_url("**/articles/1")
    assert page.locator("h1").text_content() == "Banjir Rendam Ciledug, Warga Mengungsi"
    views = page.locator('canvas[data-chart-source="views-data"]')
    assert views.evaluate(CHART_POINTS) == 2  # 120, then 300
    assert page.locator(".revisions del").all_text_contents() == ["40"]
    screenshot(page, shots, "article")
    assert page.problems == []


def test_paging_through_results(page: Any, base_url: str, shots: Path) -> None:
    page.goto(base_url + "/?q=rapat&sort=date")
    assert page.locator("li.hit").count() == 20
    assert page.locator("canvas").evaluate(CHART_POINTS) == 3  # October to December 2024
    page.click("nav.pages a[rel=next]")
    page.wait_for_url("**/?q=rapat&sort=date&page=2")
    titles = page.locator("li.hit h2 a").all_text_contents()
    assert titles == [f"Rapat Koordinasi Kelurahan {n}" for n in (5, 4, 3, 2, 1)]
    screenshot(page, shots, "search-page-2")
    assert page.problems == []


def test_a_crawled_script_stays_text(page: Any, base_url: str, shots: Path) -> None:
    page.goto(base_url + "/articles/3")
    assert page.evaluate("window.pwned") is None
    shown = page.get_by_text('<script>window.pwned=1</script> "><img src=x onerror=alert(1)>')
    assert shown.is_visible()
    assert page.locator("h1").text_content().startswith("Awas <script>alert(1)</script>")
    assert page.locator("img").count() == 0
    screenshot(page, shots, "hostile-article")

    page.goto(base_url + "/?q=hoaks")
    assert page.locator("li.hit").count() == 1
    assert page.evaluate("window.pwned") is None
    assert page.problems == []


def test_a_javascript_url_is_not_clickable(page: Any, base_url: str) -> None:
    page.goto(base_url + "/articles/4")
    assert page.locator("span.url.inert").text_content() == "javascript:alert(1)"
    assert page.locator('a[href^="javascript"]').count() == 0
    assert page.problems == []


def test_a_portal_page_charts_its_months_and_runs(page: Any, base_url: str, shots: Path) -> None:
    page.goto(base_url + "/sites/kab_b")
    assert page.locator("h1").text_content() == "Pemkab B"
    assert page.locator("canvas").evaluate(CHART_POINTS) == 2  # 2025-01 and 2025-02
    assert page.locator("table.runs .flag").all_text_contents() == ["few_articles"]
    screenshot(page, shots, "portal")
    page.goto(base_url + "/sites/kota_c")
    assert page.locator("canvas").evaluate(CHART_POINTS) == 3  # October to December 2024
    assert page.problems == []


def test_an_error_page_keeps_the_policy_quiet(page: Any, base_url: str, shots: Path) -> None:
    answer = page.goto(base_url + '/?q="unclosed')
    assert answer.status == 400
    assert page.locator("p.error").text_content().startswith("cannot read the query")
    screenshot(page, shots, "error")
    # Chromium logs the page's own status as an error; nothing else may be there
    assert page.problems == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]


def test_the_policy_is_live_an_injected_inline_script_is_refused(page: Any, base_url: str) -> None:
    """The check above would catch a violation: one made on purpose is reported."""
    page.goto(base_url + "/articles/1")
    page.evaluate(
        """() => {
        const script = document.createElement("script");
        script.textContent = "window.injected = 1";
        document.body.appendChild(script);
    }"""
    )
    assert page.evaluate("window.injected") is None
    page.wait_for_timeout(200)  # the report reaches the console after the refusal
    assert [text for text in page.problems if "Content Security Policy" in text]
