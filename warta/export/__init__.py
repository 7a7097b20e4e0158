"""``warta export``: the archive as files an archivist deposits (JSONL, CSV, Parquet, WARC,
WACZ), each with a Frictionless ``datapackage.json``; ``warta verify`` checks them later."""
