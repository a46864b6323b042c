"""Which font a Word run is drawn in, so Bijoy runs are converted and the others kept.

A run's font is the first of: its own w:rFonts, its character style (w:rStyle, with the styles it
is based on), its paragraph's style (w:pStyle, or the default paragraph style, and their bases),
and the document defaults (w:docDefaults). Each level may set the font of ASCII text (w:ascii),
of other Latin text (w:hAnsi) and of complex scripts (w:cs); w:hint="cs" asks for the last. A
theme font (w:asciiTheme) at a level wins over the named one there, and is never a Bijoy font.
"""

from .bijoy import is_bijoy_font

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SLOTS = ("ascii", "hAnsi", "cs")


def _fonts_of(rpr):
    """{slot: font name or "theme"} set by one w:rPr."""
    found = {}
    fonts = rpr.find(f"{W}rFonts") if rpr is not None else None
    if fonts is None:
        return found
    for slot in _SLOTS:
        theme = fonts.get(f"{W}{slot}Theme")
        name = fonts.get(f"{W}{slot}")
        if theme is not None:
            found[slot] = "theme"
        elif name:
            found[slot] = name
    return found


class RunFonts:
    """The styles of one Word file, read once: is a run in a Bijoy font?"""

    def __init__(self, styles_element=None):
        self.styles, self.default_paragraph, self.defaults = {}, None, {}
        self.converted = False  # set once a Bijoy run was read
        if styles_element is None:
            return
        defaults = styles_element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.defaults = _fonts_of(defaults)
        for style in styles_element.iterchildren(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            based = style.find(f"{W}basedOn")
            self.styles[style_id] = (
                based.get(f"{W}val") if based is not None else None,
                _fonts_of(style.find(f"{W}rPr")),
            )
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true", "on"):
                self.default_paragraph = style_id

    def _style_chain(self, style_id):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            based, fonts = self.styles[style_id]
            yield fonts
            style_id = based

    def font(self, run, paragraph_style):
        """The font name of the run's text (or "theme", or None)."""
        rpr = run.find(f"{W}rPr")
        levels = [_fonts_of(rpr)]
        char_style = rpr.find(f"{W}rStyle") if rpr is not None else None
        if char_style is not None:
            levels += self._style_chain(char_style.get(f"{W}val"))
        levels += self._style_chain(paragraph_style or self.default_paragraph)
        levels.append(self.defaults)
        fonts = rpr.find(f"{W}rFonts") if rpr is not None else None
        slots = ("cs",) if fonts is not None and fonts.get(f"{W}hint") == "cs" else ("ascii", "hAnsi")
        for slot in slots:
            for level in levels:
                if slot in level:
                    return level[slot]
        return None

    def is_bijoy(self, run, paragraph_style):
        return is_bijoy_font(self.font(run, paragraph_style))


def paragraph_style(p):
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(f"{W}val") if style is not None else None
