"""The unit page and the board in a real headless Chromium (Debian's, through chromedriver), as a
clerk and a county officer use them: plain forms, no script, no plugin."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import ADMIN, UNITS

SHOTS = os.environ.get("GITOOLS_SHOTS")  # a folder to keep the screenshots in (the README's come from here)


@pytest.fixture()
def browser(tmp_path: Path):
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver):
        if os.environ.get("CI"):
            pytest.fail("CI 需要 chromium 和 chromium-driver（.ci/run 应已安装）")
        pytest.skip("chromium or chromedriver not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,1400", f"--user-data-dir={tmp_path / 'chromium'}"):
        options.add_argument(flag)
    d = webdriver.Chrome(service=Service(driver), options=options)
    d.set_page_load_timeout(60)
    yield d
    d.quit()


def submit(browser, selector: str, by: str = "css selector") -> None:
    """Click a button or a link once the page shows it, and wait for the page it leads to."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    target = WebDriverWait(browser, 60).until(expected_conditions.element_to_be_clickable((by, selector)))
    page = browser.find_element(By.TAG_NAME, "html")
    target.click()
    WebDriverWait(browser, 60).until(expected_conditions.staleness_of(page))


def shot(browser, path: Path, name: str) -> None:
    browser.save_screenshot(str(path / name))
    assert (path / name).stat().st_size > 10_000
    if SHOTS:
        shutil.copyfile(path / name, Path(SHOTS) / name)


def test_a_clerk_uploads_sees_the_findings_explains_and_the_board_changes(site, browser, make_book, tmp_path):
    from selenium.webdriver.common.by import By

    book = make_book("教育局年报", narrative={"overview": "本年共收到政府信息公开申请5件。"})
    browser.get(site.links()[UNITS[2][0]])
    assert "示例县教育局" in browser.find_element(By.TAG_NAME, "h1").text
    assert "报送截止：2026-01-31" in browser.page_source and "当前状态：未报送" in browser.find_element(By.TAG_NAME, "main").text
    browser.find_element(By.NAME, "file").send_keys(str(book))
    submit(browser, "form[action$='/upload'] button")
    findings = browser.find_element(By.CSS_SELECTOR, "table.findings").text
    assert "核实" in findings and "一五六、文字部分" in findings and "B3" in findings
    assert "未通过（1 个错误" in browser.find_element(By.CSS_SELECTOR, "p.verdict").text
    browser.find_element(By.NAME, "text-1").send_keys("正文笔误，公开版本已改为 3 件")
    submit(browser, "form[action$='/explain'] button")
    assert "待县政务公开办审核" in browser.find_element(By.CSS_SELECTOR, "table.findings").text
    assert "已报送·待审核说明" in browser.find_element(By.CSS_SELECTOR, "span.state").text
    shot(browser, tmp_path, "site-unit.png")

    browser.get(site.url + "/admin")
    browser.find_element(By.NAME, "token").send_keys(ADMIN)
    submit(browser, "form button")
    rows = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "table.board tbody tr")]
    assert rows[0].startswith("示例县教育局 已报送·待审核说明（1 条说明）")  # what needs acting on comes first
    assert all("未报送" in r for r in rows[1:])
    shot(browser, tmp_path, "site-board.png")
    submit(browser, "示例县教育局", By.LINK_TEXT)
    submit(browser, "form.judge button[value='accept']")
    browser.get(site.url + "/admin")
    assert browser.find_elements(By.CSS_SELECTOR, "table.board tbody tr")[-1].text.startswith("示例县教育局 已通过")
