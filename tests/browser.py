"""Debian's headless Chromium through selenium, for the tests of web pages (network views, IRI pages, the
ontology's documentation), and what the tests read from it: console errors and every URL it asked for.

:func:`chromium` starts one browser; the ``browser`` fixture in conftest.py is an offline one per test module
(the pages must work without the network), and tests of pages served on loopback start their own with
``offline=False``.
"""
from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextlib.contextmanager
def chromium(profile: Path, *, window: str = "1400,900", offline: bool = True) -> Iterator[webdriver.Chrome]:
    """Chromium with its own profile folder, its console and every request in its logs; cut off from the
    network when ``offline``."""
    missing = [str(b) for b in (CHROMIUM, CHROMEDRIVER) if not b.exists()]
    if missing:
        pytest.fail(f"{', '.join(missing)} missing: run `bash .ci/setup.d/chromium.sh` (Debian chromium, chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--window-size={window}", f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        if offline:
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                                   {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        yield driver
    finally:
        driver.quit()


def errors_in_console(browser) -> list[dict]:
    return [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]


def requests_over_the_network(browser) -> list[str]:
    """Every URL the browser asked for over the network (http, https, ws, ftp) since the last look."""
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    resources = browser.execute_script("return performance.getEntriesByType('resource').map((e) => e.name);")
    return [u for u in urls + resources if re.match(r"(?i)(https?|wss?|ftp):", u)]
