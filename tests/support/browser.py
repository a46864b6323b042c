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


def log_in(page, username, password):
    """Sign in through the admin's login form, as a member of staff does, and land on the admin home."""
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/")


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


def bengali_letter_share(page):
    """The share of the letters the page shows (its innerText) that are Bengali letters."""
    return page.evaluate("""() => {
        const letters = document.body.innerText.match(/\\p{L}/gu) || [];
        const bengali = letters.filter(ch => /\\p{Script=Bengali}/u.test(ch));
        return letters.length ? bengali.length / letters.length : 0;
    }""")


_CONTROLS = "input:not([type=hidden]), select, textarea, button"


def controls_font_families(page):
    """The computed font-family of every form control on the page (they do not inherit it by default)."""
    return page.evaluate(f"""() => [...document.querySelectorAll('{_CONTROLS}')]
        .map(el => getComputedStyle(el).fontFamily)""")


def small_tap_targets(page, minimum=44):
    """Controls and block links drawn smaller than ``minimum`` CSS px either way. Links inside running
    text (display: inline) are WCAG's inline exception; off-screen elements (the skip link until it
    is focused, the honeypot) are not targets."""
    return page.evaluate(
        """([selector, minimum]) => [...document.querySelectorAll(selector)].filter(el => {
            const rect = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            if (!rect.width || !rect.height || rect.right <= 0 || !el.checkVisibility({visibilityProperty: true})) return false;
            if (el.tagName === 'A' && style.display === 'inline') return false;  // blockified flex items count
            return rect.height < minimum || rect.width < minimum;
        }).map(el => `${el.tagName.toLowerCase()}.${el.className} "${el.innerText.trim().slice(0, 30)}"
                      ${Math.round(rect(el).width)}x${Math.round(rect(el).height)}`);
        function rect(el) { return el.getBoundingClientRect(); }""",
        [_CONTROLS + ", a, summary", minimum],
    )


def small_link_targets(page, minimum=44):
    """Every link and control drawn smaller than ``minimum`` CSS px tall, links inside running text
    included (a phone number, an e-mail, a subordinate office in a sentence are tapped too); such a
    link may be as narrow as its word. Radio buttons count themselves, not their labels."""
    return page.evaluate(
        """([selector, minimum]) => [...document.querySelectorAll(selector)].map(el => {
            if (!el.checkVisibility({visibilityProperty: true})) return null;
            const rect = el.getBoundingClientRect();
            if (!rect.width || !rect.height || rect.right <= 0) return null;  // the skip link, the honeypot
            // A word linked inside a line of text cannot be made wider; it must be tall enough.
            const wide = rect.width >= minimum - 0.5 || getComputedStyle(el).display === 'inline';
            if (rect.height >= minimum - 0.5 && wide) return null;
            return `${el.tagName.toLowerCase()}.${el.className} "${(el.innerText || el.value || '').trim().slice(0, 30)}" ${Math.round(rect.width)}x${Math.round(rect.height)}`;
        }).filter(Boolean)""",
        [_CONTROLS + ", a, summary", minimum],
    )


def stray_punctuation(page):
    """Text that begins a visual line with a colon, semicolon, comma, dāṛi (।), hyphen or dash left
    behind by the word or link before it (": অভিযোগটি…", "-তে"): the texts."""
    return page.evaluate(r"""() => {
        const found = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const at = node.data.search(/\S/);
            if (at < 0 || !/[:;,।\-—]/.test(node.data[at]) || !node.parentElement.checkVisibility()) continue;
            const mark = document.createRange();
            mark.setStart(node, at); mark.setEnd(node, at + 1);
            const before = document.createRange();
            before.setStartBefore(node.parentElement.firstChild); before.setEnd(node, 0);
            const previous = [...before.getClientRects()].filter(r => r.width).pop();
            const rect = mark.getBoundingClientRect();
            if (previous && rect.top >= previous.bottom - 2) found.push(node.data.trim().slice(0, 40));
        }
        return found;
    }""")


def english_on_bengali_page(page):
    """Latin words a reader sees on a Bengali page outside what is English by nature: elements marked
    with another language (the language switch), e-mail and web addresses, tracking numbers, and
    acronyms the charters print (GRS, ICT)."""
    return page.evaluate(r"""() => {
        const found = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const el = node.parentElement;
            if (!el || !el.checkVisibility({visibilityProperty: true})) continue;
            if (el.closest('[lang]:not([lang="bn"]), a[href^="mailto:"], a[href^="http"], .identifier, ' +
                           '.tracking-number, .tracking-number-inline, script, style')) continue;
            const text = node.data.replace(/GRS-[0-9A-Z]{4}-[0-9A-Z]{4}/g, '');
            for (const word of text.match(/[A-Za-z][A-Za-z'-]*/g) || []) {
                if (!/^[A-Z]{2,6}-?$/.test(word)) found.push(`${word} <${el.tagName.toLowerCase()}>`);
            }
        }
        return found;
    }""")
