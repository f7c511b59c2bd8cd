"""Opening unterm's pages in a real browser: Debian's Chromium, headless, driven by
Playwright (never Playwright's own browser download), with no network."""

from __future__ import annotations

import shutil

from tests.support.corpora import ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"  # screenshots the browser tests keep, to be looked at
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# what this machine's closed network needs (no background fetches) and a root sandbox
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NO_CHROMIUM = "no Chromium installed (Debian package chromium; `make test` installs it as root)"
