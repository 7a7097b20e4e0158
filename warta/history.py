"""``warta history``: an article's revisions with a word-level diff, views, captures, removals."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from typing import Any, Final, Literal
from zoneinfo import ZoneInfo

from crawler.extraction.date_vocabulary import zone_label
from storage.history import History

DIFFED: Final = ("title", "body_text")
COMPARED: Final = (*DIFFED, "published_at", "published_raw")
CONTEXT_WORDS: Final = 6


PieceKind = Literal["same", "del", "ins"]
_MARKS: Final = {"same": "{}", "del": "[-{}-]", "ins": "{{+{}+}}"}


@dataclass(frozen=True)
class Piece:
    kind: PieceKind
    text: str


def word_pieces(old: str, new: str, context: int = CONTEXT_WORDS) -> list[list[Piece]]:
    """Each changed stretch with a few words around it: ("a b c", "a x c", 1) ->
    [[same "a", del "b", ins "x", same "c"]]."""
    before, after = old.split(), new.split()
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    stretches = []
    for group in matcher.get_grouped_opcodes(context):
        pieces = []
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                pieces.append(Piece("same", " ".join(before[i1:i2])))
                continue
            if i2 > i1:
                pieces.append(Piece("del", " ".join(before[i1:i2])))
            if j2 > j1:
                pieces.append(Piece("ins", " ".join(after[j1:j2])))
        stretches.append(pieces)
    return stretches


def word_diff(old: str, new: str, context: int = CONTEXT_WORDS) -> list[str]:
    """Each changed stretch with a few words around it: ``… kata [-lama-] {+baru+} kata …``."""
    return [
        "… " + " ".join(_MARKS[piece.kind].format(piece.text) for piece in stretch) + " …"
        for stretch in word_pieces(old, new, context)
    ]


def revision_changes(history: History) -> list[dict[str, Any]]:
    """Per revision: which fields changed from the one before, and the diffs of the texts."""
    changes, previous = [], None
    for revision in history.revisions:
        entry: dict[str, Any] = {"changed": [], "diff": {}}
        if previous is not None:
            entry["changed"] = [f for f in COMPARED if revision[f] != previous[f]]
            for name in DIFFED:
                if revision[name] != previous[name]:
                    entry["diff"][name] = word_diff(previous[name], revision[name])
        changes.append(entry)
        previous = revision
    return changes


def as_json(history: History) -> dict[str, Any]:
    revisions = [
        {**_jsonable(revision), **change}
        for revision, change in zip(history.revisions, revision_changes(history), strict=True)
    ]
    return {
        "article": _jsonable(history.article),
        "revisions": revisions,
        "views": [_jsonable(row) for row in history.views],
        "captures": [_jsonable(row) for row in history.captures],
        "events": [_jsonable(row) for row in history.events],
        "copies": [_jsonable(row) for row in history.copies],
    }


def as_text(history: History) -> Iterator[str]:
    article = history.article
    zone = ZoneInfo(article["timezone"])
    label = _zone_label(zone)

    def when(instant: datetime | None) -> str:
        return instant.astimezone(zone).strftime(f"%Y-%m-%d %H:%M {label}") if instant else "?"

    yield f"Article #{article['id']} · {article['site_id']} · {article['url']}"
    yield f"Title: {article['title']}"
    yield f"Published: {when(article['published_at'])} (printed: {article['published_raw']!r})"
    removed = article["removed_at"]
    yield f"On the portal: {'no, removed ' + when(removed) if removed else 'yes'}"
    yield f"Tags: {', '.join(article['tags']) or '-'}"
    for alias in article["aliases"]:
        yield f"Also at: {alias}"
    yield ""
    yield f"Revisions ({len(history.revisions)})"
    for revision, change in zip(history.revisions, revision_changes(history), strict=True):
        who = "the portal" if revision["source"] == "crawl" else "a re-extraction"
        what = (
            "first capture"
            if not change["changed"]
            else f"{', '.join(change['changed'])} changed by {who}"
        )
        yield f"  #{revision['revision_no']}  {when(revision['fetched_at'])}  {what}"
        for name, stretches in change["diff"].items():
            for stretch in stretches:
                yield f"      {name}: {stretch}"
    yield ""
    yield "Views (a row when the count changed)"
    for row in history.views:
        yield f"  {when(row['observed_at'])}  {row['view_count']:,}".replace(",", ".")
    yield ""
    yield f"Captures ({len(history.captures)})"
    for row in history.captures:
        where = f"{row['warc_file']}@{row['offset']} ({row['length']} bytes)"
        yield f"  {when(row['fetched_at'])}  {row['status']} {row['record_type']:<8} {where}"
    if history.events:
        yield ""
        yield "Removed and returned"
        for event in history.events:
            yield f"  {when(event['at'])}  {event['kind']}: {event['evidence']}"
    if history.copies:
        yield ""
        yield f"Copies on other pages ({len(history.copies)}, cluster {article['cluster_id']})"
        for copy in history.copies:
            yield f"  #{copy['id']}  {when(copy['published_at'])}  {copy['site_id']}  {copy['url']}"


def _zone_label(zone: ZoneInfo) -> str:
    """``WIB`` for Asia/Jakarta, as the extractor reads it the other way round."""
    return zone_label(zone.key)


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in row.items()}
