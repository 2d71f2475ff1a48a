"""The screenshot's PNG writer: what Qt reads back is the picture, pixel for pixel."""

from __future__ import annotations

import zlib

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

from mentordesk.ui.png import PNG_SIGNATURE, adler32_combine, png_bytes, save_png


def _chunks(data: bytes) -> dict[bytes, bytes]:
    found, at = {}, len(PNG_SIGNATURE)
    while at < len(data):
        length = int.from_bytes(data[at : at + 4], "big")
        kind = data[at + 4 : at + 8]
        found[kind] = data[at + 8 : at + 8 + length]
        assert zlib.crc32(kind + found[kind]) == int.from_bytes(
            data[at + 8 + length : at + 12 + length], "big"
        )
        at += 12 + length
    return found


def _picture(width: int, height: int, fmt: QImage.Format = QImage.Format.Format_RGB32) -> QImage:
    image = QImage(width, height, fmt)
    image.fill(QColor("#fafafa"))
    painter = QPainter(image)
    painter.fillRect(QRect(0, 0, width // 3, height), QColor("#0072B2"))
    painter.fillRect(QRect(width // 2, height // 2, width // 4, height // 4), QColor(230, 159, 0))
    painter.drawText(QRect(0, 0, width, height), 0, "Ana Ruiz 10:00")
    painter.end()
    for x in range(width):  # a gradient row: every column differs
        image.setPixelColor(x, height - 1, QColor(x % 256, (x * 7) % 256, 255 - x % 256))
    return image


@pytest.mark.parametrize("size", [(1, 1), (3, 2), (37, 11), (1400, 900)])
def test_qt_reads_back_the_same_pixels(qapp, size):
    image = _picture(*size)
    data = png_bytes(image)
    assert data.startswith(PNG_SIGNATURE)
    back = QImage.fromData(data, "PNG")
    assert (back.width(), back.height()) == size
    expected = image.convertToFormat(QImage.Format.Format_RGB32)
    assert back.convertToFormat(QImage.Format.Format_RGB32) == expected


def test_a_pixmap_and_a_translucent_image_are_written_opaque(qapp, tmp_path):
    translucent = _picture(50, 20, QImage.Format.Format_ARGB32)
    translucent.setPixelColor(3, 3, QColor(10, 20, 30, 0))
    out = tmp_path / "shot.png"
    save_png(QPixmap.fromImage(translucent), out)
    back = QImage(str(out))
    assert not back.hasAlphaChannel()
    assert back.pixelColor(40, 5) == translucent.pixelColor(40, 5)
    assert back.pixelColor(3, 3).alpha() == 255


def test_a_window_picture_stays_small(qapp):
    image = _picture(1400, 900)
    assert len(png_bytes(image)) < 1400 * 900 * 3 / 20


def test_an_unwritable_place_raises_oserror(qapp, tmp_path):
    with pytest.raises(OSError):
        save_png(_picture(10, 10), tmp_path / "missing" / "shot.png")


@pytest.mark.parametrize("size", [(1, 1), (3, 2), (37, 11), (1400, 900)])
def test_the_image_data_is_one_checked_zlib_stream_of_filtered_rows(qapp, size):
    image = _picture(*size)
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = size
    rows = [bytes(rgb.constScanLine(y))[: width * 3] for y in range(height)]
    # zlib checks the stream's Adler-32 and that it ends where the data ends.
    assert zlib.decompress(_chunks(png_bytes(image))[b"IDAT"]) == b"".join(b"\x00" + r for r in rows)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (b"", b""),
        (b"window", b""),
        (b"", b"window"),
        (b"\x00" * 4200, b"\xff" * 4201),
        (b"\xff" * 70_000, b"\xff" * 65_521),  # the second as long as Adler-32's modulus
        (bytes(range(256)) * 300, bytes(range(255, -1, -1)) * 777),
    ],
)
def test_two_checksums_combine_into_the_checksum_of_both(first, second):
    combined = adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second))
    assert combined == zlib.adler32(first + second)


@pytest.mark.parametrize("ratio", [2, 1.5, 1.25])
@pytest.mark.parametrize("size", [(74, 22), (75, 23)])
def test_a_picture_of_a_high_dpi_screen_keeps_every_pixel(qapp, ratio, size):
    width, height = size
    image = _picture(width, height)
    image.setDevicePixelRatio(ratio)  # as a window grabbed on a high-DPI screen
    back = QImage.fromData(png_bytes(image), "PNG").convertToFormat(QImage.Format.Format_RGB32)
    assert (back.width(), back.height()) == size
    expected = image.convertToFormat(QImage.Format.Format_RGB32)
    assert all(back.pixel(x, y) == expected.pixel(x, y) for y in range(height) for x in range(width))


def test_the_screenshot_is_the_window_as_drawn(qapp, qtbot):
    """Offscreen, the screenshot reads the backing store's own image: it must be the whole window
    as its last frame drew it, the same pixels a fresh drawing of the window gives."""
    from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

    from mentordesk.ui.app import _window_image

    window = QMainWindow()
    body = QWidget()
    layout = QVBoxLayout(body)
    label = QLabel("First frame")
    layout.addWidget(label)
    layout.addWidget(QPushButton("A button"))
    window.setCentralWidget(body)
    window.resize(420, 260)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.backingStore().paintDevice().size() == window.size())  # first frame
    label.setText("Changed after the first frame")  # the picture must follow it

    picture = _window_image(qapp, window)
    assert isinstance(picture, QImage)  # the backing store's image, not a drawing of the window
    image = picture.copy()  # as it is now: the backing store's image is the window's live buffer
    drawn = window.grab().toImage()
    assert image.size() == drawn.size() == window.size() * image.devicePixelRatio()
    fmt = QImage.Format.Format_RGB32
    assert image.convertToFormat(fmt) == drawn.convertToFormat(fmt)
