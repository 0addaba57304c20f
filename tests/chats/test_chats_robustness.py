"""Every chat layout survives what happens to files between the exporter and kameng: re-saved with
other line ends, encodings or a BOM, blanks left after the lines by an editor or a paste, blank lines
added or the final newline lost. The same source must claim the file and read the same messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from chat_helpers import case_with, parse_file
from test_chats_layouts import DAMAGED, INPUTS, LAYOUTS
from test_chats_shared_fixtures import FIXTURES, MANIFEST, SOURCES

from kameng_cli.ingest.decoding import read_text
from resave import VARIANTS


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", sorted(set(LAYOUTS) - DAMAGED))
def test_layout_survives_resaving(name: str, variant: str, tmp_path: Path) -> None:
    expected_source, count, me = LAYOUTS[name]
    text, _ = read_text(INPUTS / name, ("utf-8", "gb18030"))
    path = tmp_path / name
    path.write_bytes(VARIANTS[variant](text))
    source, result = parse_file(path, case_with(me))
    assert source == expected_source
    assert sum(1 for event in result.events if event.kind == "message") == count


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("entry", MANIFEST, ids=[m["file"] for m in MANIFEST])
def test_shared_fixture_survives_resaving(entry: dict, variant: str, tmp_path: Path) -> None:
    """The same on the shared fixtures (skipped when ../shared is absent)."""
    text, _ = read_text(FIXTURES / entry["file"], ("utf-8", "gb18030"))
    path = tmp_path / entry["file"]
    path.write_bytes(VARIANTS[variant](text))
    source, result = parse_file(path, case_with([entry["self"].split(" (")[0]], paid_at=entry["first"]))
    assert source == SOURCES[entry["file"]]
    assert sum(1 for event in result.events if event.kind == "message") == entry["messages"]
