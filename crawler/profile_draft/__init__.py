"""``warta profile draft``: a site profile drafted from a few pages of one portal, for review.

``inputs`` reads saved pages or fetches them politely, ``draft`` classifies them and runs
generic extraction, ``search`` finds per field the simplest selector that reproduces it on
every sample, ``patterns`` generalizes the URLs, ``writing`` writes the TOML and fixtures.
"""

from __future__ import annotations

from crawler.profile_draft.draft import Draft, DraftError, draft_profile
from crawler.profile_draft.inputs import SamplePage, load_inputs
from crawler.profile_draft.writing import write_draft

__all__ = ["Draft", "DraftError", "SamplePage", "draft_profile", "load_inputs", "write_draft"]
