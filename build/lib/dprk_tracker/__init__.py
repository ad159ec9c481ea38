"""dprk-tracker: a command-line research notebook of dated events and figures from news articles.

The library modules (``extract``, ``db``, ``times``, ``figures``, ``topics`` ...) are imported on
demand; importing the package itself loads nothing, so ``tracker --help`` stays fast.
"""
