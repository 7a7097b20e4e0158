"""``python -m warta``: the same as the ``warta`` command."""

from warta.cli import main

main()
