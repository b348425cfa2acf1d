"""The garbage collector waits while the reader starts.

Starting the reader makes a few hundred thousand objects that live as long as it does
(modules, classes, styles, widgets); the collector would scan them again and again while
they are made, for nothing. ``paperdeck`` pauses it as it starts (:func:`hold_collection`);
another command resumes it as soon as it is chosen, and the reader once its first screen
is drawn (:func:`release_collection`), after moving everything made so far out of the
collector's sight (``gc.freeze``), so that later collections skip the start's objects.
"""

from __future__ import annotations

import gc

_held = False


def hold_collection() -> None:
    """Pause the collector (if it runs) until :func:`release_collection`."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release_collection(freeze: bool = False) -> None:
    """Resume the collector paused by :func:`hold_collection`; with ``freeze``, what exists
    now is left out of every later collection. Does nothing if the collector is not held."""
    global _held
    if _held:
        _held = False
        if freeze:
            gc.freeze()
        gc.enable()
