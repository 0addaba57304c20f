"""OCR on rendered phone screenshots of every scene and variant (fonts, weights, dark mode, JPEG,
scaled, phone sizes): every field read exactly, the kind suggested right. The full measurement over
a larger set is benchmarks/ocr_accuracy.py."""

from __future__ import annotations

import pytest

from kameng_cli.ocr.facts import read_page

SANS, SANS_BOLD, SERIF, SERIF_BOLD = (
    "Noto Sans CJK SC:style=Regular", "Noto Sans CJK SC:style=Bold",
    "Noto Serif CJK SC:style=Regular", "Noto Serif CJK SC:style=Bold",
)
VARIANTS = [
    # (seed, scene, options)
    (101, "order", {"font_pattern": SANS, "dark": False, "jpeg": False, "scale": 1.0, "phone": (1080, 2340)}),
    (102, "order", {"font_pattern": SERIF_BOLD, "dark": True, "jpeg": 55, "scale": 0.5, "phone": (1170, 2532)}),
    (103, "payment", {"font_pattern": SANS_BOLD, "dark": False, "jpeg": 70, "scale": 0.67, "phone": (1080, 2340)}),
    (105, "payment", {"font_pattern": SERIF, "dark": True, "jpeg": False, "scale": 1.0, "phone": (750, 1334)}),
    (106, "card-error", {"font_pattern": SERIF, "dark": False, "jpeg": 85, "scale": 0.8, "phone": (720, 1600)}),
    (107, "card-error", {"font_pattern": SANS_BOLD, "dark": True, "jpeg": False, "scale": 1.0, "phone": (1080, 2340)}),
    (108, "product", {"font_pattern": SERIF_BOLD, "dark": False, "jpeg": False, "scale": 0.67, "phone": (1170, 2532)}),
    (109, "chat", {"font_pattern": SANS, "dark": True, "jpeg": 70, "scale": 1.0, "phone": (750, 1334)}),
    (110, "chat", {"font_pattern": SERIF, "dark": False, "jpeg": False, "scale": 0.5, "phone": (1080, 2340)}),
]


@pytest.mark.parametrize(("seed", "scene", "options"), VARIANTS, ids=[f"{s}-{k}" for s, k, _ in VARIANTS])
def test_fields_read_exactly(ocr, screens, seed: int, scene: str, options: dict) -> None:
    screen = screens.render(seed, scene, **options)
    page, _timing = ocr.recognise_image(screen.image)
    right, total = screens.char_accuracy(screen, page)
    assert right / total >= 0.97, [line.text for line in page.lines]
    reading = read_page(page, screens.case_of(screen), default_year=2024)
    read = screens.fields_read(reading)
    assert {name: read.get(name) for name in screen.fields} == screen.fields
    assert reading.kind == screen.expected_kind
