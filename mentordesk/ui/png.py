"""Writing a window picture as PNG, quickly.

Qt's PNG writer spends about 45 ms on a 1400 x 900 window even at no compression (it tries
libpng's row filters on every row). A window picture compresses well unfiltered, so this writes
the rows as they are with zlib's fastest level: about 20 ms and a file of the same size.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PySide6.QtGui import QImage, QPixmap

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(picture: QImage | QPixmap) -> bytes:
    """The picture as an 8-bit RGB PNG (any alpha is dropped: a window is opaque)."""
    image = picture.toImage() if isinstance(picture, QPixmap) else picture
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    pixels = memoryview(rgb.constBits()).cast("B")
    row = width * 3
    # Each row starts with its filter type: 0, none.
    raw = b"".join(b"\x00" + pixels[y * stride : y * stride + row] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        PNG_SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 1))
        + _chunk(b"IEND", b"")
    )


def save_png(picture: QImage | QPixmap, path: Path) -> None:
    """Write the picture to ``path`` as PNG (raises OSError when the file cannot be written)."""
    path.write_bytes(png_bytes(picture))
