"""AutoThrottle may speed a fast portal up, but never past the floor under its slot: its
robots.txt Crawl-delay, or a run of errors; a floor lifted lets the portal speed up again."""

from scrapy import Request
from scrapy.core.downloader import Slot
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from crawler.middlewares.throttle import PoliteThrottle, SlotFloors


def answered(slot_key: str) -> Response:
    request = Request("https://portal.go.id/berita/1", meta={"download_slot": slot_key})
    return Response(request.url, status=200, request=request)


def test_a_fast_answer_lowers_the_delay_only_down_to_the_highest_floor() -> None:
    crawler = get_crawler(settings_dict={"AUTOTHROTTLE_ENABLED": True, "DOWNLOAD_DELAY": 0})
    throttle = PoliteThrottle(crawler)
    throttle.mindelay, throttle.maxdelay = 0.0, 30.0  # as AutoThrottle sets them at spider open
    floors = SlotFloors.of(crawler)
    floors.ask("portal.go.id", "robots", 2.0)
    floors.ask("portal.go.id", "errors", 3.0)
    asked, free = Slot(1, 5.0), Slot(1, 5.0)
    for _ in range(10):  # answers in 10 ms: plain AutoThrottle walks the delay down
        throttle._adjust_delay(asked, 0.01, answered("portal.go.id"))
        throttle._adjust_delay(free, 0.01, answered("other.go.id"))
    assert asked.delay == 3.0
    assert free.delay < 0.1
    floors.ask("portal.go.id", "errors", 0)  # the portal answers again
    assert floors.floor("portal.go.id") == 2.0
    throttle._adjust_delay(asked, 0.01, answered("portal.go.id"))
    assert asked.delay == 2.0
