#!/usr/bin/env python3
"""Drives BudgetLens's web application in headless Chromium (Debian's chromium + chromium-driver, Selenium).

Used by Tests/budgetlensTests/WebBrowserTests.swift against a real `budgetlens serve` on loopback:
  1. opens /login, types the user's name and password, submits;
  2. opens /upload, chooses the file, uploads it (XMLHttpRequest with a progress bar) and waits for the link to
     the new document;
  3. opens the document page, finds the highlighted cell (class `flagged`) whose text is EXPECT_CELL, follows the
     link of the finding that names it and checks that the cell is scrolled into view;
  4. optionally saves screenshots of the document page, the overview and the ranking.

Prints one JSON object on stdout: {"document_url", "flagged_cells", "cell_text", "cell_in_view",
"finding_rule", "screenshots"}; exits 1 with a message on stderr when a step fails.

Usage: web_browser_test.py BASE_URL USER PASSWORD FILE EXPECT_CELL [SCREENSHOT_DIR]
"""
import json
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def main():
    if len(sys.argv) not in (6, 7):
        fail(__doc__)
    base, user, password, path, expect_cell = sys.argv[1:6]
    shots = sys.argv[6] if len(sys.argv) == 7 else None
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000",
                     "--lang=zh-CN", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    wait = WebDriverWait(driver, 60)
    result = {"screenshots": []}
    try:
        driver.get(base + "/login")
        driver.find_element(By.NAME, "username").send_keys(user)
        driver.find_element(By.NAME, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "form[action='/login'] [type=submit]").click()
        wait.until(lambda d: not d.current_url.rstrip("/").endswith("/login"))
        if "/login" in driver.current_url:
            fail("login failed: still at " + driver.current_url)

        driver.get(base + "/upload")
        driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(path)
        driver.find_element(By.CSS_SELECTOR, "#upload-form [type=submit]").click()
        try:
            link = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "a[href^='/documents/']")))
        except TimeoutException:
            fail("no link to the uploaded document; page says: " + driver.find_element(By.TAG_NAME, "body").text[:500])
        document_url = link.get_attribute("href")
        result["document_url"] = document_url

        driver.get(document_url)
        flagged = driver.find_elements(By.CSS_SELECTOR, ".flagged")
        result["flagged_cells"] = len(flagged)
        matches = [cell for cell in flagged if cell.text.strip() == expect_cell]
        if not matches:
            fail("no highlighted cell reads %s among %d flagged cells" % (expect_cell, len(flagged)))
        cell = matches[0]
        cell_id = cell.get_attribute("id")
        result["cell_text"] = cell.text.strip()
        result["cell_id"] = cell_id
        links = driver.find_elements(By.CSS_SELECTOR, "a[href='#%s']" % cell_id)
        if not links:
            fail("no finding links to #" + cell_id)
        driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        links[0].click()
        time.sleep(0.5)
        result["cell_in_view"] = driver.execute_script(
            "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
            "return r.top >= 0 && r.bottom <= window.innerHeight;", cell_id)
        finding = links[0].find_element(By.XPATH, "ancestor::article[contains(@class, 'finding')][1]")
        result["finding_rule"] = finding.find_element(By.CSS_SELECTOR, ".rule").text.strip()

        if shots:
            for name, url in (("web-document", document_url), ("web-overview", base + "/"),
                              ("web-ranking", base + "/ranking")):
                driver.get(url)
                height = driver.execute_script("return Math.min(document.body.scrollHeight, 4000)")
                driver.set_window_size(1400, max(900, height))
                target = "%s/%s.png" % (shots, name)
                driver.save_screenshot(target)
                result["screenshots"].append(target)
                driver.set_window_size(1400, 1000)
    finally:
        driver.quit()
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
