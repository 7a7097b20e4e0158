"""The exported fields, one list per table: their names, kinds and descriptions.

Every format reads these lists, so a field is named, typed and described once: the JSONL and
CSV columns, the Parquet schema and the datapackage's field schema cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Kind = Literal["integer", "string", "datetime", "local_datetime", "list"]

# Frictionless Data field types; a datetime in the portal's zone is an ISO 8601 string in
# Parquet (a Parquet timestamp column holds one zone), and a datetime in JSONL and CSV.
FRICTIONLESS_TYPES: Final[dict[Kind, str]] = {
    "integer": "integer",
    "string": "string",
    "datetime": "datetime",
    "local_datetime": "datetime",
    "list": "array",
}


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    description: str
    required: bool = False

    def schema(self, *, parquet: bool = False) -> dict[str, object]:
        """This field in a Frictionless table schema."""
        kind = "string" if parquet and self.kind == "local_datetime" else self.kind
        found: dict[str, object] = {
            "name": self.name,
            "type": FRICTIONLESS_TYPES[kind],
            "description": self.description,
        }
        if self.kind == "datetime":
            found["description"] = f"{self.description} (UTC)"
        if self.required:
            found["constraints"] = {"required": True}
        return found


ARTICLE_FIELDS: Final = (
    Field("id", "integer", "The article's number in the archive (`warta history ID`)", True),
    Field("url", "string", "Canonical URL", True),
    Field("site_id", "string", "The portal: its profile's id, or its host", True),
    Field("timezone", "string", "The portal's zone (Asia/Jakarta is WIB)", True),
    Field("title", "string", "Headline, whitespace-normalized", True),
    Field("body_text", "string", "Article text; paragraphs separated by a blank line", True),
    Field("published_at", "datetime", "Publication instant; empty when no date was read"),
    Field("published_local", "local_datetime", "Publication time on the portal's clock"),
    Field("published_raw", "string", "The date text as the portal printed it"),
    Field("view_count", "integer", "Latest view count the portal showed"),
    Field("view_count_raw", "string", "The view-count text as printed"),
    Field("author", "string", "Author, when the page names one"),
    Field("image_url", "string", "Lead image URL"),
    Field("language", "string", "Language code the page declares"),
    Field("tags", "list", "The article's own tags in page order, as printed"),
    Field("aliases", "list", "Other URLs of the same portal serving the same article"),
    Field("content_hash", "string", "SHA-256 of the normalized title and body", True),
    Field("first_seen_at", "datetime", "First time Warta saw the article", True),
    Field("last_seen_at", "datetime", "Latest time Warta saw the article", True),
    Field("fetched_at", "datetime", "Capture time of this content", True),
    Field("revision_count", "integer", "How many contents the article has had", True),
    Field("removed_at", "datetime", "When the portal took it down; empty while it is there"),
    Field("removal_evidence", "string", "Why Warta judged it removed (e.g. HTTP 404)"),
    Field("cluster_id", "integer", "Its cluster of copies on other portals (first copy's id)"),
    Field("cluster_size", "integer", "Copies in that cluster across the whole archive", True),
    Field("etag", "string", "The page's ETag as the portal last sent it"),
    Field("last_modified", "string", "The page's Last-Modified as the portal last sent it"),
)

REVISION_FIELDS: Final = (
    Field("article_id", "integer", "The article (its `id` in the articles table)", True),
    Field("revision_no", "integer", "1 is the first capture", True),
    Field("title", "string", "Headline of this revision", True),
    Field("body_text", "string", "Text of this revision", True),
    Field("published_at", "datetime", "Publication instant read in this revision"),
    Field("published_raw", "string", "The date text as printed in this revision"),
    Field("content_hash", "string", "SHA-256 of the normalized title and body", True),
    Field("fetched_at", "datetime", "Capture time of this revision", True),
    Field("run_id", "integer", "The crawl run that stored it"),
    Field("source", "string", "crawl: the portal changed it; reparse: Warta read it anew", True),
)

VIEW_FIELDS: Final = (
    Field("article_id", "integer", "The article (its `id` in the articles table)", True),
    Field("observed_at", "datetime", "When this count was seen", True),
    Field("view_count", "integer", "The count the portal showed", True),
    Field("run_id", "integer", "The crawl run that saw it"),
)

TABLES: Final = {"articles": ARTICLE_FIELDS, "revisions": REVISION_FIELDS, "views": VIEW_FIELDS}
