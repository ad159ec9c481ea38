"""``python -m dprk_tracker``: the ``tracker`` command, for when the console script is not on PATH."""

from .cli import main

main()
