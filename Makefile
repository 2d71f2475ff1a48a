# MentorDesk: `make run` opens the app, `make test` checks everything. Both set themselves up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
export MPLCONFIGDIR := $(CURDIR)/.cache/matplotlib
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# Qt's runtime libraries (offscreen) and, for a real window under Xvfb and the bundle, the xcb set.
QT_DEBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
XVFB_DEBS := xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-image0 \
	libxcb-render-util0 libxcb-shape0 libxcb-randr0

.PHONY: run test lint typecheck pytest test-slow bench venv system-deps clean screenshots bundle \
	install-desktop translations

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,bundle]'
	rm -f $(VENV)/.installed-*
	touch $@

# Installs missing Debian packages when running as root on Debian/Ubuntu; otherwise says what is missing.
system-deps:
	@missing=""; for p in $(QT_DEBS) $(XVFB_DEBS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing Qt's system libraries:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	elif ! command -v dpkg-query >/dev/null; then exit 0; \
	else echo "Qt needs these packages; install them with: sudo apt-get install$$missing"; fi

run: venv
	$(BIN)/mentordesk

lint: venv
	$(BIN)/ruff check mentordesk tests $(wildcard benchmarks)
	$(BIN)/ruff format --check mentordesk tests $(wildcard benchmarks)

typecheck: venv
	$(BIN)/mypy

pytest: venv system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not slow" -p no:cacheprovider

test: lint typecheck pytest

test-slow: venv system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m slow -p no:cacheprovider

# README screenshots: every tab on the sample data, light and dark.
SHOTS := resources/screenshots
screenshots: venv system-deps
	rm -rf .cache/shots && mkdir -p .cache/shots $(SHOTS)
	$(BIN)/mentordesk --db .cache/shots/demo.db demo --seed 1 >/dev/null
	for tab in mentors calendar goals insights; do for theme in light dark; do \
		QT_QPA_PLATFORM=offscreen $(BIN)/mentordesk --db .cache/shots/demo.db gui --tab $$tab --theme $$theme \
			--size 1280x800 --screenshot $(SHOTS)/$$tab-$$theme.png || exit 1; \
	done; done
	@ls $(SHOTS)

bench: venv system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py --write BENCHMARKS.md

# The one-folder bundle in dist/MentorDesk/. Qt's xcb plugin needs the Xvfb library list on the
# build machine, or the bundle cannot open a real window.
bundle: venv system-deps translations
	@missing=""; for p in $(XVFB_DEBS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then echo "make bundle needs:$$missing (sudo apt-get install$$missing)"; exit 1; fi
	$(BIN)/pyinstaller build.spec --noconfirm --clean --log-level WARN
	QT_QPA_PLATFORM=offscreen dist/MentorDesk/MentorDesk --self-test

# Extract the interface's strings into the English source catalogue, then build a .qm for every
# translation. To add a language: copy mentordesk_en.ts to mentordesk_<locale>.ts, translate it with
# $(BIN)/pyside6-linguist and run make translations again. Below the interface, texts a person reads
# are marked with mentordesk.domain.text (translate / QT_TRANSLATE_NOOP) in the folders listed here.
TS_DIR := resources/translations
TS_SOURCES := mentordesk/ui mentordesk/domain mentordesk/services mentordesk/charts mentordesk/formats
translations: venv
	$(BIN)/pyside6-lupdate $$(find $(TS_SOURCES) -name '*.py' | sort) -source-language en -no-obsolete \
		-locations relative -ts $(sort $(TS_DIR)/mentordesk_en.ts $(wildcard $(TS_DIR)/*.ts))
	for ts in $(TS_DIR)/*.ts; do $(BIN)/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm || exit 1; done

DESKTOP_DIR := $(HOME)/.local/share
install-desktop: venv
	install -d $(DESKTOP_DIR)/applications $(DESKTOP_DIR)/metainfo
	exe="$(CURDIR)/$(BIN)/mentordesk-gui"; [ -x dist/MentorDesk/MentorDesk ] && exe="$(CURDIR)/dist/MentorDesk/MentorDesk"; \
		sed "s|^Exec=.*|Exec=$$exe|" resources/io.mentordesk.MentorDesk.desktop > $(DESKTOP_DIR)/applications/io.mentordesk.MentorDesk.desktop
	install -m 644 resources/io.mentordesk.MentorDesk.metainfo.xml $(DESKTOP_DIR)/metainfo/
	for size in 16 32 48 64 128 256 512; do \
		install -d $(DESKTOP_DIR)/icons/hicolor/$${size}x$${size}/apps; \
		install -m 644 resources/icons/hicolor/mentordesk-$$size.png $(DESKTOP_DIR)/icons/hicolor/$${size}x$${size}/apps/io.mentordesk.MentorDesk.png; \
	done
	install -d $(DESKTOP_DIR)/icons/hicolor/scalable/apps
	install -m 644 resources/icons/mentordesk.svg $(DESKTOP_DIR)/icons/hicolor/scalable/apps/io.mentordesk.MentorDesk.svg
	@echo "MentorDesk is in your applications menu"

clean:
	rm -rf $(VENV) .cache build dist .mypy_cache .ruff_cache .pytest_cache
