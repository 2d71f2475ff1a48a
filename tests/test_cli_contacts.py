"""mentordesk import vcard|linkedin FILE [--dry-run]."""

from __future__ import annotations

import shutil
from pathlib import Path

from mentordesk.cli import main
from mentordesk.services.container import Services

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "contacts_import"


def names(db: Path) -> list[str]:
    services = Services.open(db)
    try:
        return sorted(r.name for r in services.people.list_entries())
    finally:
        services.close()


def test_import_vcard_prints_a_summary_with_each_person(tmp_path, capsys):
    db = tmp_path / "m.db"
    assert main(["--db", str(db), "import", "vcard", str(FIXTURES / "team.vcf")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "team.vcf: 4 contacts read"
    assert out[1] == "imported 3, merged 1, skipped 0"
    assert "  imported  Ana Ruiz (Northwind Labs)" in out
    assert "  imported  Bo Li (Fabrikam)" in out
    assert (
        "  merged    Chidi Okeke into Chidi Okeke: same email chidi@example.org as card 3 (line 20) "
        "in this file; adds title"
    ) in out
    assert names(db) == ["Ana Ruiz", "Bo Li", "Chidi Okeke"]

    assert main(["--db", str(db), "import", "vcard", str(FIXTURES / "team.vcf")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "imported 0, merged 0, skipped 4"
    assert (
        "  skipped   Ana Ruiz (Northwind Labs): already in MentorDesk "
        "(same email ana.ruiz@northwind.example), nothing new to add"
    ) in out
    assert names(db) == ["Ana Ruiz", "Bo Li", "Chidi Okeke"]


def test_linkedin_import_merges_into_people_from_a_vcard(tmp_path, capsys):
    db = tmp_path / "m.db"
    main(["--db", str(db), "import", "vcard", str(FIXTURES / "team.vcf")])
    capsys.readouterr()
    assert main(["--db", str(db), "import", "linkedin", str(FIXTURES / "connections.csv")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["connections.csv: 3 contacts read", "imported 2, merged 1, skipped 0"]
    assert (
        "  merged    Ana Ruiz (Northwind Labs) into Ana Ruiz: same name and organization; adds connection date"
        in out
    )
    assert "  imported  Mei 陈 (上海星辰科技)" in out
    assert names(db) == ["Ana Ruiz", "Bo Li", "Chidi Okeke", "Dana Kim", "Mei 陈"]


def test_dry_run_writes_nothing(tmp_path, capsys):
    db = tmp_path / "m.db"
    assert main(["--db", str(db), "import", "linkedin", "--dry-run", str(FIXTURES / "connections.csv")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        "connections.csv: 3 contacts read",
        "dry run: nothing was written",
        "would import 3, would merge 0, would skip 0",
    ]
    assert names(db) == []


def test_a_file_of_the_wrong_kind_is_refused_and_the_database_is_untouched(tmp_path, capsys):
    db = tmp_path / "m.db"
    main(["--db", str(db), "demo"])
    capsys.readouterr()
    saved = tmp_path / "saved.db"
    shutil.copy(db, saved)
    for kind, file in (
        ("vcard", FIXTURES / "connections.csv"),
        ("linkedin", FIXTURES / "team.vcf"),
        ("vcard", FIXTURES / "notes.txt"),
        ("linkedin", FIXTURES / "notes.txt"),
    ):
        assert main(["--db", str(db), "import", kind, str(file)]) == 1
        err = capsys.readouterr().err
        assert err.startswith("error: ") and file.name in err and err.count("\n") == 1, err
    assert db.read_bytes() == saved.read_bytes()


def test_a_missing_file_is_named(tmp_path, capsys):
    missing = tmp_path / "nowhere" / "contacts.vcf"
    assert main(["--db", str(tmp_path / "m.db"), "import", "vcard", str(missing)]) == 1
    assert capsys.readouterr().err == f"error: {missing}: no such file\n"
    assert not (tmp_path / "m.db").exists()
