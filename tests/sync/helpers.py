"""Local stand-ins for the network: a bare git repository and the daily papers API."""

from __future__ import annotations

import os
import subprocess
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.screens.helpers import write_digest
from tui.sync import HttpPolicy, SyncOptions

# Retries come at once; the read timeout stays long enough for a busy machine (a test of
# timeouts sets its own).
FAST = HttpPolicy(
    timeout=10, attempts=3, backoff=0.01, max_backoff=0.02, max_retry_after=30, min_interval=0
)


def fast_options(waits: list[float] | None = None) -> SyncOptions:
    """No waiting between tries: waits are recorded in ``waits`` instead of slept."""
    return SyncOptions(http=FAST, sleep=(waits.append if waits is not None else lambda s: None))


def git(cwd: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="T", GIT_COMMITTER_EMAIL="t@example.org")  # fmt: skip
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


class Upstream:
    """A digest repository published as a bare repository at a ``file://`` URL."""

    def __init__(self, root: Path) -> None:
        self.work = root / "upstream-work"
        self.bare = root / "upstream.git"
        self.work.mkdir(parents=True)
        git(self.work, "init", "-q", "-b", "main")
        (self.work / "README.md").write_text("# Daily Papers\n\nA digest repository.\n")
        (self.work / "main.py").write_text("print('generator')\n")
        self.commit("start")
        git(root, "clone", "-q", "--bare", str(self.work), str(self.bare))
        git(self.work, "remote", "add", "origin", str(self.bare))

    @property
    def url(self) -> str:
        return self.bare.as_uri()

    def commit(self, message: str) -> str:
        git(self.work, "add", "-A")
        git(self.work, "commit", "-q", "-m", message)
        return git(self.work, "rev-parse", "HEAD")

    def add_day(self, day: str, titles: tuple[str, ...] = ("Paper A", "Paper B")) -> str:
        year, month, dd = day.split("-")
        path = self.work / "paper_logs" / year / month / f"{dd}.md"
        write_digest(path, day, [(title, 10 - n) for n, title in enumerate(titles)])
        commit = self.commit(f"{day}")
        git(self.work, "push", "-q", "origin", "main")
        return commit

    def rewrite_last(self) -> None:
        git(self.work, "commit", "-q", "--amend", "-m", "rewritten")
        git(self.work, "push", "-q", "--force", "origin", "main")


@dataclass
class Answer:
    status: int = 200
    body: bytes = b"[]"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    pace: float = 0.0
    """Seconds between two pieces of ``chunk`` bytes (0: the whole answer at once)."""
    chunk: int = 1
    slow_headers: bool = False
    """Trickle the headers too, not only the body."""
    trickle_for: float = 30.0
    """Seconds of trickling at most, after which the server hangs up."""


@dataclass
class Seen:
    day: str | None
    user_agent: str
    at: float


class FakeApi:
    """The daily papers API on 127.0.0.1: scripted answers per day; requests recorded.

    Each day answers with the next of its scripted answers, the last one repeating;
    days without a script answer ``[]``.
    """

    def __init__(self) -> None:
        self.script: dict[str, list[Answer]] = {}
        self.seen: list[Seen] = []
        self.port = 0
        self.trickling = threading.Event()
        """Set once an answer has begun to trickle."""
        self.dropped: list[float] = []
        """When each trickled answer was cut by the client."""

    def answer(self, day: str, *answers: Answer) -> None:
        self.script[day] = list(answers)

    def days_asked(self) -> list[str | None]:
        return [seen.day for seen in self.seen]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/daily_papers"

    def _next(self, day: str | None) -> Answer:
        answers = self.script.get(day or "", [])
        if not answers:
            return Answer()
        return answers.pop(0) if len(answers) > 1 else answers[0]

    @contextmanager
    def running(self) -> Iterator[FakeApi]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
                day = query.get("date", [None])[0]
                api.seen.append(Seen(day, self.headers.get("User-Agent", ""), time.monotonic()))
                answer = api._next(day)
                time.sleep(answer.delay)
                if answer.pace:
                    self.trickle(answer)
                    return
                try:
                    self.send_response(answer.status)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except OSError:
                    pass  # the client gave up waiting

            def trickle(self, answer: Answer) -> None:
                head = (
                    f"HTTP/1.1 {answer.status} OK\r\nContent-Length: {len(answer.body)}\r\n"
                    + "".join(f"{k}: {v}\r\n" for k, v in answer.headers.items())
                    + "X-Padding: "
                    + "x" * 60_000
                    + "\r\n\r\n"
                ).encode()
                data = head + answer.body if answer.slow_headers else answer.body
                if not answer.slow_headers:
                    self.wfile.write(head)
                api.trickling.set()
                end = time.monotonic() + answer.trickle_for
                try:
                    for start in range(0, len(data), answer.chunk):
                        if time.monotonic() > end:
                            return
                        self.wfile.write(data[start : start + answer.chunk])
                        self.wfile.flush()
                        time.sleep(answer.pace)
                except OSError:
                    api.dropped.append(time.monotonic())

            def log_message(self, format: str, *args: object) -> None:
                return None

        with serving(Handler) as self.port:
            yield self


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[int]:
    """``handler`` answering on 127.0.0.1 from a thread, for the ``with`` block; its port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.block_on_close = False
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
