"""Settle the publication instant from its candidates: the winner, its time of day, its zone.

Rules are evidence agreement, not per-site special cases: a day-only winner takes the time
printed for the same day; the visible date and htmldate agreeing on another day outvote
the markup; a "Z" time whose wall clock equals a visible WIB time is local time with a false
"Z"; a machine time with the visible clock but another offset (a wrong sign, a UTC clock
labelled local) yields to the visible time; a UTC instant is shown in the portal's zone, or
in the offset another candidate shows.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Final
from zoneinfo import ZoneInfo

from crawler.extraction.date_evidence import DateEvidence, has_time
from crawler.extraction.evidence import Candidate, best

# Offsets in use worldwide run from UTC-12 to UTC+14, in quarter hours.
MIN_OFFSET: Final = timedelta(hours=-12)
MAX_OFFSET: Final = timedelta(hours=14)
QUARTER_HOUR: Final = timedelta(minutes=15)
# How far a day printed elsewhere may move a UTC instant: the Americas to Asia and Oceania,
# not UTC-11 (nobody's news is there; a URL day that far off is another date).
DAY_SHIFT_BEHIND: Final = timedelta(hours=-8)
DAY_SHIFT_AHEAD: Final = timedelta(hours=10)
ONE_DAY: Final = timedelta(days=1)
WINNER_MIN_CONFIDENCE: Final = 0.35  # created/other dates only help read the rest
# A time declared as UTC, not a zone-less one read as UTC: "…T02:18:11Z", "+00:00", "GMT".
_DECLARED_UTC: Final = re.compile(r"(?i)(?:\dZ|[+-]00:?00|\bGMT|\bUTC)\s*$")


def _wall(value: datetime, minutes_only: bool = False) -> datetime:
    naive = value.replace(tzinfo=None)
    return naive.replace(second=0, microsecond=0) if minutes_only else naive


def _is_utc(value: datetime) -> bool:
    return value.utcoffset() == timedelta(0)


def _note(candidate: Candidate, note: str, value: datetime | None = None) -> Candidate:
    joined = "; ".join(n for n in (candidate.note, note) if n)
    return replace(candidate, value=value or candidate.value, note=joined)


def _outvoted(winner: Candidate, evidence: DateEvidence) -> Candidate:
    """The nearest visible date and htmldate agreeing on another day beat the markup's day.

    Never a profile's date: its selector names the article's own date line.
    """
    if winner.source == "profile" or winner.source.startswith("visible") or not evidence.visible:
        return winner
    day = evidence.visible[0].value.date()
    if day == winner.value.date():
        return winner  # they agree on the day: nothing to outvote
    if abs(day - winner.value.date()) <= ONE_DAY and _is_utc(winner.value):
        return winner  # a day apart may be the same UTC instant in the page's zone
    other = evidence.htmldate()
    if other is None or other.value.date() != day:
        return winner
    agreeing = [c for c in [*evidence.machine, *evidence.visible] if c.value.date() == day]
    chosen = best(c for c in agreeing if has_time(c)) or evidence.visible[0]
    return _note(chosen, f"the visible date and htmldate agree against {winner.source}")


def _with_time(winner: Candidate, candidates: list[Candidate]) -> Candidate:
    """A day-only winner takes the time of the strongest candidate printed for that day."""
    if has_time(winner):
        return winner
    day = winner.value.date()
    chosen = best(c for c in candidates if has_time(c) and c.value.date() == day)
    if chosen is None:
        return winner
    note = f"time of day from {chosen.source}, the day from {winner.source}"
    return replace(chosen, confidence=winner.confidence, note=note)


def _wrong_offset(winner: Candidate, evidence: DateEvidence, page_zone: str | None) -> Candidate:
    """The visible local time when a machine time shows its clock with a wrong offset.

    ``09:30-07:00`` (wrong sign) or ``03:15+07:00`` (a UTC clock labelled local) beside a
    visible ``09:30 WIB`` / ``10:15 WIB``: the same reading, so the offset is what lies.
    """
    if page_zone is None or winner.source == "profile" or winner.source.startswith("visible"):
        return winner  # a zone-less time on a page of unknown zone says nothing of offsets
    if not has_time(winner) or _is_utc(winner.value):
        return winner  # a "Z" with the visible clock is _false_utc's case
    seen = next((c for c in evidence.visible if has_time(c)), None)
    if seen is None or not isinstance(seen.value.tzinfo, ZoneInfo):
        return winner
    if _wall(seen.value.astimezone(UTC), True) == _wall(winner.value.astimezone(UTC), True):
        return winner  # the same instant to the minute: they agree
    clock, offset, zone = _wall(winner.value, True), winner.value.strftime("%z"), seen.value.tzinfo
    if clock == _wall(seen.value, minutes_only=True):
        note = f"{winner.source} prints the visible clock with offset {offset}: the offset is wrong"
        value = winner.value.replace(tzinfo=zone)  # its seconds kept
    elif clock == _wall(seen.value.astimezone(UTC), minutes_only=True):
        note = f"{winner.source} prints the UTC clock labelled {offset}: the visible time wins"
        value = winner.value.replace(tzinfo=UTC).astimezone(zone)
    else:
        return winner
    return _note(winner, note, value)


def _false_utc(candidates: list[Candidate]) -> str | None:
    """The visible zone if a machine "Z" time equals a visible local time to the minute.

    detik: ``pubdate 2015-11-05 T10:08:58Z`` beside ``Kamis, 05/11/2015 10:08 WIB``.
    """
    machine = [
        c.value for c in candidates if _is_utc(c.value) and not c.source.startswith("visible")
    ]
    for seen in candidates:
        zone = seen.value.tzinfo
        if seen.source.startswith("visible") and has_time(seen) and isinstance(zone, ZoneInfo):
            mine = _wall(seen.value, minutes_only=True)
            if any(_wall(m, minutes_only=True) == mine for m in machine):
                return zone.key
    return None


def _twin_offset(winner: datetime, candidates: list[Candidate]) -> tuple[timezone, str] | None:
    """The offset a zone-less twin shows: ``01:09:55Z`` beside ``2023-11-08 18:09:55`` is
    UTC-07:00. The clocks must differ by whole quarter hours, seconds equal when printed.
    """
    for other in sorted(candidates, key=lambda c: -c.confidence):
        if not _is_utc(other.value) or not has_time(other):
            continue
        minutes_only = other.value.second == 0
        delta = _wall(other.value, minutes_only) - _wall(winner, minutes_only)
        if delta and MIN_OFFSET <= delta <= MAX_OFFSET and not delta % QUARTER_HOUR:
            return timezone(delta), other.source
    return None


def _day_offset(winner: datetime, days: list[tuple[date, str]]) -> tuple[timezone, str] | None:
    """The smallest whole-hour offset that puts a UTC instant on the day the page shows.

    ``(2023-11-01 23:01Z, [(2023-11-02, "URL")])`` → ``(UTC+01:00, "URL")``.
    """
    for day, source in days:
        ahead, behind = timedelta(hours=24 - winner.hour), timedelta(hours=-winner.hour - 1)
        if day == winner.date() + ONE_DAY and ahead <= DAY_SHIFT_AHEAD:
            return timezone(ahead), source
        if day == winner.date() - ONE_DAY and behind >= DAY_SHIFT_BEHIND:
            return timezone(behind), source
    return None


def _zoned(winner: Candidate, evidence: DateEvidence, page_zone: str | None) -> Candidate:
    """Show a UTC instant in the page's own zone, as its other evidence reveals it."""
    value, candidates = winner.value, evidence.everything(with_htmldate=False)
    if not _is_utc(value) or winner.source.startswith("visible"):
        return winner
    if page_zone is not None:
        if false_zone := _false_utc(candidates):
            local = value.replace(tzinfo=ZoneInfo(false_zone))
            return _note(winner, "the Z is false: the visible time is the same clock", local)
        return _note(winner, f"shown in {page_zone}", value.astimezone(ZoneInfo(page_zone)))
    same = [c for c in candidates if c.value == value and not _is_utc(c.value)]
    if same:
        return _note(
            winner, f"offset from {same[0].source}", value.astimezone(same[0].value.tzinfo)
        )
    if not _DECLARED_UTC.search(winner.raw or ""):
        return winner  # a zone-less time: its wall clock is all the page says
    found = _twin_offset(value, candidates)
    if found is None:
        days = [(c.value.date(), c.source) for c in [*evidence.visible[:1], evidence.url] if c]
        found = _day_offset(value, days)
        if found is None and (other := evidence.htmldate()) is not None:
            found = _day_offset(value, [(other.value.date(), other.source)])
    if found is None:
        return winner
    offset, source = found
    return _note(winner, f"offset from {source}", value.astimezone(offset))


def settle(evidence: DateEvidence, page_zone: str | None) -> Candidate | None:
    """The publication instant: the most confident candidate, completed and zoned by the rest.

    htmldate and the URL only compete when the page's markup and headline gave nothing.
    """
    primary = [*evidence.machine, *evidence.visible]
    winner = best(primary)
    if winner is None:
        winner = best(c for c in (evidence.htmldate(), evidence.url) if c is not None)
        if winner is None:
            return None
    winner = _outvoted(winner, evidence)
    every = evidence.everything(with_htmldate=False)
    winner = _with_time(winner, [c for c in every if c.confidence >= WINNER_MIN_CONFIDENCE])
    winner = _wrong_offset(winner, evidence, page_zone)
    return _zoned(winner, evidence, page_zone)
