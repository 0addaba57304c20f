"""Drawing exhibits onto placeholder pages of the Typst PDF, without re-encoding them.

- A screenshot is embedded as its own compressed data: a PNG's IDAT stream with the PNG predictor
  declared (/DecodeParms /Predictor 15), a JPEG as /DCTDecode. Other images (alpha, palette,
  16-bit, interlaced, GIF, WebP, ...) are first converted to an 8-bit RGB PNG with Pillow. Typst would
  decode and re-compress every screenshot without PNG filters, which made bundles ~1.6x bigger.
- A PDF page becomes a Form XObject holding its content stream and resources, drawn under the
  placeholder page's stamp. Nothing is parsed, so merging costs microseconds per page (pypdf's
  merge_page parses every content stream).
Both are added as a separate content stream in front of the page's own, wrapped in q/Q.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass
class RasterImage:
    width: int
    height: int
    stream: Any  # pypdf EncodedStreamObject, ready to be added to a writer


def _png_parts(data: bytes) -> tuple[dict[str, int], bytes] | None:
    """IHDR fields and the joined IDAT data of a PNG, or None if it is not a PNG."""
    if not data.startswith(_PNG_SIGNATURE):
        return None
    pos, header, idat = 8, {}, []
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _comp, _filter, interlace = struct.unpack(">IIBBBBB", body)
            header = {"width": width, "height": height, "depth": depth, "colour": colour, "interlace": interlace}
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    return (header, b"".join(idat)) if header and idat else None


def _as_plain_png(path: Path) -> bytes:
    """Any image Pillow reads → 8-bit RGB PNG bytes (alpha flattened on white)."""
    from PIL import Image, ImageOps

    with Image.open(path) as opened:
        image = ImageOps.exif_transpose(opened) or opened
        if image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info:
            rgba = image.convert("RGBA")
            flat = Image.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
            image = flat
        elif image.mode != "RGB":
            image = image.convert("RGB")
        out = io.BytesIO()
        image.save(out, "PNG", compress_level=6)
        return out.getvalue()


def raster_image(path: Path) -> RasterImage:
    from pypdf.generic import DictionaryObject, EncodedStreamObject, NameObject, NumberObject

    data = path.read_bytes()
    stream = EncodedStreamObject()
    if data.startswith(b"\xff\xd8"):
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            mode, (width, height) = image.mode, image.size
            orientation = image.getexif().get(0x0112, 1)
        if mode in ("RGB", "L") and orientation in (None, 1):
            stream._data = data  # DCT data goes in as it is
            stream.update({
                NameObject("/Filter"): NameObject("/DCTDecode"),
                NameObject("/ColorSpace"): NameObject("/DeviceRGB" if mode == "RGB" else "/DeviceGray"),
                NameObject("/BitsPerComponent"): NumberObject(8),
            })
            return _finish(stream, width, height)
        data = _as_plain_png(path)
    parts = _png_parts(data)
    if parts is None or not (parts[0]["depth"] == 8 and parts[0]["colour"] in (0, 2) and parts[0]["interlace"] == 0):
        parts = _png_parts(_as_plain_png(path))
    assert parts is not None
    header, idat = parts
    colours = 3 if header["colour"] == 2 else 1
    stream._data = idat
    stream.update({
        NameObject("/Filter"): NameObject("/FlateDecode"),
        NameObject("/ColorSpace"): NameObject("/DeviceRGB" if colours == 3 else "/DeviceGray"),
        NameObject("/BitsPerComponent"): NumberObject(8),
        NameObject("/DecodeParms"): DictionaryObject({
            NameObject("/Predictor"): NumberObject(15), NameObject("/Colors"): NumberObject(colours),
            NameObject("/BitsPerComponent"): NumberObject(8), NameObject("/Columns"): NumberObject(header["width"]),
        }),
    })
    return _finish(stream, header["width"], header["height"])


def _finish(stream: Any, width: int, height: int) -> RasterImage:
    from pypdf.generic import NameObject, NumberObject

    stream.update({
        NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Image"),
        NameObject("/Width"): NumberObject(width), NameObject("/Height"): NumberObject(height),
    })
    return RasterImage(width, height, stream)


def _prepend(writer: Any, page: Any, name: str, xobject_ref: Any, operators: str) -> None:
    """Register `xobject_ref` as `name` in the page's resources and draw it before the page's content."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

    resources = page.get("/Resources")
    if resources is None:
        resources = DictionaryObject()
        page[NameObject("/Resources")] = resources
    resources = resources.get_object()
    xobjects = resources.get("/XObject")
    if xobjects is None:
        xobjects = DictionaryObject()
        resources[NameObject("/XObject")] = xobjects
    xobjects.get_object()[NameObject(name)] = xobject_ref
    content = DecodedStreamObject()
    content.set_data(f"q {operators} {name} Do Q\n".encode("ascii"))
    first = writer._add_object(content)
    existing = page.get("/Contents")
    items = [] if existing is None else list(existing.get_object()) if isinstance(existing.get_object(), list) else [existing]
    page[NameObject("/Contents")] = ArrayObject([first, *items])


def draw_image(writer: Any, page: Any, name: str, image: RasterImage, box: tuple[float, float, float, float]) -> None:
    """Draw `image` fitted into `box` (x, y from the bottom-left, width, height), top-aligned, centred."""
    x, y, width, height = box
    scale = min(width / image.width, height / image.height)
    drawn_w, drawn_h = image.width * scale, image.height * scale
    left = x + (width - drawn_w) / 2
    bottom = y + height - drawn_h
    ref = writer._add_object(image.stream)
    _prepend(writer, page, name, ref, f"{drawn_w:.3f} 0 0 {drawn_h:.3f} {left:.3f} {bottom:.3f} cm")


def draw_pdf_page(writer: Any, page: Any, name: str, source_page: Any) -> None:
    """Draw a page of another PDF (rotation and cropping origin respected) under `page`'s content."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, FloatObject, NameObject

    contents = source_page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if contents is not None and not isinstance(contents, list):
        form = contents.clone(writer)
    else:
        form = DecodedStreamObject()
        form.set_data(b"\n".join(part.get_object().get_data() for part in (contents or [])))
        form = form.flate_encode()
    box = source_page.mediabox
    left, bottom, right, top = (float(v) for v in (box.left, box.bottom, box.right, box.top))
    resources = source_page.get("/Resources")
    form.update({
        NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject([FloatObject(v) for v in (left, bottom, right, top)]),
    })
    if resources is not None:
        form[NameObject("/Resources")] = resources.get_object().clone(writer)
    width, height = right - left, top - bottom
    rotate = {90: f"0 -1 1 0 0 {width:.3f}", 180: f"-1 0 0 -1 {width:.3f} {height:.3f}",
              270: f"0 1 -1 0 {height:.3f} 0"}.get(source_page.rotation % 360, "1 0 0 1 0 0")
    ref = form.indirect_reference if getattr(form, "indirect_reference", None) is not None else writer._add_object(form)
    _prepend(writer, page, name, ref, f"{rotate} cm 1 0 0 1 {-left:.3f} {-bottom:.3f} cm")
