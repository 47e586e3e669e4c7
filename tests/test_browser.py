"""The web page in a real headless Chromium (Debian's chromium and chromedriver), with the network cut off.

.ci/run installs chromium and chromium-driver; without them this module fails, it does not skip.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.server import Server

CZ = "https://w3id.org/smartgraph/id/country/cz"


@pytest.fixture(scope="module")
def server(built_store: Path) -> Iterator[Server]:
    s = Server(built_store)
    yield s
    s.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    assert chromium and driver_path, "Debian's chromium and chromium-driver are needed: apt-get install chromium chromium-driver"
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--lang=zh-TW", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"):  # no internet: only loopback resolves
        opts.add_argument(arg)
    drv = webdriver.Chrome(service=Service(driver_path), options=opts)
    yield drv
    drv.quit()


def wait(drv: webdriver.Chrome, seconds: float = 20) -> WebDriverWait:  # type: ignore[type-arg]
    return WebDriverWait(drv, seconds)


def rows(drv: webdriver.Chrome, table: str = "query-results") -> list[str]:
    return [r.text for r in drv.find_elements(By.CSS_SELECTOR, f"#{table} tbody tr")]


def test_canned_query_language_switch_and_entity_page(browser: webdriver.Chrome, server: Server, tmp_path: Path) -> None:
    browser.get(server.url + "/?lang=zh-Hant")
    wait(browser).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    assert browser.find_element(By.CSS_SELECTOR, "a[href='#queries']").text == "查詢"

    Select(browser.find_element(By.ID, "query-select")).select_by_value("officials")
    browser.find_element(By.ID, "param-country").send_keys(CZ)
    browser.find_element(By.ID, "query-run").click()
    wait(browser).until(lambda d: len(rows(d)) > 0)
    zh_rows = rows(browser)
    assert len(zh_rows) == 3 and all("捷克" in r for r in zh_rows)
    assert "3 筆結果" in browser.find_element(By.ID, "query-status").text

    browser.find_element(By.ID, "lang-switch").click()
    wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, "a[href='#queries']").text == "Queries")
    wait(browser).until(lambda d: rows(d) and all("捷克" not in r for r in rows(d)))
    en_rows = rows(browser)
    assert len(en_rows) == 3 and all("Czech" in r for r in en_rows)
    assert browser.find_element(By.ID, "param-lang").get_attribute("value") == "en"

    link = browser.find_element(By.CSS_SELECTOR, "#query-results tbody tr td a.entity")
    name = link.text
    link.click()
    wait(browser).until(ec.presence_of_element_located((By.ID, "entity-label")))
    assert browser.find_element(By.ID, "entity-label").text == name
    marks = browser.find_elements(By.CSS_SELECTOR, "#facts mark")
    assert marks and all(m.text.strip() for m in marks)
    browser.find_element(By.ID, "lang-switch").click()
    wait(browser).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-Hant")
    assert "事實與來源" in browser.find_element(By.ID, "facts").text

    # every asset came from this server: nothing was fetched from elsewhere
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(r.startswith(server.url) for r in resources)


def test_sparql_editor(browser: webdriver.Chrome, server: Server) -> None:
    browser.get(server.url + "/?lang=en#sparql")
    wait(browser).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    box = browser.find_element(By.ID, "sparql-text")
    box.clear()
    box.send_keys("SELECT ?city WHERE { ?city a <https://schema.org/City> } LIMIT 4")
    browser.find_element(By.ID, "sparql-run").click()
    wait(browser).until(lambda d: len(rows(d, "sparql-results")) == 4)
    box.clear()
    box.send_keys("SELECT WHERE {")
    browser.find_element(By.ID, "sparql-run").click()
    wait(browser).until(lambda d: "Error" in d.find_element(By.ID, "sparql-status").text)


def test_network_view_draws_a_picture(browser: webdriver.Chrome, server: Server, tmp_path: Path) -> None:
    browser.get(server.url + "/?lang=en#network")
    wait(browser).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#network circle")) > 10)
    labels = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#network text")]
    assert "Taipei" in labels and "Daegu" in labels
    hub = browser.find_element(By.CSS_SELECTOR, "#network a.hub text").text
    assert hub == "Taipei"
    assert browser.find_elements(By.CSS_SELECTOR, "#network line.edge-sister-city")
    assert browser.find_elements(By.CSS_SELECTOR, "#network line.edge-agreement")
    png = browser.find_element(By.ID, "network").screenshot_as_png
    (tmp_path / "network.png").write_bytes(png)
    img = Image.open(io.BytesIO(png)).convert("RGB")
    colours = img.getcolors(maxcolors=1 << 20) or []
    assert img.width > 400 and len(colours) > 50  # lines, circles and text, not a blank box
    page = Image.open(io.BytesIO(browser.get_screenshot_as_png())).convert("L")
    lo, hi = page.getextrema()
    assert hi - lo > 100
