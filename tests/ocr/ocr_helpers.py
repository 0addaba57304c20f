"""Hand-made OCR results: pages whose boxes and texts are given exactly, so reading rules can be
tested without the engine."""

from __future__ import annotations

from kameng_cli.ocr.layout import char_weight
from kameng_cli.ocr.model import OcrLine, OcrPage

WIDTH, HEIGHT = 1080, 2340
CHAR = 40  # pixels per CJK character


def line(text: str, x: int, y: int, confidence: float = 0.99) -> OcrLine:
    width = round(sum(char_weight(ch) for ch in text) * CHAR)
    return OcrLine(text=text, box=(x, y, width, 50), confidence=confidence)


def page(*rows: str | tuple[str, ...], clock: str | None = "10:05") -> OcrPage:
    """Each row is one text, or several texts side by side (a label and its right-aligned value)."""
    lines = [line(clock, 40, 20)] if clock else []
    for number, row in enumerate(rows):
        texts = (row,) if isinstance(row, str) else row
        x = 40
        for text in texts:
            made = line(text, x, 200 + number * 100)
            lines.append(made)
            x = made.box[0] + made.box[2] + 200
    return OcrPage(width=WIDTH, height=HEIGHT, lines=lines)


def wechat(screens, items: list[tuple[str, str]], *, size: tuple[int, int] = (1080, 2340), per_line: int = 14):
    """A WeChat-style chat screenshot (PIL image) as phones draw it: avatars at both edges, the other
    side's bubbles against the left avatar and the user's against the right one, 44 px text wrapped
    every `per_line` characters (a full line is ~60 % of the width and sits nearly centred), small
    centred time labels, and the input bar with 按住说话 / 发送. Items: ("time", "21:45"), ("me", text),
    ("them", text). An emoji is drawn by the CJK font as the box of a missing glyph, which OCR does not
    read but takes into the line's box (as a real emoji picture)."""
    from PIL import Image, ImageDraw

    width, height = size
    regular = "Noto Sans CJK SC:style=Regular"
    body = screens.font(regular, 44)
    image = Image.new("RGB", size, (237, 237, 237))
    draw = ImageDraw.Draw(image)
    draw.text((40, 30), "22:30", font=screens.font(regular, 40), fill=(0, 0, 0))
    draw.text((width // 2, 170), "鑫源游戏专营店", font=screens.font(regular, 48), fill=(0, 0, 0), anchor="mm")
    y = 300
    for kind, text in items:
        if kind == "time":
            draw.text((width // 2, y), text, font=screens.font(regular, 32), fill=(150, 150, 150), anchor="mm")
            y += 80
            continue
        lines = [text[i:i + per_line] for i in range(0, len(text), per_line)]
        bubble_w = max(draw.textlength(part, font=body) for part in lines) + 50
        bubble_h = len(lines) * 62 + 40
        if kind == "me":
            x0 = width - 150 - bubble_w
            draw.rounded_rectangle((x0, y, width - 150, y + bubble_h), 12, fill=(149, 236, 105))
            draw.rectangle((width - 130, y, width - 40, y + 90), fill=(80, 120, 200))
        else:
            x0 = 150
            draw.rounded_rectangle((x0, y, x0 + bubble_w, y + bubble_h), 12, fill=(255, 255, 255))
            draw.rectangle((40, y, 130, y + 90), fill=(200, 120, 80))
        for number, part in enumerate(lines):
            draw.text((x0 + 25, y + 20 + number * 62), part, font=body, fill=(0, 0, 0))
        y += bubble_h + 50
    draw.rectangle((0, height - 160, width, height), fill=(245, 245, 245))
    draw.text((60, height - 110), "按住说话", font=screens.font(regular, 40), fill=(0, 0, 0))
    draw.text((width - 150, height - 110), "发送", font=screens.font(regular, 40), fill=(0, 0, 0))
    return image
