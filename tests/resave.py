"""What happens to an export between the exporter and kameng — re-saved by an editor with other line
ends, encodings or a BOM, blanks left after the lines, blank lines added, the final newline lost —
as functions from the file's text to the bytes of the re-saved file. The robustness tests of every
format family parse each input through each of these."""

from __future__ import annotations

from collections.abc import Callable


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n")


def _trailing(blank: str, newline: str) -> Callable[[str], bytes]:
    return lambda text: newline.join(line + blank if line.strip() else line for line in _lines(text)).encode("utf-8")


VARIANTS: dict[str, Callable[[str], bytes]] = {
    "lf": lambda text: "\n".join(_lines(text)).encode("utf-8"),
    "crlf": lambda text: "\r\n".join(_lines(text)).encode("utf-8"),
    "utf-8-bom": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "gb18030-crlf": lambda text: "\r\n".join(_lines(text)).encode("gb18030", errors="replace"),
    "utf-16le-bom": lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
    "trailing-tabs": _trailing("\t", "\n"),
    "trailing-spaces-crlf": _trailing("  ", "\r\n"),
    "trailing-ideographic-space-crlf": _trailing("\u3000", "\r\n"),
    "blank-lines-at-end": lambda text: (text + "\n\n\n").encode("utf-8"),
    "no-final-newline": lambda text: text.rstrip("\r\n").encode("utf-8"),
}
