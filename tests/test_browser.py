"""The web page in a real headless Chromium (Debian's chromium and chromedriver), with the network cut off.

.ci/run installs chromium and chromium-driver; without them this module fails, it does not skip.
Screenshots at 1280 and 375 px go to ``artifacts/screenshots/`` (or ``$SMARTGRAPH_ARTIFACTS``), kept by CI.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.conftest import ROOT
from tests.server import Server

CZ = "https://w3id.org/smartgraph/id/country/cz"
DAEGU = "https://w3id.org/smartgraph/id/place/gn-1835329"
ARTIFACTS = Path(os.environ.get("SMARTGRAPH_ARTIFACTS", ROOT / "artifacts")) / "screenshots"
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
# Latin words that may stay on the page in 中文: names, standards and keys, not interface words
ALLOWED_LATIN = {"smartgraph", "SPARQL", "API", "CSV", "IRI", "Ctrl", "Enter", "English", "cURL", "JSON", "MOU", "ICT"}


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
                "--lang=zh-TW", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"):  # no internet: only loopback resolves
        opts.add_argument(arg)
    opts.add_experimental_option("prefs", {"intl.accept_languages": "zh-TW,zh"})
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    drv = webdriver.Chrome(service=Service(driver_path), options=opts)
    yield drv
    drv.quit()


def wait(drv: webdriver.Chrome, seconds: float = 20) -> WebDriverWait:  # type: ignore[type-arg]
    """Waits that look again when the page redrew what they were reading (a list of suggestions, a table)."""
    return WebDriverWait(drv, seconds, ignored_exceptions=(StaleElementReferenceException,))


def rows(drv: webdriver.Chrome, where: str = "#query-results") -> list[str]:
    found: list[str] = drv.execute_script("return [...document.querySelectorAll(arguments[0])].map(r => r.innerText.trim())",
                                          f"{where} tbody tr")
    return found


def open_page(drv: webdriver.Chrome, url: str, width: int = 1280) -> None:
    drv.set_window_size(width, 1000)
    drv.get(url)
    wait(drv).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")


def fresh(drv: webdriver.Chrome, server: Server) -> None:
    """Forget the page's stored language and editor tabs."""
    drv.get(server.url + "/health")
    drv.execute_script("localStorage.clear()")
    drv.delete_all_cookies()


def requested_urls(drv: webdriver.Chrome) -> list[str]:
    """Every URL the browser asked for since the last call (Chrome's network log)."""
    urls = []
    for entry in drv.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def network_log(drv: webdriver.Chrome) -> tuple[list[tuple[str, str]], list[tuple[str, int]]]:
    """The requests (method, URL) and the answers (URL, status) since the last look at Chrome's network log."""
    sent, answered = [], []
    for entry in drv.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            sent.append((msg["params"]["request"]["method"], msg["params"]["request"]["url"]))
        elif msg["method"] == "Network.responseReceived":
            answered.append((msg["params"]["response"]["url"], int(msg["params"]["response"]["status"])))
    return sent, answered


def assert_offline(drv: webdriver.Chrome, server: Server) -> None:
    urls = requested_urls(drv)
    assert urls, "the network log is empty"
    strays = [u for u in urls if not u.startswith((server.url, "data:", "blob:", "about:"))]
    assert not strays, f"requests left 127.0.0.1: {strays}"


def screenshot(drv: webdriver.Chrome, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    drv.save_screenshot(str(path))
    img = Image.open(path).convert("L")
    lo, hi = img.getextrema()
    assert hi - lo > 100, f"{name}: a blank screenshot"
    return path


def choose_by_completion(drv: webdriver.Chrome, param: str, typed: str, label: str) -> None:
    box = drv.find_element(By.ID, f"param-{param}")
    box.clear()
    box.send_keys(typed)
    option = f"#param-{param}-list li[role='option']"

    def pick(d: webdriver.Chrome) -> bool:  # the list is redrawn as suggestions for each keystroke arrive: try again then
        for o in d.find_elements(By.CSS_SELECTOR, option):
            if o.text.startswith(label):
                assert box.get_attribute("aria-expanded") == "true"
                o.click()
                return True
        return False

    wait(drv).until(pick)
    wait(drv).until(lambda d: any(c.text.startswith(label) for c in d.find_elements(By.CSS_SELECTOR, f"#param-{param}-chosen .chip")))


def latin_words_left(drv: webdriver.Chrome) -> list[str]:
    """Latin words in what the page shows as its interface: visible text, placeholders, labels and titles,
    leaving out data (result cells, the SPARQL editor's query and its variables, entity names in the network list,
    and on entity pages the graph's own terms, names and quotes)."""
    words: list[str] = drv.execute_script("""
      const skip = "td, .sg-results th, .CodeMirror, .chip, #network-places li, .yasr_results pre, .CodeMirror-hints, .boolean, " +
                   "main a[href^='/id/'], main a[href^='/resource'], main a[href^='http'], .literal, .tag, code, blockquote, .fact-head, h1#entity-label";
      const out = [];
      const visible = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const n = walker.currentNode, el = n.parentElement;
        if (!el || el.closest(skip) || el.closest("script, style") || !visible(el)) continue;
        out.push(n.nodeValue);
      }
      document.querySelectorAll("[placeholder], [aria-label], [title]").forEach((el) => {
        if (el.closest(skip) || !visible(el)) return;
        ["placeholder", "aria-label", "title"].forEach((a) => { if (el.getAttribute(a)) out.push(el.getAttribute(a)); });
      });
      document.querySelectorAll("select").forEach((sel) => { if (visible(sel)) [...sel.options].forEach((o) => out.push(o.textContent)); });
      out.push(document.title);
      return out;
    """)
    found = {w for text in words for w in re.findall(r"[A-Za-z][A-Za-z'-]+", text)}
    return sorted(w for w in found if w not in ALLOWED_LATIN)


def axe_serious(drv: webdriver.Chrome) -> list[dict[str, Any]]:
    drv.execute_script(AXE.read_text(encoding="utf-8"))
    result = drv.execute_async_script("""
      const done = arguments[arguments.length - 1];
      axe.run(document, { resultTypes: ["violations"] }).then((r) => done(r.violations.map(
        (v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }))));
    """)
    return [v for v in result if v["impact"] in ("serious", "critical")]


# --------------------------------------------------------------------------- canned queries


def test_canned_query_by_completion_sorted_in_both_languages(browser: webdriver.Chrome, server: Server) -> None:
    requested_urls(browser)
    open_page(browser, server.url + "/?lang=zh-Hant")
    assert browser.find_element(By.CSS_SELECTOR, "a[href='#queries']").text == "查詢"
    Select(browser.find_element(By.ID, "query-select")).select_by_value("officials")
    assert browser.find_element(By.CSS_SELECTOR, "label[for='param-country']").text == "國家"
    # a country picked by its Chinese name, through completion: no IRI typed by hand
    choose_by_completion(browser, "country", "捷", "捷克")
    browser.find_element(By.ID, "query-run").click()
    wait(browser).until(lambda d: len(rows(d)) > 0)
    zh_rows = rows(browser)
    assert len(zh_rows) == 3 and all("捷克" in r for r in zh_rows)
    assert browser.find_element(By.ID, "query-status").text == "3 筆結果"
    headers = [th.text.rstrip("↕▲▼ ") for th in browser.find_elements(By.CSS_SELECTOR, "#query-results th")]
    assert headers[:3] == ["人物", "機關", "國家"] and "personName" not in headers  # from the query's header, in 中文
    # sort by a column: ascending, then descending
    names = [r.split()[0] for r in rows(browser)]
    th = browser.find_element(By.CSS_SELECTOR, "#query-results th[data-var='person']")
    th.find_element(By.TAG_NAME, "button").click()
    wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, "#query-results th[data-var='person']").get_attribute("aria-sort") == "ascending")
    up = [r.split()[0] for r in rows(browser)]
    browser.find_element(By.CSS_SELECTOR, "#query-results th[data-var='person'] button").click()
    wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, "#query-results th[data-var='person']").get_attribute("aria-sort") == "descending")
    down = [r.split()[0] for r in rows(browser)]
    assert sorted(names) == sorted(up) and down == up[::-1] and up != down
    screenshot(browser, "query-form-zh-1280")

    browser.find_element(By.ID, "lang-switch").click()
    wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, "a[href='#queries']").text == "Queries")
    wait(browser).until(lambda d: rows(d) and all("捷克" not in r for r in rows(d)))
    en_rows = rows(browser)
    assert len(en_rows) == 3 and all("Czech" in r for r in en_rows)
    assert browser.find_element(By.ID, "param-lang").get_attribute("value") == "en"
    assert browser.find_element(By.CSS_SELECTOR, "#query-results th[data-var='person']").text.startswith("Person")
    assert browser.find_element(By.ID, "query-status").text == "3 rows"

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
    assert_offline(browser, server)


def test_a_city_by_completion_a_date_picker_and_a_select(browser: webdriver.Chrome, server: Server) -> None:
    open_page(browser, server.url + "/?lang=en")
    # a city picked by completion: 台 and 臺 find it alike
    Select(browser.find_element(By.ID, "query-select")).select_by_value("sister-cities")
    choose_by_completion(browser, "member", "台北", "Taipei")
    browser.find_element(By.ID, "query-run").click()
    wait(browser).until(lambda d: rows(d))
    found = rows(browser)
    assert all(r.startswith("Taipei") for r in found)
    assert browser.find_element(By.ID, "query-status").text == ("1 row" if len(found) == 1 else f"{len(found)} rows")
    assert browser.execute_script("return [SG.countText(1, t), SG.countText(2, t), SG.countText(0, t)]") == ["1 row", "2 rows", "No results"]
    Select(browser.find_element(By.ID, "query-select")).select_by_value("agreements")
    status = browser.find_element(By.ID, "param-status")
    assert status.tag_name == "select" and {o.get_attribute("value") for o in Select(status).options} == {"", "planned", "signed"}
    Select(browser.find_element(By.ID, "query-select")).select_by_value("events")
    assert browser.find_element(By.ID, "param-year").get_attribute("type") == "number"
    since = browser.find_element(By.ID, "param-since")
    assert since.get_attribute("type") == "date"  # the browser's date picker
    browser.execute_script("arguments[0].value = '2021-03-24'; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", since)
    browser.find_element(By.ID, "query-run").click()
    wait(browser).until(lambda d: d.find_element(By.ID, "query-status").text == "2 rows")
    assert all("2021-03-24" in r for r in rows(browser))
    assert "since=2021-03-24" in (browser.find_element(By.ID, "query-download").get_attribute("href") or "")


# --------------------------------------------------------------------------- the SPARQL editor


def editor_value(drv: webdriver.Chrome) -> str:
    value: str = drv.execute_script("return [...document.querySelectorAll('#yasgui .CodeMirror')]"
                                    ".find(e => e.getClientRects().length).CodeMirror.getValue()")
    return value


def test_sparql_editor_completion_ctrl_enter_and_share(browser: webdriver.Chrome, server: Server) -> None:
    requested_urls(browser)
    open_page(browser, server.url + "/?lang=en#sparql")
    wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#yasgui .CodeMirror"))
    assert "PREFIX scd: <https://w3id.org/scd#>" in editor_value(browser)  # the ontology's prefixes preloaded
    browser.execute_script("""const cm = document.querySelector('#yasgui .CodeMirror').CodeMirror;
      cm.setValue('PREFIX schema: <https://schema.org/>\\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\\n' +
                  'SELECT ?city WHERE { ?city a schema:Ci'); cm.focus(); cm.setCursor(cm.lineCount(), 0);""")
    ActionChains(browser).key_down(Keys.CONTROL).send_keys(Keys.SPACE).key_up(Keys.CONTROL).perform()
    wait(browser).until(lambda d: "schema:City" in [h.text for h in d.find_elements(By.CSS_SELECTOR, ".CodeMirror-hint")])
    ActionChains(browser).send_keys(Keys.ENTER).send_keys(" } LIMIT 4").perform()
    assert editor_value(browser).endswith("SELECT ?city WHERE { ?city a schema:City } LIMIT 4")
    ActionChains(browser).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()
    wait(browser).until(lambda d: len(rows(d, "#yasgui .sg-results")) == 4)
    cells = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#yasgui .sg-results td a.entity")]
    assert len(cells) == 4 and not any(c.startswith("gn-") or "http" in c for c in cells)  # labels, not IRIs
    href = browser.find_element(By.CSS_SELECTOR, "#yasgui .sg-results td a.entity").get_attribute("href") or ""
    assert href.startswith(server.url + "/id/place/")
    screenshot(browser, "sparql-editor-en-1280")
    # share the query, and open the link again
    browser.find_element(By.CSS_SELECTOR, "#yasgui .yasqe_share").click()
    link = wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, "#yasgui .yasqe_sharePopup input")).get_attribute("value") or ""
    assert link.startswith(server.url) and "query=" in link
    fresh(browser, server)
    open_page(browser, link)
    wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#yasgui .CodeMirror"))
    assert editor_value(browser).endswith("SELECT ?city WHERE { ?city a schema:City } LIMIT 4")
    assert not browser.find_element(By.ID, "view-sparql").get_attribute("hidden")
    browser.execute_script("document.querySelector('#yasgui .CodeMirror').CodeMirror.focus()")
    ActionChains(browser).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()
    wait(browser).until(lambda d: len(rows(d, "#yasgui .sg-results")) == 4)
    # the tab keeps its query across a reload
    open_page(browser, server.url + "/?lang=en#sparql")
    wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#yasgui .CodeMirror"))
    assert editor_value(browser).endswith("LIMIT 4")
    # a canned query as an example, in a new tab
    tabs = len(browser.find_elements(By.CSS_SELECTOR, "#yasgui .tabsList .tab"))
    Select(browser.find_element(By.ID, "example-select")).select_by_value("sister-cities")
    wait(browser).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#yasgui .tabsList .tab")) == tabs + 1)
    assert "VALUES ?lang" in editor_value(browser) and "Sister cities" in browser.find_element(By.CSS_SELECTOR, "#yasgui .tabsList .tab.active").text
    assert_offline(browser, server)


def test_a_table_of_many_iris_gets_its_labels_without_passing_the_share(browser: webdriver.Chrome, server: Server) -> None:
    """930 IRIs without a name beside them: their labels come from /labels, the cheap lane, in batches one after
    another; the client's /sparql share (2) holds only the query itself, and nothing is answered 429."""
    fresh(browser, server)
    open_page(browser, server.url + "/?lang=en#sparql")
    wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#yasgui .CodeMirror"))
    time.sleep(1.0)  # the editor's completion lists (/terms) are asked for as it opens
    network_log(browser)
    query = f"SELECT ?s WHERE {{ ?s ?p ?o FILTER isIRI(?s) }} GROUP BY ?s ORDER BY (IF(?s = <{DAEGU}>, 1, 0)) ?s"  # Daegu last
    browser.execute_script("const cm = document.querySelector('#yasgui .CodeMirror').CodeMirror; cm.setValue(arguments[0]); cm.focus();", query)
    ActionChains(browser).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()
    wait(browser, 60).until(lambda d: len(rows(d, "#yasgui .sg-results")) == 25)
    # the last page's last row is Daegu, by its label: the labels of the last batch arrived too
    browser.execute_script("""let b; while ((b = document.querySelector('#yasgui .sg-results .page-next')) && !b.disabled) b.click();""")
    assert rows(browser, "#yasgui .sg-results")[-1] == "Daegu"
    sent, answered = network_log(browser)
    labels = [url for method, url in sent if method == "POST" and url == server.url + "/labels"]
    assert len(labels) >= 5, sent  # 930 IRIs, at most 200 a request
    assert [m for m, url in sent if url.startswith(server.url + "/sparql")] == ["POST"]  # the query, nothing else
    assert not [a for a in answered if a[1] == 429], answered
    assert all(status == 200 for url, status in answered if url == server.url + "/labels")


def test_a_refused_parameter_is_shown_by_its_field(browser: webdriver.Chrome, server: Server) -> None:
    """The server's 422 (application/problem+json) names the parameter: the page shows its label and what went wrong,
    and marks the field."""
    fresh(browser, server)
    open_page(browser, server.url + "/?lang=en")
    Select(browser.find_element(By.ID, "query-select")).select_by_value("events")
    year = browser.find_element(By.ID, "param-year")
    year.send_keys("1e5")  # a number to the browser, not an integer to the query
    browser.find_element(By.ID, "query-run").click()
    status = browser.find_element(By.ID, "query-status")
    wait(browser).until(lambda d: "error" in (status.get_attribute("class") or ""))
    assert status.text.startswith("Error: Year: '1e5' is not an integer") and "pass digits" in status.text, status.text
    assert year.get_attribute("aria-invalid") == "true"
    year.clear()
    year.send_keys("2021")
    browser.find_element(By.ID, "query-run").click()
    wait(browser).until(lambda d: rows(d))
    assert year.get_attribute("aria-invalid") is None and "error" not in (status.get_attribute("class") or "")


# --------------------------------------------------------------------------- the network


def test_network_zooms_pans_has_no_overlapping_labels_and_opens_entities(browser: webdriver.Chrome, server: Server) -> None:
    open_page(browser, server.url + "/?lang=en#network")
    wait(browser).until(lambda d: int(d.find_element(By.ID, "network").get_attribute("data-drawn") or 0) > 10)
    labels = browser.execute_script("return window.sgNetwork.nodes().map(n => n.data('label'))")
    assert "Taipei" in labels and "Daegu" in labels
    assert browser.execute_script("return window.sgNetwork.nodes('[hub = 1]').data('label')") == "Taipei"
    ties = set(browser.execute_script("return window.sgNetwork.edges().map(e => e.data('tie'))"))
    assert {"agreement", "sister-city", "participation"} <= ties
    boxes = browser.execute_script("""return window.sgNetwork.nodes().map(n => {
        const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }); return [b.x1, b.y1, b.x2, b.y2]; })""")
    overlaps = [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[:i])
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
    assert not overlaps, f"{len(overlaps)} pairs of labels overlap"
    png = browser.find_element(By.ID, "network").screenshot_as_png
    img = Image.open(io.BytesIO(png)).convert("RGB")
    assert img.width > 400 and len(img.getcolors(maxcolors=1 << 20) or []) > 50  # lines, circles and text, not a blank box
    screenshot(browser, "network-en-1280")
    zoom = browser.execute_script("return window.sgNetwork.zoom()")
    browser.find_element(By.ID, "network-zoomin").click()
    assert browser.execute_script("return window.sgNetwork.zoom()") > zoom
    net = browser.find_element(By.ID, "network")
    w, h = net.size["width"], net.size["height"]
    for x, y in [(8, 8), (w - 150, 8), (8, h - 80), (w - 150, h - 80)]:  # a corner with no node or edge under the mouse pans
        pan = browser.execute_script("return window.sgNetwork.pan()")
        drag = ActionChains(browser).move_to_element_with_offset(net, x - w // 2, y - h // 2).click_and_hold()
        for _ in range(6):
            drag = drag.move_by_offset(20, 10).pause(0.05)
        drag.release().perform()
        moved = browser.execute_script("return window.sgNetwork.pan()")
        if abs(moved["x"] - pan["x"]) > 50:
            break
    assert abs(moved["x"] - pan["x"]) > 50 and abs(moved["y"] - pan["y"]) > 20
    browser.find_element(By.ID, "network-fit").click()
    # click a city: its entity page opens. The picture is scrolled into view first, and Cytoscape told (resize), so that
    # the page does not scroll under the click: Cytoscape keeps the container's place from before a scroll for a moment
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'}); window.sgNetwork.resize();", net)
    time.sleep(0.3)
    pos = browser.execute_script("return window.sgNetwork.nodes().filter(n => n.data('label') === 'Daegu')[0].renderedPosition()")
    ActionChains(browser).move_to_element_with_offset(net, int(pos["x"] - net.size["width"] / 2), int(pos["y"] - net.size["height"] / 2)).click().perform()
    wait(browser).until(ec.presence_of_element_located((By.ID, "entity-label")))
    assert browser.find_element(By.ID, "entity-label").text == "Daegu"
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline li time")  # the city's events and agreements by date
    screenshot(browser, "entity-en-1280")


# --------------------------------------------------------------------------- 中文 throughout, phone width, accessibility


def test_no_english_interface_word_left_in_chinese(browser: webdriver.Chrome, server: Server) -> None:
    fresh(browser, server)
    open_page(browser, server.url + "/?lang=en")
    browser.find_element(By.ID, "lang-switch").click()  # the switch, not only the address
    wait(browser).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-Hant")
    for name in ("agreements", "network", "officials"):
        Select(browser.find_element(By.ID, "query-select")).select_by_value(name)
        browser.find_element(By.ID, "query-run").click()
        wait(browser).until(lambda d: rows(d))
        assert latin_words_left(browser) == [], name
    browser.get(server.url + "/#sparql")
    wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#yasgui .CodeMirror"))
    browser.execute_script("document.querySelector('#yasgui .CodeMirror').CodeMirror.focus()")
    ActionChains(browser).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()
    wait(browser).until(lambda d: rows(d, "#yasgui .sg-results"))
    assert latin_words_left(browser) == [], "sparql"
    browser.get(server.url + "/#network")
    wait(browser).until(lambda d: int(d.find_element(By.ID, "network").get_attribute("data-drawn") or 0) > 10)
    assert latin_words_left(browser) == [], "network"
    browser.get(server.url + "/id/place/gn-1835329")
    assert latin_words_left(browser) == [], "entity page"


@pytest.mark.parametrize("width", [1280, 375])
def test_every_view_fits_the_width_and_passes_axe(browser: webdriver.Chrome, server: Server, width: int) -> None:
    fresh(browser, server)
    views = [("queries", "/?lang=zh-Hant#queries"), ("sparql", "/?lang=zh-Hant#sparql"), ("network", "/?lang=zh-Hant#network"),
             ("entity", "/id/place/gn-1835329?lang=zh-Hant")]
    problems = {}
    for name, path in views:
        if name == "entity":
            browser.set_window_size(width, 1000)
            browser.get(server.url + path)
        else:
            open_page(browser, server.url + path, width)
        assert browser.execute_script("return window.innerWidth") == width
        if name == "queries":
            Select(browser.find_element(By.ID, "query-select")).select_by_value("officials")
            choose_by_completion(browser, "country", "捷", "捷克")
            browser.find_element(By.ID, "query-run").click()
            wait(browser).until(lambda d: len(rows(d)) == 3)
        if name == "sparql":
            wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#yasgui .CodeMirror"))
            browser.execute_script("document.querySelector('#yasgui .CodeMirror').CodeMirror.focus()")
            ActionChains(browser).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()
            wait(browser).until(lambda d: rows(d, "#yasgui .sg-results"))
        if name == "network":
            wait(browser).until(lambda d: int(d.find_element(By.ID, "network").get_attribute("data-drawn") or 0) > 10)
        time.sleep(0.3)
        page_width = browser.execute_script("return document.documentElement.scrollWidth")
        assert page_width <= width, f"{name} at {width} px is {page_width} px wide"
        screenshot(browser, f"{name}-zh-{width}")
        serious = axe_serious(browser)
        if serious:
            problems[name] = serious
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)
