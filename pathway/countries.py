"""Finding a country by what a person types: an ISO 3166 code (PL, POL) or a name,
in any case, with or without accents, in English, in the visitor's language or in
any other language of the portal ("Poland", "polska", "Alemania", "Allemagne",
"Côte d'Ivoire", "cote divoire"),
including the official ISO names and the older or shorter ones people still use
("Czech Republic", "Turkey", "Russia").

Every country choice of the portal (the library's country filter, its feeds and CSV
links, the API, the site search, digest subscriptions) reads what was typed here,
so a name that works in one works in all of them.
"""

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from django_countries import countries as iso_countries
from django_countries.data import COUNTRIES as ISO_NAMES

from core import content_version
from search.text import fold

from .models import Country

# Several countries may be typed in one box, separated by these.
SEPARATORS = re.compile(r"[,;\n]")
MAX_TYPED = 200
MAX_SUGGESTIONS = 3
# The most commas in one country's name, plus one ("Bonaire, Sint Eustatius and Saba").
MAX_PARTS_IN_NAME = 3
# The help text of a box for one country.
EXAMPLE = _("For example Poland or PL.")


@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """What two spellings of one name have in common: folded letters and digits,
    without spaces or punctuation ("Côte d'Ivoire" and "cote divoire" alike)."""
    return "".join(char for char in fold(text) if char.isalnum())


@lru_cache(maxsize=16)
def iso_spellings(
    language: str,
) -> tuple[dict[str, str], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The names django-countries knows (CLDR's, through its catalogues), which change
    only with the package: each code's name in `language`; the keys of the ways to
    write it first (that name, the English, official ISO, common and older names,
    the alpha-3 code); and the keys of its names in the portal's other languages
    ("Alemania", "Allemagne" and "Niemcy" are Germany whatever the page's language)."""
    names_in = {}
    for code, _name in settings.LANGUAGES:
        with override(code):
            names_in[code] = {iso: str(name) for iso, name in iso_countries}
    with override(language):
        local = {iso: str(name) for iso, name in iso_countries}
    with override("en"):
        english = names_in.get("en") or {iso: str(name) for iso, name in iso_countries}
        spellings, foreign = {}, {}
        for code in english:
            names = [
                local.get(code, ""),
                english[code],
                str(ISO_NAMES.get(code, "")),
                str(iso_countries.COMMON_NAMES.get(code, "")),
                *(str(name) for name in iso_countries.OLD_NAMES.get(code, [])),
                iso_countries.alpha3(code),
            ]
            spellings[code] = tuple(dict.fromkeys(key(name) for name in names if name))
            others = (names.get(code, "") for names in names_in.values())
            foreign[code] = tuple(
                dict.fromkeys(
                    key(name) for name in others if name and key(name) not in spellings[code]
                )
            )
    return local, spellings, foreign


@dataclass
class CountryNames:
    """Every country of the portal, by each name and code it may be typed as."""

    options: list[tuple[str, str]] = field(default_factory=list)  # (code, name), by name
    by_key: dict[str, str] = field(default_factory=dict)  # key(name or code) -> code
    names: dict[str, str] = field(default_factory=dict)  # code -> name in the visitor's language

    @classmethod
    def load(cls) -> "CountryNames":
        """The countries of the portal's table (one query), named in the active language."""
        found = cls()
        rows = [(str(code), name) for code, name in Country.objects.values_list("code", "name")]
        local_names, spellings, foreign = iso_spellings(get_language() or settings.LANGUAGE_CODE)
        for code, stored_name in rows:
            found.names[code] = stored_name or local_names.get(code, code)
            for spelling_key in (*spellings.get(code, ()), key(stored_name)):
                # A name never hides another country's code ("CAN" is Canada).
                if spelling_key and found.by_key.get(spelling_key, code) == code:
                    found.by_key.setdefault(spelling_key, code)
        # Names in the other languages after every country's own spellings, so that
        # none of them hides a name in the page's language or in English.
        for code, _stored_name in rows:
            for spelling_key in foreign.get(code, ()):
                found.by_key.setdefault(spelling_key, code)
        found.options = sorted(found.names.items(), key=lambda option: key(option[1]))
        # Codes first: "IN" is India even though "in" is nothing else.
        for code, _name in rows:
            found.by_key[key(code)] = code
        return found

    def code_of(self, text: str) -> str | None:
        """The code of the country `text` names, or None."""
        return self.by_key.get(key(text[:MAX_TYPED])) if key(text[:MAX_TYPED]) else None

    def read(self, text: str) -> tuple[list[str], list[str]]:
        """The codes of the countries typed in `text` (one, or several separated by
        commas or semicolons), and the parts that name no country.

        A name with a comma in it ("Bonaire, Sint Eustatius and Saba") is read whole.
        """
        text = text[:MAX_TYPED]
        whole = self.code_of(text)
        if whole or not key(text):
            return ([whole] if whole else []), []
        parts = [part.strip() for part in SEPARATORS.split(text)]
        codes: list[str] = []
        unknown: list[str] = []
        start = 0
        while start < len(parts):
            # The longest run of parts that names a country, so commas inside names survive.
            for end in range(min(len(parts), start + MAX_PARTS_IN_NAME), start, -1):
                code = self.code_of(", ".join(parts[start:end]))
                if code:
                    if code not in codes:
                        codes.append(code)
                    start = end
                    break
            else:
                if key(parts[start]):
                    unknown.append(parts[start])
                start += 1
        return codes, unknown

    def suggestions(self, text: str) -> list[str]:
        """Names of the countries closest to a name that matched none."""
        typed = key(text[:MAX_TYPED])
        if not typed:
            return []
        by_name = {key(name): name for name in self.names.values()}
        starting = [name for k, name in sorted(by_name.items()) if k.startswith(typed)]
        close = difflib.get_close_matches(typed, list(by_name), n=MAX_SUGGESTIONS, cutoff=0.7)
        found = starting[:MAX_SUGGESTIONS] + [by_name[k] for k in close]
        return list(dict.fromkeys(found))[:MAX_SUGGESTIONS]


def country_names() -> CountryNames:
    """Every country by each name it may be typed as, named in the active language,
    read once per content version and language (a renamed country shows at once):
    the library and every country field read them on each view. Not to be changed
    by its readers."""
    return content_version.kept(f"country-names:{get_language()}", CountryNames.load)
