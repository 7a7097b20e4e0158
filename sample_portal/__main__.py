"""``python -m sample_portal --port 0``: the sample portal without the ``warta`` CLI."""

from .command import sample_portal

sample_portal(prog_name="python -m sample_portal")
