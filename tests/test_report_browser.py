"""The HTML report, opened in headless Chromium (Debian's `chromium`, driven by Playwright).

Skipped, saying why, where no Chromium or Playwright is installed; `.ci/run` installs both.
Screenshots go to out/screenshots/.
"""

import os
import shutil
from importlib.resources import files
from pathlib import Path

import pytest

import fabula
from fabula.report import render_report, write_report
from conftest import SHARED

playwright = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
CHROMIUM = os.environ.get("FABULA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM:
    pytest.skip("no Chromium here: apt-get install chromium (or set FABULA_CHROMIUM)", allow_module_level=True)
SHOTS = Path(__file__).resolve().parent.parent / "out" / "screenshots"
PAYLOADS = ("</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)")


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def open_page(browser, path, width=1200):
    page = browser.new_page(viewport={"width": width, "height": 900})
    seen = {"errors": [], "requests": [], "dialogs": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(Path(path).as_uri())
    page.wait_for_selector("html[data-ready=true]")
    return page, seen


def example_story():
    guilt = SHARED / "examples" / "survivor-guilt.txt"
    return guilt if guilt.exists() else Path(str(files("fabula").joinpath("examples/low-tide.txt")))


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    story = fabula.read(example_story())
    path = write_report(story, tmp_path_factory.mktemp("report") / "example.html")
    return story, path


def test_the_page_loads_clean_and_offline(browser, example):
    story, path = example
    page, seen = open_page(browser, path)
    assert seen["errors"] == []
    assert seen["requests"] == [path.as_uri()]  # the page itself, nothing else
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "report-top.png"))
    page.close()


def test_the_cast_table_lists_every_character_and_sorts(browser, example):
    story, path = example
    page, _ = open_page(browser, path)
    names = page.locator("table.cast button.who").all_text_contents()
    assert [n.removesuffix(" (narrator)") for n in names] == [c.name for c in story.characters]
    page.click("table.cast th:nth-child(4) button")  # lines, ascending
    page.click("table.cast th:nth-child(4) button")  # then descending
    lines = [int(x) for x in page.locator("table.cast tbody td:nth-child(4)").all_text_contents()]
    assert lines == sorted(lines, reverse=True)
    page.close()


def test_choosing_a_character_highlights_their_lines(browser, example):
    story, path = example
    page, _ = open_page(browser, path)
    top = story.characters[0]
    spoken = sum(1 for q in story.quotes if q.speaker == top.id)
    page.click(f"button.who[data-c='{top.id}']")
    assert page.locator(".qt.hl").count() >= spoken > 0  # a line split over paragraphs is several pieces
    assert page.locator(f".qt.hl:not([data-s='{top.id}'])").count() == 0
    assert page.locator(f".node.hl[data-c='{top.id}']").count() == 1
    assert top.name in page.text_content("#chosen")
    page.locator(".qt.hl").first.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "report-highlight.png"))
    page.click(f"button.who[data-c='{top.id}']")  # again: cleared
    assert page.locator(".hl").count() == 0
    page.close()


def test_the_network_has_a_node_per_character_and_nodes_drag(browser, example):
    story, path = example
    page, _ = open_page(browser, path)
    ids = page.locator("#network .node").evaluate_all("nodes => nodes.map(n => n.getAttribute('data-c'))")
    assert sorted(ids) == sorted(n["id"] for n in story.network["nodes"])
    assert page.locator("#network line.edge").count() == len(story.network["edges"])
    node = page.locator("#network .node").first
    before = node.get_attribute("transform")
    node.scroll_into_view_if_needed()
    box = node.locator("circle").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + 80, box["y"] + 40, steps=5)
    page.mouse.up()
    assert node.get_attribute("transform") != before
    page.locator("#network-section").screenshot(path=str(SHOTS / "report-network.png"))
    page.close()


def test_the_arc_chart_draws(browser, example):
    story, path = example
    page, _ = open_page(browser, path)
    story_line = page.locator("#arc-chart polyline.arc.story")
    assert len(story_line.get_attribute("points").split()) == 100
    box = story_line.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 5
    toggles = page.locator("input.arc-toggle")
    if toggles.count():
        cid = toggles.first.get_attribute("data-c")
        toggles.first.check()
        assert page.locator(f"#arc-chart .arc[data-c='{cid}']").is_visible()
    page.close()


def test_phone_width_and_dark_mode(browser, example):
    _, path = example
    page = browser.new_page(viewport={"width": 380, "height": 800}, color_scheme="dark")
    page.goto(path.as_uri())
    page.wait_for_selector("html[data-ready=true]")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400  # nothing forces sideways scrolling
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(253, 252, 249)"  # the dark palette, not the light one
    page.screenshot(path=str(SHOTS / "report-phone-dark.png"), full_page=False)
    page.close()


def test_text_from_the_file_is_never_run(browser, tmp_path):
    dialogue = (f'"{PAYLOADS[0]}," said Anna Reyes.\n\n"{PAYLOADS[1]}," said Joss Fairweather.\n\n'
                f'"Go to {PAYLOADS[2]} now," Anna said.\n\nJoss laughed at her and Anna smiled.\n')
    story = fabula.read(dialogue)
    assert any(PAYLOADS[0] in story.text[q.start:q.end] for q in story.quotes)
    story.meta.title = PAYLOADS[0]
    story.meta.author = PAYLOADS[1]
    story.meta.tags = list(PAYLOADS)
    story.meta.url = PAYLOADS[2]
    story.meta.summary = '<a href="javascript:alert(1)">click</a>'
    story.characters[0].name = PAYLOADS[1]
    story.characters[-1].aliases = [PAYLOADS[0]]
    html = render_report(story)
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    path = tmp_path / "hostile.html"
    path.write_text(html, encoding="utf-8")
    page, seen = open_page(browser, path)
    assert seen["dialogs"] == [] and seen["errors"] == []
    assert page.text_content("h1") == PAYLOADS[0]
    assert PAYLOADS[0] in page.text_content(".story-text") and PAYLOADS[1] in page.text_content("table.cast")
    assert page.locator("img").count() == 0
    assert page.locator("a[href^='javascript' i]").count() == 0
    assert page.locator("script").count() == 1  # fabula's own
    page.close()
