from __future__ import annotations

import tempfile
from pathlib import Path

from mentordesk.ui.selftest import run_self_test


def test_self_test_passes_and_cleans_up(capsys, qapp):
    before = set(Path(tempfile.gettempdir()).glob("mentordesk-self-test-*"))
    assert run_self_test() == 0
    out = capsys.readouterr().out
    for step in (
        "create and migrate a database",
        "write the sample data",
        "render every tab",
        "export every chart as PNG, SVG and PDF",
        "write a progress report",
        "check the database",
    ):
        assert f"ok    {step}" in out
    assert "self-test passed" in out
    assert set(Path(tempfile.gettempdir()).glob("mentordesk-self-test-*")) == before
