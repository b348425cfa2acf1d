"""Running the ``git`` program for a sync: no prompts, English messages, live progress.

The ``git`` program (rather than a Python implementation such as dulwich) is what users of
digest repositories already have: it speaks every transport (https with credential
helpers and proxies, ssh with the user's keys and agent), does shallow fetches, and checks
out thousands of files fast. Where it is missing, a git source fails with one line.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import threading
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path

from parsers.decoding import strip_controls
from tui.sync.progress import Cancelled, SyncError, cannot_reach

# "Receiving objects:  45% (450/1000), 1.2 MiB | 3 MiB/s" (and "remote: Counting …")
_PROGRESS = re.compile(r"(?:remote: )?([A-Z][a-z]+(?: [a-z]+)*):\s+\d+% \((\d+)/(\d+)\)")
_POLL_SECONDS = 0.1
_STOP_GRACE_SECONDS = 2.0
_SETTINGS = (
    "core.quotePath=false",
    # A link in a repository is written as a plain file holding its target: a tree never
    # leads the reader (or a sync's own file operations) out of the source's folder.
    "core.symlinks=false",
    "http.lowSpeedLimit=1000",
    "http.lowSpeedTime=60",
)
OnProgress = Callable[[str, int, int], None]  # (stage, done, total)


def git_program() -> str:
    """The path of ``git``, or :class:`SyncError` saying it is not installed."""
    found = shutil.which("git")
    if found is None:
        raise SyncError("the git program is not installed; install git to sync git sources")
    return found


def _environment(index: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        LC_ALL="C",
        LANGUAGE="",
        GIT_TERMINAL_PROMPT="0",  # a private repository fails instead of asking
        GIT_OPTIONAL_LOCKS="0",
    )
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    env.pop("GIT_INDEX_FILE", None)
    if "GIT_SSH_COMMAND" not in env and "GIT_SSH" not in env:
        env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes"  # no password prompt either
    if index is not None:
        env["GIT_INDEX_FILE"] = str(index)
    return env


# How git (through curl or ssh) says that a host's name does not resolve, or that no
# network leads to it.
_UNREACHABLE = re.compile(
    r"Could not resolve (?:host|hostname|proxy):? ([^\s:']+)"
    r"|Failed to connect to ([^\s:']+) port \d+.*(?:Network is unreachable|No route to host)"
)


def unreachable_host(stderr: str) -> str | None:
    """The host git could not reach (its name did not resolve, no network), or None."""
    found = _UNREACHABLE.search(stderr)
    return strip_controls(found.group(1) or found.group(2)) if found else None


def failure_line(stderr: str) -> str:
    """The line of git's output that says what went wrong, cleaned for a terminal."""
    lines = [line.strip() for line in re.split(r"[\r\n]+", stderr) if line.strip()]
    for prefix in ("fatal:", "error:"):
        for line in lines:
            if line.startswith(prefix):
                return strip_controls(line.removeprefix(prefix).strip())
    return strip_controls(lines[-1]) if lines else "git failed"


def run_git(
    store: Path,
    args: Sequence[str],
    *,
    work_tree: Path | None = None,
    index: Path | None = None,
    on_progress: OnProgress | None = None,
    cancelled: Cancelled | None = None,
    check: bool = True,
    keep_fds: tuple[int, ...] = (),
) -> str:
    """Run ``git --git-dir=store [--work-tree=…] args``; its standard output.

    A failure raises :class:`SyncError` with git's own reason, unless ``check`` is False:
    then the output so far is returned ("" for a question git answered with no).
    ``keep_fds`` stay open in git (the source's lock: see
    :func:`~tui.sync.engine.lock_path`).
    """
    if cancelled is not None and cancelled():
        raise SyncError("cancelled")
    command = [git_program(), f"--git-dir={store}"]
    if work_tree is not None:
        command.append(f"--work-tree={work_tree}")
    for setting in _SETTINGS:
        command += ["-c", setting]
    command += args
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_environment(index),
            pass_fds=keep_fds if os.name == "posix" else (),
            start_new_session=os.name == "posix",  # a group of its own: see _Stopper
        )
    except OSError as exc:
        raise SyncError(f"cannot run git: {exc.strerror or exc}") from None
    stopper = _Stopper(process, cancelled)
    try:
        out: list[bytes] = []
        reader = threading.Thread(target=lambda: out.append(process.stdout.read()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        errors = _read_stderr(process, on_progress)
        reader.join()
        process.wait()
    finally:
        stopper.finish()
    if stopper.stopped:
        raise SyncError("cancelled")
    if process.returncode != 0 and check:
        if host := unreachable_host(errors):
            raise SyncError(cannot_reach(host))
        raise SyncError(f"git: {failure_line(errors)}")
    if process.returncode != 0:
        return ""
    return b"".join(out).decode("utf-8", errors="replace")


class _Stopper:
    """Ends git and every program it started once the sync is cancelled.

    Git runs in a process group of its own (a new session, so it never reads from or
    writes to the terminal either): ``git fetch`` starts ``git-remote-https``, ``ssh`` or
    ``index-pack``, and ending git alone would leave them running, holding the source's
    lock and the pipes this process reads. A run left early (an exception) ends it too.
    """

    def __init__(self, process: subprocess.Popen[bytes], cancelled: Cancelled | None) -> None:
        self.process = process
        self.cancelled = cancelled
        self.stopped = False
        """Whether git was ended because the sync was cancelled."""
        self._done = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name="paperdeck-git", daemon=True)
        self._watcher.start()

    def _watch(self) -> None:
        while not self._done.wait(_POLL_SECONDS):
            if self.cancelled is not None and self.cancelled():
                self.stopped = True
                _end_process_group(self.process)
                return

    def finish(self) -> None:
        self._done.set()
        self._watcher.join()
        if self.process.poll() is None:
            _end_process_group(self.process)


def _end_process_group(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to ``process`` and its group, SIGKILL to what is left after a grace time."""
    if os.name != "posix":  # pragma: no cover - no process groups
        process.terminate()
        process.wait()
        return
    _signal_group(process, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        process.wait(_STOP_GRACE_SECONDS)
    _signal_group(process, signal.SIGKILL)  # what git started and left behind, or git
    process.wait()


def _signal_group(process: subprocess.Popen[bytes], number: int) -> None:
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, number)


def _read_stderr(process: subprocess.Popen[bytes], on_progress: OnProgress | None) -> str:
    """Git's messages, reporting progress lines as they come."""
    assert process.stderr is not None
    seen: list[str] = []
    pending = b""
    while chunk := process.stderr.read1(4096):  # type: ignore[attr-defined]
        pending += chunk
        *lines, pending = re.split(rb"[\r\n]", pending)
        for raw in lines:
            line = raw.decode("utf-8", errors="replace")
            match = _PROGRESS.search(line)
            if match and on_progress is not None:
                on_progress(match.group(1).lower(), int(match.group(2)), int(match.group(3)))
            elif line.strip():
                seen.append(line)
    seen.append(pending.decode("utf-8", errors="replace"))
    return "\n".join(seen[-50:])
