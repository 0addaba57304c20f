"""`kameng redact E03`: make the redacted copy of a screenshot used in drafts, preview it, and add
boxes to black out by hand."""

from __future__ import annotations

from pathlib import Path

import typer

from ..i18n import t
from .env import get_env
from .options import JSON


def register(app: typer.Typer) -> None:
    app.command("redact", help="Black out personal data in a screenshot for drafts. / 截图打码")(redact)


def redact(
    ctx: typer.Context,
    exhibit: str = typer.Argument(..., help="Exhibit id, e.g. E03.", metavar="EXHIBIT"),
    preview: bool = typer.Option(False, "--preview", help="Write a PNG that shows what is blacked out."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Where --preview writes (default: drafts/E03-redact-preview.png)."),
    box: list[str] = typer.Option([], "--box", help="x,y,w,h in pixels to black out as well (repeatable; kept in the case)."),
    clear: bool = typer.Option(False, "--clear", help="Forget the boxes added by hand for this exhibit."),
    as_json: bool = JSON,
) -> None:
    from ..errors import UserInputError
    from ..i18n import get_lang
    from ..ocr.redact import add_manual_boxes, clear_manual_boxes, parse_box, redacted_image
    from ..ocr.redact import preview as write_preview

    env = get_env(ctx)
    store = env.store()
    record = store.exhibit(exhibit)
    exhibit_id = record.id
    if not record.media_type.startswith("image/"):
        raise UserInputError("redact.not_image", id=exhibit_id, media_type=record.media_type)
    boxes = [parse_box(value) for value in box]  # all checked before anything is written
    for text in _check_inside(record.facts, boxes, box):
        env.warn(t("redact.box_clipped", value=text, width=record.facts.get("width"), height=record.facts.get("height")))
    if clear:
        clear_manual_boxes(store, exhibit_id)
        env.info(t("redact.boxes_cleared", id=exhibit_id))
    if boxes:
        saved = add_manual_boxes(store, exhibit_id, boxes)
        env.info(t("redact.boxes_saved", count=len(saved)))
    result = redacted_image(store, exhibit_id)
    preview_path = None
    if preview:
        preview_path = output or store.paths.drafts / f"{exhibit_id}-redact-preview.png"
        write_preview(result, preview_path)
    if as_json:
        env.emit_json({"schema": "kameng.redact/1", **result.to_json(),
                       "preview": str(preview_path) if preview_path else None})
        return
    if not result.boxes:
        env.console.print(t("redact.none"))
    lang = get_lang()
    for number, item in enumerate(result.boxes, start=1):
        x, y, w, h = item.box
        env.console.print(f"  {number:>2}  {t('redact.reason.' + item.reason, lang):<8} {x},{y},{w},{h}  {item.hint}", markup=False)
    env.console.print(t("redact.written", path=str(result.path)), markup=False)
    if preview_path:
        env.console.print(t("redact.preview_written", path=str(preview_path)), markup=False)
    if not result.ocr_used:
        from rich.markup import escape

        env.warn(escape(t("redact.no_ocr")))  # "kameng[ocr]" is not a style tag


def _check_inside(facts: dict[str, object], boxes: list[tuple[int, int, int, int]], raw: list[str]) -> list[str]:
    """Refuse a box wholly outside the image; return the boxes that only partly fit (they are cut to
    the image, and the user is told)."""
    from ..errors import UserInputError

    width, height = facts.get("width"), facts.get("height")
    if not isinstance(width, int) or not isinstance(height, int):
        return []
    # EXIF-rotated photos swap the sides; accept a box that fits either way round.
    side = max(width, height)
    partly = []
    for (x, y, w, h), text in zip(boxes, raw, strict=True):
        if x >= side or y >= side:
            raise UserInputError("redact.box_outside", value=text, width=width, height=height)
        if x + w > side or y + h > side or (x + w > width and y + h > height):
            partly.append(text)
    return partly
