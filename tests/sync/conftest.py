"""No sync test may reach the real daily papers API, even by mistake."""

from __future__ import annotations

import pytest

UNREACHABLE_API = "http://127.0.0.1:9/api/daily_papers"


@pytest.fixture(autouse=True)
def no_real_api(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.settings.sources.DEFAULT_HF_API", UNREACHABLE_API)
