"""Where drafts go: drafts/<channel>-<YYYYMMDD>.<ext>, numbered -2, -3, ... so that no earlier
draft is ever overwritten (the file is created exclusively, so two runs cannot take one name)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..errors import UserInputError


def write_new(folder: Path, channel: str, day: date, suffix: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{channel}-{day.strftime('%Y%m%d')}"
    number = 1
    while True:
        path = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        try:
            with open(path, "xb") as fh:
                fh.write(data)
            return path
        except FileExistsError:
            number += 1


def write_exact(path: Path, data: bytes) -> Path:
    """-o PATH: refuse to replace an existing file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "xb") as fh:
            fh.write(data)
    except FileExistsError:
        raise UserInputError("draft.exists", path=str(path)) from None
    return path
