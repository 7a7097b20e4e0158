"""The publication date of a page: its evidence gathered (:mod:`date_evidence`), then settled
(:mod:`date_settling`) in the portal's zone.
"""

from __future__ import annotations

from functools import cache

from crawler.extraction.date_evidence import (
    DateEvidence,
    created_candidates,
    has_time,
    htmldate_candidate,
    machine_candidates,
    unread_date_line,
    url_candidate,
    visible_candidates,
)
from crawler.extraction.date_settling import settle
from crawler.extraction.evidence import Candidate
from crawler.extraction.page import PageContext
from crawler.extraction.selectors import texts


def published_evidence(
    ctx: PageContext, *, exhaustive: bool
) -> tuple[Candidate | None, list[Candidate], str | None]:
    """(winner, every candidate seen, raw text) for the publication date.

    The raw text is the winner's; when a profile's selector finds a date line it cannot read,
    that text and no date (kept so a portal's new date format shows up in the archive). With
    no date at all, the text of a date line by the headline that gives none ("Diposting
    beberapa waktu yang lalu"), shown by explanations as a candidate with no value.
    """
    zone = ctx.zone
    read_as = zone or "UTC"

    @cache
    def from_htmldate() -> Candidate | None:
        return htmldate_candidate(ctx, read_as)

    if not exhaustive:
        # A profile's date line with a time of day settles it; the page needs no search.
        first = next(machine_candidates(ctx, read_as), None)
        if first is not None and first.source == "profile" and has_time(first):
            alone = DateEvidence(machine=[first], visible=[], created=[], url=None, htmldate=_none)
            winner = settle(alone, zone)
            return winner, [first], winner.raw if winner else None

    evidence = DateEvidence(
        machine=list(machine_candidates(ctx, read_as)),
        visible=list(visible_candidates(ctx, read_as)),
        created=list(created_candidates(ctx, read_as)),
        url=url_candidate(ctx, read_as),
        htmldate=from_htmldate,
    )
    profile_raw = _profile_raw(ctx)
    if profile_raw and not any(c.source == "profile" for c in evidence.machine):
        # The profile found the date line but cannot read it: a new format to report
        # (published/unparsed), not one to paper over with another date of the page.
        return None, evidence.everything(with_htmldate=exhaustive), profile_raw[0]
    winner = settle(evidence, zone)
    seen = evidence.everything(with_htmldate=exhaustive)
    if winner is not None:
        return winner, seen, winner.raw
    # No date anywhere: the date line by the headline, if there is one, is kept as printed.
    unread = unread_date_line(ctx)
    if unread is None:
        return None, seen, None
    return None, [*seen, unread] if exhaustive else seen, unread.raw


def _none() -> Candidate | None:
    return None


def _profile_raw(ctx: PageContext) -> list[str]:
    return [t for q in ctx.fields.published for t in texts(ctx.sel, q)[:1]]
