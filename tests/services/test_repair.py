from __future__ import annotations

from sqlalchemy import text

from mentordesk.cli import main
from mentordesk.services.container import Services


def _break(services):
    """Damage the data the way a faulty tool or an interrupted sync might."""
    with services.db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute("UPDATE progress_entry SET percent = 140 WHERE id = (SELECT min(id) FROM progress_entry)")
        raw.execute("UPDATE meeting SET relationship_id = 9999 WHERE id = (SELECT min(id) FROM meeting)")
        raw.execute(
            "UPDATE appreciation SET relationship_id = 9999 WHERE id = (SELECT min(id) FROM appreciation)"
        )
        raw.execute("UPDATE relationship SET cadence_days = 0 WHERE id = 1")
        raw.execute("PRAGMA foreign_keys=ON")


def test_check_finds_and_repair_fixes_what_is_safe(demo_services):
    _break(demo_services)
    findings = [str(f) for f in demo_services.maintenance.check()]
    assert any("foreign-key: meeting" in f for f in findings)
    assert any("progress 140.0 is outside 0-100" in f for f in findings)
    assert any("cadence of 0 days" in f for f in findings)

    changes = demo_services.maintenance.repair()
    assert any(c.startswith("meeting row") and "removed the link" in c for c in changes)
    assert any(c.startswith("appreciation row") and "removed (it belonged" in c for c in changes)
    assert any("140.0 set to 100.0" in c for c in changes)
    assert demo_services.maintenance.check() == []
    assert demo_services.maintenance.repair() == []  # a second run changes nothing
    with demo_services.db.reader() as s:
        assert s.execute(text("SELECT count(*) FROM meeting WHERE relationship_id IS NULL")).scalar() >= 1


def test_check_repair_command_backs_up_first(tmp_path, capsys):
    db = tmp_path / "m.db"
    services = Services.open(db)
    services.demo.generate(seed=4)
    _break(services)
    services.close()
    assert main(["--db", str(db), "check"]) == 1
    capsys.readouterr()
    assert main(["--db", str(db), "check", "--repair"]) == 0
    out = capsys.readouterr().out
    assert "backed up the database first" in out and "repaired:" in out and "healthy" in out
    assert list((tmp_path / "backups").glob("m-*-before-repair.sqlite"))
    assert main(["--db", str(db), "check", "--repair"]) == 0
    assert "repaired:" not in capsys.readouterr().out
