"""A run of errors slows the portal that gave them, and only it; its first good answer lifts
the floor."""

from types import SimpleNamespace

from scrapy import Request
from scrapy.core.downloader import Slot
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from crawler.middlewares.error_backoff import ErrorBackoff


def answer(slot_key: str, status: int) -> tuple[Response, Request]:
    request = Request(f"https://{slot_key}/berita/1", meta={"download_slot": slot_key})
    return Response(request.url, status=status, request=request), request


def test_errors_slow_only_their_portal_and_a_good_answer_lifts_it() -> None:
    crawler = get_crawler(settings_dict={"WARTA_ERROR_BACKOFF_START": 2.0, "DOWNLOAD_DELAY": 0.5})
    failing, healthy = Slot(2, 0.5, jitter=0.5), Slot(2, 0.5, jitter=0.5)
    slots = {"rusak.go.id": failing, "sehat.go.id": healthy}
    crawler._engine = SimpleNamespace(downloader=SimpleNamespace(slots=slots))  # type: ignore[assignment]
    backoff = ErrorBackoff.from_crawler(crawler)
    delays = []
    for n in range(6):
        if n % 2 == 0:
            backoff.process_exception(answer("rusak.go.id", 0)[1], TimeoutError())
        else:
            backoff.downloaded(*answer("rusak.go.id", 502))
        backoff.downloaded(*answer("sehat.go.id", 200))
        delays.append(failing.delay)
    # two errors are nothing unusual; the third sets 2 s, then 4 s, 8 s, 16 s
    assert delays == [0.5, 0.5, 2.0, 4.0, 8.0, 16.0]
    assert failing.jitter == 0.0  # a floor is waited out in full
    assert (healthy.delay, healthy.jitter) == (0.5, 0.5)
    backoff.downloaded(*answer("rusak.go.id", 404))  # an answer, if not a page: it is up
    assert failing.delay == 0.5


def test_the_floor_stops_at_its_ceiling() -> None:
    crawler = get_crawler(settings_dict={"WARTA_ERROR_BACKOFF_MAX": 60.0})
    backoff = ErrorBackoff(crawler)
    assert [backoff.delay_after(n) for n in (2, 3, 4, 9, 40)] == [0.0, 1.0, 2.0, 60.0, 60.0]
