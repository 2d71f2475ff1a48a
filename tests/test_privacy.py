"""MentorDesk opens no network connection: every import and export path runs with sockets refused."""

from __future__ import annotations

import socket

import pytest

from mentordesk.cli import main


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access is not allowed in MentorDesk")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_import_and_export_paths_open_no_connection(tmp_path, no_network, capsys):
    db, other = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    steps = [
        ["--db", db, "demo"],
        ["--db", db, "export", "json", str(tmp_path / "all.json")],
        ["--db", db, "export", "ics", str(tmp_path / "m.ics")],
        ["--db", db, "export", "csv", str(tmp_path / "csv")],
        ["--db", db, "export", "chart", "meetings", str(tmp_path / "m.svg")],
        ["--db", db, "report", str(tmp_path / "r.pdf")],
        ["--db", db, "search", "negotiation"],
        ["--db", db, "backup"],
        ["--db", db, "check"],
        ["--db", other, "import", "json", str(tmp_path / "all.json")],
        ["--db", other, "import", "ics", str(tmp_path / "m.ics")],
    ]
    vcard = tmp_path / "c.vcf"
    vcard.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Byron\r\nURL:https://example.org/ada\r\nEND:VCARD\r\n"
    )
    linkedin = tmp_path / "Connections.csv"
    linkedin.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Grace,Hopper,https://www.linkedin.com/in/grace,,Navy,Admiral,15 Mar 2024\n"
    )
    steps += [
        ["--db", other, "import", "vcard", str(vcard)],
        ["--db", other, "import", "linkedin", str(linkedin)],
    ]
    for argv in steps:
        assert main(argv) == 0, (argv, capsys.readouterr().err)
    assert no_network == []
