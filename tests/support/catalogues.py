"""Reading gettext catalogues (.po) in Python, with contexts and plurals: CI has no gettext tools."""

import ast
import gettext
from pathlib import Path

import django

DJANGO = Path(django.__file__).resolve().parent


def po_entries(path):
    """[{"msgctxt", "msgid", "msgid_plural", "msgstr": [..]}] of a .po file, its header and
    obsolete entries left out."""
    entries, current, field = [], None, None
    for line in Path(path).read_text("utf-8").splitlines() + [""]:
        line = line.strip()
        if not line or line.startswith("#"):
            if current and current.get("msgid"):
                entries.append(current)
            if not line or not current or "msgstr" in current:
                current, field = (None, None) if not line or (current and "msgstr" in current) else (current, field)
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            value = ast.literal_eval(line)
            if field[0] == "msgstr":
                current["msgstr"][field[1]] += value
            else:
                current[field[0]] += value
            continue
        if current is None or (keyword in ("msgid", "msgctxt") and "msgstr" in current):
            if current and current.get("msgid"):
                entries.append(current)
            current = {"msgctxt": None, "msgid_plural": None}
        value = ast.literal_eval(rest)
        if keyword.startswith("msgstr"):
            index = int(keyword[7:-1]) if "[" in keyword else 0
            current.setdefault("msgstr", {})[index] = value
            field = ("msgstr", index)
        else:
            current[keyword] = value
            field = (keyword, None)
    for entry in entries:
        entry["msgstr"] = [entry["msgstr"][i] for i in sorted(entry["msgstr"])]
    return entries


def untranslated(entries, mo_path):
    """The entries (from the English catalogue, which lists every msgid) that the compiled
    catalogue at ``mo_path`` does not translate: empty, missing, or left as the English."""
    with open(mo_path, "rb") as mo:
        catalogue = gettext.GNUTranslations(mo)
    missing = []
    for entry in entries:
        context, msgid, plural = entry["msgctxt"], entry["msgid"], entry["msgid_plural"]
        if plural:
            forms = [
                catalogue.npgettext(context, msgid, plural, n) if context else catalogue.ngettext(msgid, plural, n)
                for n in (1, 5)
            ]
            done = forms[0] != msgid and forms[1] != plural
        else:
            done = (catalogue.pgettext(context, msgid) if context else catalogue.gettext(msgid)) != msgid
        if not done:
            missing.append(entry)
    return missing


def django_gaps(catalogue, domain="django"):
    """Django's entries that its own Bengali leaves untranslated, for one of its catalogues
    ("contrib/admin", "contrib/auth", "contrib/contenttypes", "conf")."""
    locale = DJANGO / catalogue / "locale"
    english = po_entries(locale / "en" / "LC_MESSAGES" / f"{domain}.po")
    return untranslated(english, locale / "bn" / "LC_MESSAGES" / f"{domain}.mo")
