"""``extract_article``: one page in, one :class:`Article` out, with no network or database.

Each field gathers its evidence (:mod:`crawler.extraction.evidence`): the profile's selectors
first — a profile is a refinement and wins when it matches — then what any page carries
(JSON-LD, meta, microdata, ``<time>``, the visible headline's neighbourhood, main-text
extraction). ``explain_article`` returns every candidate instead of the winners.
"""

from __future__ import annotations

from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from crawler.extraction import body as bodies
from crawler.extraction.byline import author_candidates, image_candidates
from crawler.extraction.evidence import Candidate, best, ranked
from crawler.extraction.page import PageContext
from crawler.extraction.publication_date import published_evidence
from crawler.extraction.record import Article
from crawler.extraction.selectors import all_texts, select
from crawler.extraction.tags import tag_candidates
from crawler.extraction.title import title_candidates
from crawler.extraction.view_evidence import view_candidates
from crawler.profiles import SiteProfile
from crawler.urls import canonicalize_url, same_site

# Dropped before a profile's body and tag selectors run: blocks that are never the article.
# ``form`` is not among them: ASP.NET portals wrap the whole page in one.
NOISE = "script, style, noscript, nav, aside, iframe, template"


@dataclass
class _Evidence:
    """Winner and candidates per field, as gathered for one page."""

    winners: dict[str, Candidate | None] = field(default_factory=dict)
    seen: dict[str, list[Candidate]] = field(default_factory=dict)
    published_raw: str | None = None

    def add(self, name: str, candidates: list[Candidate]) -> None:
        """A field whose most confident candidate wins."""
        self.settled(name, candidates, best(candidates))

    def settled(self, name: str, candidates: list[Candidate], winner: Candidate | None) -> None:
        """A field whose winner its own rules chose (the publication date), or None."""
        self.winners[name] = winner
        self.seen[name] = candidates

    def value(self, name: str) -> Any:
        winner = self.winners.get(name)
        return winner.value if winner else None

    def raw(self, name: str) -> str | None:
        winner = self.winners.get(name)
        return winner.raw if winner else None


def canonical_url(page: Selector, url: str) -> str:
    """The page's ``rel=canonical`` when it names a page (not the home) of the same site.

    Portals often point every page's canonical at the home page, so that one is ignored.
    """
    link = page.css("link[rel='canonical']::attr(href)").get()
    if link:
        candidate = canonicalize_url(urljoin(url, link.strip()))
        if same_site(candidate, urlsplit(url).netloc) and urlsplit(candidate).path not in {"", "/"}:
            return candidate
    return canonicalize_url(url)


def _profile_page(ctx: PageContext, *, exhaustive: bool) -> Selector | None:
    """The page with the profile's exclusions and the noise dropped, for its body and tag
    selectors. Explaining works on a copy, so every generic candidate still reads the untouched
    page; extracting prunes in place (the other fields are settled by then; a copy of the tree
    cost a fifth of a profile page's extraction time).
    """
    sel = ctx.fields
    if not (sel.body or sel.tags):
        return None
    page = Selector(root=deepcopy(ctx.sel.root), type="html") if exhaustive else ctx.sel
    for query in (*sel.exclude, NOISE):
        select(page, query).drop()
    page.css("footer").drop()
    return page


def _profile_list(page: Selector | None, queries: tuple[str, ...]) -> list[str]:
    return all_texts(page, queries) if page is not None and queries else []


def _body(
    ctx: PageContext,
    profile_page: Selector | None,
    header: tuple[str | None, ...],
    exhaustive: bool,
) -> list[Candidate]:
    """Body candidates, stopping at the first that wins outright unless explaining."""
    found: list[Candidate] = []
    paragraphs = _profile_list(profile_page, ctx.fields.body)
    if paragraphs and (profile := bodies.from_paragraphs(paragraphs, header, "profile")):
        found.append(profile)
        if not exhaustive:
            return found
    for make in (bodies.container_candidate, bodies.json_ld_candidate):
        if candidate := make(ctx, header):
            found.append(candidate)
    if not (exhaustive or bodies.needs_main_text(found)):
        return found
    # The stronger of the two for this page's language first; the other only if it failed
    # or is doubted.
    main_texts = [bodies.block_candidate, bodies.trafilatura_candidate]
    if ctx.zone is None:
        main_texts.reverse()
    for main_text in main_texts:
        if candidate := main_text(ctx, header):
            found.append(candidate)
            if not exhaustive and bodies.decisive(candidate):
                break
    return found


def _candidates(found: Iterator[Candidate], *, exhaustive: bool) -> list[Candidate]:
    """Every candidate; when only the record is wanted, a profile's match alone, since it
    wins anyway (confidence 1.0, gathered first) and the generic search costs most of the time.
    """
    first = next(found, None)
    if first is None:
        return []
    if first.source == "profile" and not exhaustive:
        return [first]
    return [first, *found]


def _gather(ctx: PageContext, *, exhaustive: bool) -> _Evidence:
    evidence = _Evidence()
    evidence.add("title", _candidates(title_candidates(ctx), exhaustive=exhaustive))
    winner, dates, published_raw = published_evidence(ctx, exhaustive=exhaustive)
    evidence.settled("published_at", dates, winner)
    for name, found in (
        ("view_count", view_candidates(ctx)),
        ("author", author_candidates(ctx)),
        ("image_url", image_candidates(ctx)),
    ):
        evidence.add(name, _candidates(found, exhaustive=exhaustive))
    profile_page = _profile_page(ctx, exhaustive=exhaustive)
    tags: list[Candidate] = []
    if profile_tags := tuple(dict.fromkeys(_profile_list(profile_page, ctx.fields.tags))):
        tags.append(Candidate("tags", profile_tags, ", ".join(profile_tags), "profile", 1.0))
    if exhaustive or not tags:
        tags += tag_candidates(ctx)
    evidence.add("tags", tags)
    header = (evidence.value("title"), published_raw)
    evidence.add("body_text", _body(ctx, profile_page, header, exhaustive))
    evidence.published_raw = published_raw
    return evidence


def extract_article(
    html: str,
    url: str,
    profile: SiteProfile | None = None,
    *,
    fetched_at: datetime | None = None,
) -> Article:
    """Extract the article record from a page's HTML (already decoded to text).

    ``url`` is where the page was fetched from; the record carries its canonical form.
    Fields the page lacks come back as ``None`` (or empty); validation decides later.
    Relative dates ("2 jam lalu") are read against ``fetched_at``, and ignored without it.
    """
    ctx = PageContext(html, url, profile, fetched_at)
    evidence = _gather(ctx, exhaustive=False)
    return Article(
        url=canonical_url(ctx.sel, url),
        site_id=profile.site_id if profile else (urlsplit(url).hostname or "unknown"),
        title=evidence.value("title") or None,
        published_at=evidence.value("published_at"),
        published_raw=evidence.published_raw,
        view_count=evidence.value("view_count"),
        view_count_raw=evidence.raw("view_count"),
        tags=evidence.value("tags") or (),
        author=evidence.value("author"),
        body_text=evidence.value("body_text") or "",
        image_url=evidence.value("image_url"),
        fetched_at=fetched_at or datetime.now(UTC),
    )


def explain_article(
    html: str,
    url: str,
    profile: SiteProfile | None = None,
    *,
    fetched_at: datetime | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Per field, every candidate the page offered, the winner first (``warta extract
    --explain``). Each is ``{source, confidence, raw, value, won}``, plus a ``note`` when a
    rule moved it (a time of day taken from another candidate, a zone corrected). No
    candidate has ``won`` when the field stays empty (an unreadable date line, shown with no
    value).
    """
    ctx = PageContext(html, url, profile, fetched_at)
    evidence = _gather(ctx, exhaustive=True)
    explained = {}
    for name, seen in evidence.seen.items():
        winner = evidence.winners[name]
        explained[name] = [{**c.to_json_dict(), "won": c is winner} for c in ranked(seen, winner)]
    return explained
