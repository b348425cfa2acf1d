"""Tests that need real programs from the system (OpenSSH, tmux, Chromium) or root.

Where something is missing such a test is skipped with a reason naming the Debian package;
under CI (``CI=true``, as ``.ci/run`` sets) that skip is a failure instead, so that CI
never passes without having run them. Mark such tests ``@pytest.mark.system``: the end of
the test run lists each of them with what it ran against.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path
from typing import NoReturn

import pytest


def under_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"true", "1", "yes"}


def unavailable(reason: str) -> NoReturn:
    """Skip the test for ``reason``; under CI fail it, since CI must run it."""
    if under_ci():
        pytest.fail(f"{reason} (CI=true: this test must run, not be skipped)", pytrace=False)
    pytest.skip(reason)


def require_program(name: str, package: str, *places: str) -> str:
    """The path of program ``name`` (on PATH or at one of ``places``), from Debian ``package``."""
    found = shutil.which(name) or next((p for p in places if os.access(p, os.X_OK)), None)
    if found is None:
        unavailable(f"{name} is not installed (apt-get install {package})")
    return found


def require_root(why: str) -> None:
    if os.geteuid() != 0:
        unavailable(f"{why} needs root")


def usable_by_everyone(path: Path) -> bool:
    """True when any user may run (or read) ``path``: it and every directory above are open."""
    path = path.resolve()
    try:
        if not path.stat().st_mode & stat.S_IROTH:
            return False
        return all(parent.stat().st_mode & stat.S_IXOTH for parent in path.parents)
    except OSError:
        return False


def describe(request: pytest.FixtureRequest, text: str) -> None:
    """Add ``text`` to the line the run's summary prints for this test."""
    request.node.user_properties.append(("ran", text))
