"""The collector is held off while the app starts and leaves the app's long-lived objects alone
afterwards; none of it happens to a process that did not start the app (tests, scripts)."""

from __future__ import annotations

import gc

from mentordesk import memory


def test_nothing_changes_outside_the_app():
    frozen = gc.get_freeze_count()
    memory.settle()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_start_holds_collection_and_settle_freezes_what_lives(app_lifetime):
    memory.start_app_lifetime()
    assert not gc.isenabled()
    kept = [[index] for index in range(1000)]  # long-lived objects made during the start
    memory.settle()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(kept)
    watched = {id(item) for item in gc.get_objects()}  # what later collections will walk
    assert not any(id(item) in watched for item in kept)


def test_hold_keeps_collection_off_until_settled(app_lifetime):
    memory.start_app_lifetime()
    memory.settle()
    frozen = gc.get_freeze_count()
    memory.hold()
    assert not gc.isenabled()
    loaded = [[index] for index in range(500)]
    memory.settle()
    assert gc.isenabled() and gc.get_freeze_count() >= frozen + len(loaded)


def test_hold_outside_the_app_changes_nothing():
    memory.hold()
    assert gc.isenabled()
