"""OCR accuracy on synthetic phone screenshots: character accuracy, fields extracted exactly right
(target ≥ 98 %), suggested exhibit kinds, and sensitive values found for redaction.

The screenshots are rendered from seeds by tests/data/ocr/screens.py (Noto CJK via fontconfig):
order pages, payment-success pages, card-used errors, product pages, chat bubbles and a real-name
page; sans/serif, regular/bold, light/dark, PNG/JPEG, four phone sizes, scaled.

    python benchmarks/ocr_accuracy.py [--count 60] [--seed 1000] [--show-misses]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "data" / "ocr"))

import screens  # noqa: E402
from _common import screen_generator  # noqa: E402

from kameng_cli.ocr import engine  # noqa: E402
from kameng_cli.ocr.facts import read_page  # noqa: E402
from kameng_cli.ocr.sensitive import sensitive_boxes  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1000)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    screen_generator()
    chars_right = chars_total = 0
    fields_right = fields_total = 0
    kinds_right = 0
    secrets_found = secrets_total = 0
    per_field: Counter[str] = Counter()
    per_field_total: Counter[str] = Counter()
    misses: list[str] = []
    started = time.perf_counter()
    corpus = screens.corpus(args.count, args.seed)
    for screen in corpus:
        page, _timing = engine.recognise_image(screen.image)
        right, total = screens.char_accuracy(screen, page)
        chars_right += right
        chars_total += total
        reading = read_page(page, screens.case_of(screen), default_year=2024)
        read = screens.fields_read(reading)
        for name, expected in screen.fields.items():
            fields_total += 1
            per_field_total[name] += 1
            if read.get(name) == expected:
                fields_right += 1
                per_field[name] += 1
            else:
                misses.append(f"{screen.name} {name}: expected {expected!r}, read {read.get(name)!r}")
        if reading.kind == screen.expected_kind:
            kinds_right += 1
        else:
            misses.append(f"{screen.name} kind: expected {screen.expected_kind}, read {reading.kind}")
        hidden = " ".join(b.hint for b in sensitive_boxes(page))
        found_boxes = sensitive_boxes(page)
        for value in screen.sensitive:
            secrets_total += 1
            if any(_covers(b.hint, value) for b in found_boxes):
                secrets_found += 1
            else:
                misses.append(f"{screen.name} sensitive {value!r} not found (boxes: {hidden})")
    elapsed = time.perf_counter() - started
    print(f"screenshots:            {len(corpus)} ({Counter(s.kind for s in corpus)})")
    print(f"dark / jpeg / scaled:   {sum(s.dark for s in corpus)} / {sum(bool(s.jpeg) for s in corpus)} / "
          f"{sum(s.scale != 1.0 for s in corpus)}")
    print(f"character accuracy:     {100 * chars_right / chars_total:.2f} % ({chars_right}/{chars_total})")
    print(f"fields exactly right:   {100 * fields_right / fields_total:.2f} % ({fields_right}/{fields_total})  target ≥ 98 %")
    for name in sorted(per_field_total):
        print(f"  {name:<18} {per_field[name]}/{per_field_total[name]}")
    print(f"kind suggested right:   {kinds_right}/{len(corpus)}")
    print(f"sensitive values found: {secrets_found}/{secrets_total}")
    print(f"total time:             {elapsed:.1f} s (model load {engine.load_seconds or 0:.2f} s)")
    if args.show_misses or fields_right < fields_total:
        for line in misses:
            print("  miss:", line)


def _covers(hint: str, value: str) -> bool:
    """A box's masked hint keeps the first and last characters of what it hid."""
    compact = value.replace(" ", "")
    return bool(hint) and compact.startswith(hint[:2]) and compact.endswith(hint[-2:])


if __name__ == "__main__":
    main()
