"""Servers that answer slowly, oddly or never: a sync of the daily papers always ends."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.sync.helpers import FAST, Answer, FakeApi
from tui.settings.sources import SourceConfig
from tui.sync import HttpPolicy, SourceResult, SyncOptions, sync_source
from tui.sync.http_request import MAX_REDIRECTS

DAY = "2025-07-14"
DAY14 = (FIXTURES / "hf-daily" / "2025-07-14.json").read_bytes()
ENDLESS = b"[" + b" " * 10_000_000 + b"]"


@pytest.fixture
def api() -> Iterator[FakeApi]:
    with FakeApi().running() as running:
        yield running


def sync(
    api: FakeApi,
    root: Path,
    policy: HttpPolicy = FAST,
    waits: list[float] | None = None,
    cancelled: threading.Event | None = None,
) -> SourceResult:
    source = SourceConfig(kind="hf", url=api.url, since=date.fromisoformat(DAY))
    sleep = waits.append if waits is not None else (lambda seconds: None)
    options = SyncOptions(until=date.fromisoformat(DAY), http=policy, sleep=sleep)
    stop = cancelled or threading.Event()
    return sync_source(source, root, cancelled=stop.is_set, options=options)


def wait_for(condition: object, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


def test_a_body_that_trickles_is_dropped_for_its_rate(tmp_path: Path, api: FakeApi) -> None:
    api.answer(DAY, Answer(body=ENDLESS, pace=0.05, trickle_for=3))  # 20 bytes a second
    policy = replace(FAST, timeout=2, deadline=60, min_rate=1000)
    result = sync(api, tmp_path, policy)
    assert not result.ok
    assert result.message.startswith("the answer arrives too slowly (")
    assert result.message.endswith(" bytes/s) (gave up after 2 tries)")
    assert len(api.seen) == 2
    assert wait_for(lambda: len(api.dropped) == 2)  # the client hung up both times


@pytest.mark.parametrize(
    "answer",
    [
        Answer(body=DAY14, pace=0.05, slow_headers=True, trickle_for=5),  # headers, 20 B/s
        Answer(body=ENDLESS, pace=0.01, chunk=1000, trickle_for=5),  # 100 kB/s, for ever
    ],
    ids=["slow headers", "endless body"],
)
def test_an_answer_must_be_whole_by_the_deadline(
    tmp_path: Path, api: FakeApi, answer: Answer
) -> None:
    api.answer(DAY, answer)
    policy = replace(FAST, timeout=5, deadline=1.0, min_rate=1000)  # the rate: not yet judged
    result = sync(api, tmp_path, policy)
    assert (result.ok, result.message) == (
        False,
        "no whole answer within 1 s (gave up after 2 tries)",
    )
    assert wait_for(lambda: len(api.dropped) == 2)


def test_a_cancel_ends_a_stalled_request_at_once(tmp_path: Path, api: FakeApi) -> None:
    api.answer(DAY, Answer(body=ENDLESS, pace=0.2, trickle_for=60))
    policy = replace(FAST, timeout=30, deadline=600, min_rate=0)  # only a cancel ends it
    cancel = threading.Event()
    results: list[SourceResult] = []
    worker = threading.Thread(target=lambda: results.append(sync(api, tmp_path, policy,
                                                                 cancelled=cancel)))  # fmt: skip
    worker.start()
    assert api.trickling.wait(10)
    cancel.set()
    worker.join(10)
    assert not worker.is_alive()
    assert (results[0].ok, results[0].message) == (False, "cancelled")
    assert wait_for(lambda: len(api.dropped) == 1)  # its socket is closed: no reader left


def test_a_redirect_to_another_scheme_is_not_followed(tmp_path: Path, api: FakeApi) -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        api.answer(DAY, Answer(302, b"", {"Location": f"ftp://127.0.0.1:{port}/{DAY}.json"}))
        result = sync(api, tmp_path)
        assert (result.ok, result.message) == (
            False,
            "HTTP 302: a redirect to a ftp: address; not followed",
        )
        listener.setblocking(False)
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody came
    assert len(api.seen) == 1


def test_redirects_are_followed_a_few_times(tmp_path: Path, api: FakeApi) -> None:
    def hop(number: int) -> Answer:
        return Answer(307, b"", {"Location": f"{api.url}?date={DAY}&hop={number}"})

    api.answer(DAY, *[hop(n) for n in range(MAX_REDIRECTS)], Answer(body=DAY14))
    assert sync(api, tmp_path).ok
    assert len(api.seen) == MAX_REDIRECTS + 1
    api.seen.clear()
    (tmp_path / "hf" / f"{DAY}.json").unlink()
    api.answer(DAY, *[hop(n) for n in range(MAX_REDIRECTS + 1)], Answer(body=DAY14))
    result = sync(api, tmp_path)
    assert (result.ok, result.message) == (
        False,
        f"HTTP 307: more than {MAX_REDIRECTS} redirects; not followed",
    )
    assert len(api.seen) == MAX_REDIRECTS + 1


@pytest.mark.parametrize(
    "value", ["Mon, 99 Foo 2025 99:99:99 GMT", "soon, maybe", "1.5", "-3", "Wed, 32 Oct"]
)
def test_a_malformed_retry_after_means_the_usual_backoff(
    tmp_path: Path, api: FakeApi, value: str
) -> None:
    api.answer(DAY, Answer(503, b"busy", {"Retry-After": value}), Answer(body=DAY14))
    waits: list[float] = []
    result = sync(api, tmp_path, waits=waits)
    assert result.ok, result.message
    assert len(api.seen) == 2
    assert waits and all(wait <= FAST.max_backoff for wait in waits)


def test_a_retry_after_date_is_honoured(tmp_path: Path, api: FakeApi) -> None:
    soon = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 20))
    api.answer(DAY, Answer(429, b"", {"Retry-After": soon}), Answer(body=DAY14))
    waits: list[float] = []
    assert sync(api, tmp_path, waits=waits).ok
    assert any(10 < wait <= 20 for wait in waits)


@pytest.mark.parametrize("status", [500, 501, 502, 503, 504, 505, 507, 511, 599])
def test_every_server_error_is_retried(tmp_path: Path, api: FakeApi, status: int) -> None:
    api.answer(DAY, Answer(status, b"oops"), Answer(body=DAY14))
    result = sync(api, tmp_path)
    assert result.ok, result.message
    assert len(api.seen) == 2


def test_a_cancel_ends_a_tls_handshake_that_never_ends(tmp_path: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:  # accepts, then says nothing
        api = FakeApi()
        api.port = listener.getsockname()[1]
        https = SourceConfig(kind="hf", url=api.url.replace("http:", "https:"),
                             since=date.fromisoformat(DAY))  # fmt: skip
        policy = replace(FAST, timeout=30, deadline=600, min_rate=0)
        options = SyncOptions(until=date.fromisoformat(DAY), http=policy)
        cancel = threading.Event()
        results: list[SourceResult] = []
        worker = threading.Thread(target=lambda: results.append(
            sync_source(https, tmp_path, cancelled=cancel.is_set, options=options)))  # fmt: skip
        worker.start()
        listener.settimeout(10)
        client, _ = listener.accept()
        with client:
            client.settimeout(10)
            assert client.recv(1)  # the TLS client hello has begun
            cancel.set()
            worker.join(10)
            assert not worker.is_alive()
            assert (results[0].ok, results[0].message) == (False, "cancelled")
            while client.recv(4096):  # the rest of the hello, then the end: it hung up
                pass
    assert wait_for(lambda: not [t for t in threading.enumerate() if t.name == "paperdeck-http"])
