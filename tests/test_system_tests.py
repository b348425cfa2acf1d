"""The rule for tests that need system programs: skipped where missing, failed under CI."""

from __future__ import annotations

import pytest

from tests.system import require_program


def test_a_missing_program_is_a_skip_naming_the_package_and_a_failure_under_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"apt-get install no-such-package\)$"):
        require_program("no-such-program-here", "no-such-package")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true: this test must run"):
        require_program("no-such-program-here", "no-such-package")
    assert require_program("sh", "dash").endswith("/sh")
