"""Screenshots and PDF pages drawn onto Typst pages without re-encoding: read back, pixel for pixel."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from kameng_cli.draft.overlay import draw_image, draw_pdf_page, raster_image

DATA = Path(__file__).parent / "data"


def _blank_pdf(writer: PdfWriter) -> None:
    writer.add_blank_page(width=595.276, height=841.89)


def _roundtrip(path: Path) -> tuple[Image.Image, bytes]:
    writer = PdfWriter()
    _blank_pdf(writer)
    draw_image(writer, writer.pages[0], "/KamengX0", raster_image(path), (62.0, 68.0, 470.0, 590.0))
    out = io.BytesIO()
    writer.write(out)
    page = PdfReader(io.BytesIO(out.getvalue())).pages[0]
    [image] = page.images
    return image.image, out.getvalue()


def _image(tmp_path: Path, mode: str, name: str, **save: object) -> tuple[Path, Image.Image]:
    colour = {"RGB": (200, 30, 60), "RGBA": (200, 30, 60, 255), "L": 90, "P": 3, "I;16": 3000}[mode]
    image = Image.new(mode, (64, 40), colour)
    for x in range(0, 64, 4):
        image.putpixel((x, x % 40), {"RGB": (0, 0, 0), "RGBA": (0, 0, 0, 0), "L": 255, "P": 7, "I;16": 0}[mode])
    path = tmp_path / name
    image.save(path, **save)
    return path, image


def test_png_data_is_embedded_as_it_is() -> None:
    path = DATA / "payment.png"
    decoded, pdf = _roundtrip(path)
    with Image.open(path) as original:
        assert decoded.convert("RGB").tobytes() == original.convert("RGB").tobytes()
    idat_size = len(path.read_bytes())
    assert len(pdf) < idat_size + 3000  # no re-compression: the PDF is the PNG plus a little


@pytest.mark.parametrize(("mode", "name", "save"), [
    ("RGBA", "alpha.png", {}),
    ("P", "palette.png", {}),
    ("L", "grey.png", {}),
    ("RGB", "plain.png", {}),
    ("RGB", "photo.gif", {}),
    ("RGB", "photo.webp", {"lossless": True}),
])
def test_other_images_are_converted_and_still_exact(tmp_path: Path, mode: str, name: str, save: dict) -> None:
    path, original = _image(tmp_path, mode, name, **save)
    decoded, _pdf = _roundtrip(path)
    with Image.open(path) as reread:
        expected = reread.convert("RGBA")
    flat = Image.new("RGB", expected.size, (255, 255, 255))
    flat.paste(expected, mask=expected.getchannel("A"))
    assert decoded.size == original.size
    assert decoded.convert("RGB").tobytes() == flat.tobytes()


def test_jpeg_goes_in_as_dct(tmp_path: Path) -> None:
    path, _ = _image(tmp_path, "RGB", "photo.jpg", quality=90)
    image = raster_image(path)
    assert image.stream["/Filter"] == "/DCTDecode" and image.stream._data == path.read_bytes()
    decoded, _pdf = _roundtrip(path)
    assert decoded.size == (64, 40)


def test_pdf_pages_are_drawn_with_their_rotation(tmp_path: Path) -> None:
    source = PdfReader(DATA / "order.pdf")
    rotated = PdfWriter()
    rotated.add_page(source.pages[0])
    rotated.pages[0].rotate(90)
    rotated_path = tmp_path / "rotated.pdf"
    rotated.write(rotated_path)
    writer = PdfWriter()
    for _ in range(2):
        _blank_pdf(writer)
    draw_pdf_page(writer, writer.pages[0], "/KamengX0", source.pages[1])
    draw_pdf_page(writer, writer.pages[1], "/KamengX1", PdfReader(rotated_path).pages[0])
    out = io.BytesIO()
    writer.write(out)
    result = PdfReader(io.BytesIO(out.getvalue()))
    assert "商品页" in result.pages[0].extract_text()
    assert "订单详情" in result.pages[1].extract_text()
    content = result.pages[1].get_contents().get_data()
    assert b"0 -1 1 0 0 " in content  # the 90° rotation is applied to the drawn page
