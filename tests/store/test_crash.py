"""Kill a writing process with SIGKILL at random moments: the database stays healthy and every
acknowledged write is there in full."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mentordesk.services.container import Services
from mentordesk.store.migrate import open_database

WRITER = Path(__file__).with_name("crash_writer.py")


def _crash_loop(tmp_path: Path, rounds: int, seed: int) -> None:
    rnd = random.Random(seed)
    path = tmp_path / "crash.db"
    open_database(path).close()
    acknowledged: list[str] = []
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for round_no in range(rounds):
        child = subprocess.Popen(
            [sys.executable, str(WRITER), str(path), str(round_no * 10_000)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        wanted = rnd.randint(1, 40)
        for _ in range(wanted):
            line = child.stdout.readline()
            if not line:
                break
            acknowledged.append(line.strip())
        child.send_signal(signal.SIGKILL)
        child.wait()
        # whatever was printed before the kill reached us too
        acknowledged.extend(x.strip() for x in child.stdout.read().splitlines() if x.strip())

    services = Services.open(path)
    assert services.maintenance.check() == []
    services.close()
    con = sqlite3.connect(path)
    present = {r[0] for r in con.execute("SELECT uuid FROM person")}
    assert set(acknowledged) <= present
    # all or nothing: every person has exactly its relationship, one meeting and three action items
    counts = con.execute(
        "SELECT count(DISTINCT r.id), count(DISTINCT m.id), count(a.id) FROM person p "
        "JOIN relationship r ON r.person_id = p.id JOIN meeting m ON m.relationship_id = r.id "
        "JOIN action_item a ON a.meeting_id = m.id"
    ).fetchone()
    n_people = con.execute("SELECT count(*) FROM person").fetchone()[0]
    con.close()
    assert counts == (n_people, n_people, 3 * n_people)
    assert len(acknowledged) >= rounds


def test_sigkill_during_writes_loses_nothing_acknowledged(tmp_path):
    _crash_loop(tmp_path, rounds=20, seed=20261125)


@pytest.mark.slow
def test_sigkill_two_hundred_times(tmp_path):
    _crash_loop(tmp_path, rounds=200, seed=7)
