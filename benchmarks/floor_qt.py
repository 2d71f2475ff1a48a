"""floor_qt: a bare PySide6 process that shows an empty QMainWindow, grabs it and exits.

``benchmarks/run.py`` times this whole process, as it times ``mentordesk gui --screenshot`` at the
same window size (the argument, ``WIDTHxHEIGHT``; 1280x800 without one). It imports nothing but
PySide6, so that the floor is the platform's own cost and nothing else.
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402 (after the platform is chosen)

width, height = (int(v) for v in (sys.argv[1] if len(sys.argv) > 1 else "1280x800").split("x"))
app = QApplication([])
window = QMainWindow()
window.resize(width, height)
window.show()
app.processEvents()
window.grab()
os._exit(0)  # the screenshot run skips the teardown too
