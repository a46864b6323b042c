"""Screenshots, the web-font check and axe-core for the browser tests."""

from pathlib import Path

from tests.support import ROOT

ARTIFACTS = ROOT / "test-artifacts"
AXE = (
    Path(__file__).resolve().parent.parent / "system" / "browser" / "vendor" / "axe.min.js"
)  # axe-core 4.14.1 from npm, MPL-2.0


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def web_font_in_use(page):
    """True when the page's Bengali text is drawn with the portal's own Noto Sans Bengali."""
    page.evaluate("document.fonts.ready")
    return page.evaluate("""() => [...document.fonts].some(
        font => font.family.replace(/"/g, '') === 'Noto Sans Bengali' && font.status === 'loaded')""")


def bengali_drawn_in_web_font(page):
    """The page's Bengali is drawn in Noto Sans Bengali: Chromium reports the font it can use."""
    return page.evaluate("""async () => {
        await document.fonts.ready;
        return document.fonts.check('16px "Noto Sans Bengali"', 'সেবা');
    }""")


def axe_violations(page):
    # Evaluated, not added as an inline <script>: the page's CSP (rightly) refuses inline scripts.
    page.evaluate(AXE.read_text("utf-8"))
    result = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return result
