"""No sync test may reach the real daily papers API or arXiv, even by mistake."""

from __future__ import annotations

import pytest

UNREACHABLE_API = "http://127.0.0.1:9/api/daily_papers"
UNREACHABLE_PDFS = "http://127.0.0.1:9/pdf/"


@pytest.fixture(autouse=True)
def no_real_api(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.settings.sources.DEFAULT_HF_API", UNREACHABLE_API)
    monkeypatch.setattr("tui.cli.pdf_command.DEFAULT_PDF_BASE", UNREACHABLE_PDFS)
