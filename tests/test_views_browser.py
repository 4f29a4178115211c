"""The views in a real browser: Debian's Chromium, headless, driven by selenium through
Debian's chromedriver (never a downloaded browser). One browser for the module; every
page must load without console errors, show its nodes, and is photographed into the
test's temporary folder. The hostile graph's pages must show its HTML as text and run
none of it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    GRAPH_CATALOGUE,
    GRAPH_SOFTWARE_VERSION,
    HOSTILE_NAME,
    HOSTILE_QUOTE,
    graph_proposition,
    hostile_letter,
)

from kg.engine import Engine
from kg.graph.build import build_dataset
from kg.views import write_views

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1400,1000",
)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="Chromium and chromedriver are not installed "
    "(apt-get install chromium chromium-driver; .ci/run installs them)",
)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")

NETWORK_NODES = "return window.helsekg ? window.helsekg.nodes.length : -1"
SANKEY_BANDS = "return document.querySelectorAll('section.sankey:not([hidden]) svg path').length"
INDEX_ITEMS = "return document.querySelectorAll('ul.pages li:not(.hidden)').length"

DEMO_PAGES = [
    ("index.html", INDEX_ITEMS),
    ("overview.html", NETWORK_NODES),
    ("funding.html", NETWORK_NODES),
    ("governance.html", NETWORK_NODES),
    ("sankey.html", SANKEY_BANDS),
    ("actors/helsedirektoratet.html", NETWORK_NODES),
    ("schemes/*.html", NETWORK_NODES),  # the first grant scheme's page
]
HOSTILE_PAGES = [
    ("index.html", INDEX_ITEMS),
    ("overview.html", NETWORK_NODES),
    ("actors/tilskudd-script-alert-navn-script-as.html", NETWORK_NODES),
    ("schemes/ordning-img-src-x-onerror-alert-1.html", NETWORK_NODES),
    ("sankey.html", SANKEY_BANDS),
]


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def demo_site(demo_graph_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("demo-views")
    write_views(Engine.open(demo_graph_dir), site)
    return site


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dataset = build_dataset(
        (graph_proposition(), hostile_letter()),
        software_version=GRAPH_SOFTWARE_VERSION,
        catalogue=GRAPH_CATALOGUE,
    )
    site = tmp_path_factory.mktemp("hostile-views")
    write_views(Engine.of(dataset), site)
    return site


def open_page(browser: Any, page: Path, shots: Path, name: str) -> list[dict[str, Any]]:
    """Load ``page`` (a pattern: the first match); its console errors; a screenshot saved
    as ``name``.png."""
    page = sorted(page.parent.glob(page.name))[0] if "*" in page.name else page
    assert page.is_file(), page
    browser.get(page.as_uri())
    browser.execute_script("return document.readyState")  # raises if an alert is open
    browser.save_screenshot(str(shots / f"{name}.png"))
    return [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]


@pytest.mark.parametrize(("page", "count"), DEMO_PAGES, ids=[p for p, _ in DEMO_PAGES])
def test_browser_demo_page_loads_and_shows_nodes(
    browser: Any, demo_site: Path, shots: Path, page: str, count: str
) -> None:
    errors = open_page(
        browser, demo_site / page, shots, "demo-" + page.replace("/", "-").replace("*", "first")
    )
    assert errors == []
    assert browser.execute_script(count) > 0


@pytest.mark.parametrize(("page", "count"), HOSTILE_PAGES, ids=[p for p, _ in HOSTILE_PAGES])
def test_browser_hostile_text_is_shown_not_run(
    browser: Any, hostile_site: Path, shots: Path, page: str, count: str
) -> None:
    errors = open_page(browser, hostile_site / page, shots, "hostile-" + page.replace("/", "-"))
    assert errors == []
    assert browser.execute_script(count) > 0
    injected = (
        "return document.querySelectorAll('main script:not([type]), main img, iframe').length"
    )
    assert browser.execute_script(injected) == 0


def test_browser_hostile_name_reads_as_written(
    browser: Any, hostile_site: Path, shots: Path
) -> None:
    open_page(browser, hostile_site / "index.html", shots, "hostile-index-text")
    assert HOSTILE_NAME in browser.find_element("tag name", "main").text
    page = hostile_site / "actors" / "tilskudd-script-alert-navn-script-as.html"
    open_page(browser, page, shots, "hostile-actor-text")
    assert browser.find_element("tag name", "h1").text == HOSTILE_NAME
    assert HOSTILE_QUOTE in browser.find_element("tag name", "table").text


def test_browser_filters_by_type_and_year(browser: Any, demo_site: Path, shots: Path) -> None:
    open_page(browser, demo_site / "funding.html", shots, "demo-funding-filtered")
    every_year = browser.execute_script(
        "document.getElementById('year').value = '';"
        "document.getElementById('year').dispatchEvent(new Event('change'));" + NETWORK_NODES
    )
    one_type = browser.execute_script(
        "document.querySelectorAll('.type-filter').forEach(function (box) {"
        "  if (box.value !== 'directorate') { box.click(); } });" + NETWORK_NODES
    )
    assert 0 < one_type < every_year
