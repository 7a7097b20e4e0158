"""The fields' selectors together: each was found alone, and together they must still give
generic extraction's record on every sample page."""

from __future__ import annotations

from dataclasses import replace

from crawler.profile_draft.search import SEARCHED_FIELDS, FieldResult, Sample, extracts_same
from crawler.profiles import FieldSelectors, SiteProfile


def combined(base: SiteProfile, results: list[FieldResult], samples: list[Sample]) -> SiteProfile:
    """All found selectors together. When a field then reads differently (a profile's body
    selector prunes the page that generic tag search reads; selectors of several fields meet
    in one node), the selector whose removal mends the most goes, one at a time."""
    chosen = {r.field: r.selector for r in results if r.selector is not None}
    while True:
        wrong = extracts_same(_with(base, chosen), samples, list(SEARCHED_FIELDS))
        if not wrong:
            return _with(base, chosen)
        name = _culprit(base, chosen, samples, wrong)
        del chosen[name]
        reason = (
            "it does not hold beside the other fields' selectors"
            if name in wrong
            else f"with it, generic extraction reads {', '.join(wrong)} differently"
        )
        index = next(i for i, r in enumerate(results) if r.field == name)
        results[index] = FieldResult(name, None, reason)


def _with(base: SiteProfile, chosen: dict[str, str]) -> SiteProfile:
    return replace(base, fields=FieldSelectors(**{k: (v,) for k, v in chosen.items() if v}))


def _culprit(
    base: SiteProfile, chosen: dict[str, str], samples: list[Sample], wrong: list[str]
) -> str:
    """The least important chosen field (``SEARCHED_FIELDS`` runs most important first) whose
    removal leaves fewer fields wrong; else the least important wrong one."""
    for name in reversed(SEARCHED_FIELDS):
        if name in chosen:
            rest = {k: v for k, v in chosen.items() if k != name}
            if len(extracts_same(_with(base, rest), samples, list(SEARCHED_FIELDS))) < len(wrong):
                return name
    return next(n for n in reversed(SEARCHED_FIELDS) if n in chosen and n in wrong)
