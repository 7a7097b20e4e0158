"""429 and 503 wait what ``Retry-After`` asks, pausing only their portal, within a budget."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy.core.downloader import Slot
from scrapy.http import Request, Response
from scrapy.settings import Settings

from crawler.middlewares import retry_after
from crawler.middlewares.retry_after import TIMES_KEY, RetryAfterMiddleware, parse_retry_after

NOW = datetime(2025, 1, 22, 11, 26, 0, tzinfo=UTC)  # a Wednesday


# --- reading Retry-After -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        (b"30", 30.0),
        ("  7 ", 7.0),
        ("0", 0.0),
        ("300", 300.0),  # exactly the cap
        ("301", 300.0),
        ("86400", 300.0),  # a day: capped
        ("9" * 5000, 300.0),  # absurd: capped, no int() digit limit error
        # 11:27:30 is 90 s after 11:26:00
        ("Wed, 22 Jan 2025 11:27:30 GMT", 90.0),
        # "-0000" has no zone: read as UTC, 10 s ahead
        ("Wed, 22 Jan 2025 11:26:10 -0000", 10.0),
        # 18:27 at +07:00 (WIB) is 11:27 UTC: 60 s ahead
        ("Wed, 22 Jan 2025 18:27:00 +0700", 60.0),
        # in the past: ask again now
        ("Wed, 22 Jan 2025 11:00:00 GMT", 0.0),
        ("Sun, 06 Nov 1994 08:49:37 GMT", 0.0),
        # 2099 is decades ahead: capped
        ("Thu, 01 Jan 2099 00:00:00 GMT", 300.0),
    ],
)
def test_retry_after_seconds_and_dates(value: str | bytes, expected: float) -> None:
    assert parse_retry_after(value, cap=300.0, now=NOW) == expected


@pytest.mark.parametrize(
    "value", [None, "", "soon", "-5", "1.5", "12abc", "0x10", "Wed, 32 Jan 2025 99:00:00 GMT"]
)
def test_unreadable_retry_after_is_none(value: str | None) -> None:
    assert parse_retry_after(value, cap=300.0, now=NOW) is None


# --- the middleware, with a fake clock and a stub crawler -------------------------------


class Stats:
    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + count

    def get_value(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self.values[key] = value


class Rig:
    """A middleware over two portals' slots, a clock the test moves and timers it fires."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, **settings: object) -> None:
        self.clock = 1000.0
        self.timers: list[tuple[float, Callable[..., object], tuple[Any, ...]]] = []
        monkeypatch.setattr(retry_after, "monotonic", lambda: self.clock)
        monkeypatch.setattr(retry_after, "call_later", self._call_later)
        self.slots = {"a.test": Slot(2, 0.0, 0.5), "b.test": Slot(2, 0.5, 0.5)}
        self.stats = Stats()
        crawler = SimpleNamespace(
            settings=Settings(settings),
            stats=self.stats,
            signals=SimpleNamespace(connect=lambda *a, **k: None),
            engine=SimpleNamespace(downloader=SimpleNamespace(slots=self.slots)),
        )
        self.mw = RetryAfterMiddleware.from_crawler(crawler)  # type: ignore[arg-type]

    def _call_later(self, delay: float, func: Callable[..., object], *args: Any) -> Any:
        self.timers.append((delay, func, args))
        return SimpleNamespace(cancel=lambda: None)

    def answer(
        self, status: int, retry: str | None = None, host: str = "a.test", times: int = 0
    ) -> Request | Response:
        request = Request(f"http://{host}/berita/1", meta={"download_slot": host})
        if times:
            request.meta[TIMES_KEY] = times
        headers = {"Retry-After": retry} if retry is not None else {}
        response = Response(request.url, status=status, headers=headers, request=request)
        return self.mw.process_response(request, response)

    def paused_for(self, host: str = "a.test") -> float:
        return self.slots[host].lastseen - self.clock


def test_a_429_pauses_only_its_portal_and_is_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    rig = Rig(monkeypatch)
    retry = rig.answer(429, "3")
    assert isinstance(retry, Request)
    assert retry.dont_filter
    assert retry.meta[TIMES_KEY] == 1
    assert rig.paused_for("a.test") == 3.0
    assert rig.slots["a.test"].delay > 0  # delay 0 would skip the downloader's pause check
    assert rig.slots["b.test"].lastseen == 0  # the other portal keeps flowing
    assert rig.slots["b.test"].delay == 0.5
    assert rig.stats.values == {"warta/retry_after/retries": 1, "warta/retry_after/waited_s": 3.0}
    [(delay, resume, args)] = rig.timers
    assert delay == 3.0
    rig.clock += 3.0
    resume(*args)
    assert rig.slots["a.test"].delay == 0.0  # restored once the pause is over


def test_a_503_with_a_date_waits_until_then(monkeypatch: pytest.MonkeyPatch) -> None:
    rig = Rig(monkeypatch)
    monkeypatch.setattr(retry_after, "datetime", SimpleNamespace(now=lambda tz: NOW))
    assert isinstance(rig.answer(503, "Wed, 22 Jan 2025 11:26:45 GMT"), Request)
    assert rig.paused_for() == 45.0


def test_without_retry_after_the_backoff_doubles_up_to_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rig = Rig(monkeypatch, WARTA_RETRY_AFTER_MAX=30)
    for times, expected in [(0, 5.0), (1, 10.0), (2, 20.0), (3, 30.0), (9, 30.0)]:
        rig.clock += 1000  # each answer after the last pause is over
        rig.answer(429, None, times=times)
        assert rig.paused_for() == expected
    rig.clock += 1000
    rig.answer(429, "garbage", times=1)
    assert rig.paused_for() == 10.0
    rig.clock += 1000
    rig.answer(429, "0")  # still a second: "0" forever must not loop without spending
    assert rig.paused_for() == 1.0


def test_a_503_that_asks_no_wait_gets_retry_times_tries_not_the_budget(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    rig = Rig(monkeypatch, RETRY_TIMES=2)
    assert isinstance(rig.answer(503, None, times=0), Request)
    rig.clock += 1000
    assert isinstance(rig.answer(503, None, times=1), Request)
    rig.clock += 1000
    with caplog.at_level(logging.WARNING, logger=retry_after.__name__):
        given_up = rig.answer(503, None, times=2)
    assert isinstance(given_up, Response)
    assert rig.stats.values["warta/retry_after/gave_up"] == 1
    assert caplog.records[-1].getMessage() == (
        "giving up on http://a.test/berita/1: http 503 after 3 tries"
    )
    rig.clock += 1000
    assert isinstance(rig.answer(503, "4", times=7), Request)  # asked: the budget decides


def test_the_budget_is_per_portal_and_then_the_answer_goes_on(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    rig = Rig(monkeypatch, WARTA_RETRY_AFTER_BUDGET=2)
    assert isinstance(rig.answer(429, "1"), Request)  # spent 1 of 2
    rig.clock += 1
    assert isinstance(rig.answer(429, "1"), Request)  # spent 2 of 2
    rig.clock += 1
    with caplog.at_level(logging.WARNING, logger=retry_after.__name__):
        given_up = rig.answer(429, "1")  # 3 > 2
    assert isinstance(given_up, Response)
    assert given_up.status == 429
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == [
        "giving up on http://a.test/berita/1: http 429, Retry-After budget of 2 s for a.test spent"
    ]
    assert isinstance(rig.answer(429, "1", host="b.test"), Request)  # b's budget is whole
    assert rig.stats.values["warta/retry_after/retries"] == 3
    assert rig.stats.values["warta/retry_after/gave_up"] == 1
    assert rig.stats.values["warta/retry_after/waited_s"] == 3.0


def test_answers_during_a_pause_cost_only_what_they_add(monkeypatch: pytest.MonkeyPatch) -> None:
    rig = Rig(monkeypatch, WARTA_RETRY_AFTER_BUDGET=12)
    rig.answer(429, "10")  # paused 1000 → 1010: costs 10
    rig.clock += 0.5
    rig.answer(429, "10")  # paused on to 1010.5: costs 0.5
    rig.clock += 0.5
    rig.answer(429, "5")  # 1006 is inside the pause: costs nothing, pause unchanged
    assert rig.paused_for() == 9.5
    assert rig.mw.spent["a.test"] == 10.5
    assert rig.stats.values["warta/retry_after/waited_s"] == 10.5
    assert rig.stats.values["warta/retry_after/retries"] == 3


def test_other_answers_and_dont_retry_pass_untouched(monkeypatch: pytest.MonkeyPatch) -> None:
    rig = Rig(monkeypatch)
    for status in (200, 404, 500, 502):
        answer = rig.answer(status, "5")
        assert isinstance(answer, Response)
        assert answer.status == status
    request = Request("http://a.test/x", meta={"download_slot": "a.test", "dont_retry": True})
    response = Response(request.url, status=429, headers={"Retry-After": "5"}, request=request)
    assert rig.mw.process_response(request, response) is response
    assert rig.stats.values == {}
    assert rig.slots["a.test"].lastseen == 0
