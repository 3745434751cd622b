"""One headless Chromium per test session, driven by Playwright; pages that record their errors and requests."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

# Debian's package, or Homebrew's cask on macOS (both installed by the Makefile's set-up).
CHROMIUM = next((path for path in map(Path, filter(None, [
    os.environ.get("ARGMAP_CHROMIUM"), "/usr/bin/chromium", "/Applications/Chromium.app/Contents/MacOS/Chromium"]))
    if path.is_file()), Path("/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def pytest_collection_modifyitems(config, items):
    """Browser tests are skipped, with the reason, where Chromium or Playwright is missing."""
    reason = None
    if not CHROMIUM.is_file():
        reason = f"Chromium is not installed at {CHROMIUM} (make test installs it: apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "Playwright for Python is not installed (pip install -e '.[dev]')"
    if reason is None:
        return
    from tests.conftest import TOOL

    reason = TOOL + reason
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """A fresh Chromium profile; Playwright's own browser download is never used."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), headless=True,
            args=ARGS, viewport={"width": 1280, "height": 800})
        try:
            yield context
        finally:
            context.close()


@dataclass
class Watched:
    """A page, and what it did: its console errors and uncaught exceptions, and every request it made."""

    page: Any
    problems: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def evaluate(self, script: str, argument: Any = None) -> Any:
        return self.page.evaluate(script, argument)


@pytest.fixture
def page(browser):
    watched = Watched(browser.new_page())
    watched.page.on("console", lambda message: message.type == "error" and watched.problems.append(message.text))
    watched.page.on("pageerror", lambda error: watched.problems.append(str(error)))
    watched.page.on("request", lambda request: watched.requests.append(request.url))
    watched.page.set_default_timeout(10_000)
    try:
        yield watched
    finally:
        watched.page.close()
