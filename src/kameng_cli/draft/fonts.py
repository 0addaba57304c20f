"""Fonts for the PDF: the bundled Noto Sans SC subset first, then the user's --font, then the
system's CJK fonts — Typst falls back glyph by glyph along this list."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

BUNDLED_FAMILY = "Noto Sans SC Kameng"
# Common CJK families on Linux, macOS and Windows, tried after the bundled and the user's font.
SYSTEM_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "SimHei", "SimSun",
    "Noto Sans CJK JP", "Noto Serif CJK SC", "DejaVu Sans",
)


@dataclass
class FontSetup:
    families: list[str]
    paths: list[str]


def bundled_dir() -> Path:
    return Path(str(resources.files("kameng_cli").joinpath("data/fonts")))


def family_of(path: Path) -> str:
    """The family name stored in a font file (TTF/OTF/TTC, first face)."""
    from PIL import ImageFont

    from ..errors import UserInputError

    try:
        family, _style = ImageFont.truetype(str(path), 12).getname()
    except OSError as exc:
        raise UserInputError("draft.font_missing", path=f"{path} ({exc})") from exc
    return family or path.stem


def setup(user_font: Path | None) -> FontSetup:
    families = [BUNDLED_FAMILY]
    paths = [str(bundled_dir())]
    if user_font is not None:
        families.append(family_of(user_font))
        paths.append(str(user_font.resolve().parent))
    families += [f for f in SYSTEM_FAMILIES if f not in families]
    return FontSetup(families, paths)
