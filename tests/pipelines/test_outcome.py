"""How a run's stats become its status: an incremental run that found nothing new is no failure."""

from pipelines.outcome import run_status

FETCHED = {"response_received_count": 90, "robotstxt/response_count": 1}


def test_revisits_answered_304_count_as_articles_seen() -> None:
    quiet_run = FETCHED | {"warta/incremental/not_modified": 87, "warta/errors/http_404": 1}
    assert run_status(quiet_run, "finished") == "partial"  # the dead link, not the 304s
    assert run_status(quiet_run | {"warta/errors/http_404": 0}, "finished") == "finished"


def test_a_run_that_stored_and_saw_nothing_while_pages_failed_failed() -> None:
    assert run_status(FETCHED | {"warta/errors/http_500": 89}, "finished") == "failed"
    assert (
        run_status({"response_received_count": 1, "robotstxt/response_count": 1}, "finished")
        == "failed"
    )
