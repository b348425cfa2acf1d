"""The parser layer imports neither Textual nor Rich."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import SEEDS


def test_parsers_import_neither_textual_nor_rich() -> None:
    code = (
        "import sys, parsers\n"
        f"parsers.load([{str(SEEDS)!r}])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
