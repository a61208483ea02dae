"""Form widgets shared by the apps."""

from django import forms
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from . import content_version


class KeptSelect(forms.Select):
    """A select whose options come from the public content (a ModelChoiceField's
    countries, regions, areas): the same for every request of a content version and
    language, so they are read, labelled and escaped once per version
    (content_version.kept) and only joined per request. Django's widget makes a
    model instance and renders two templates per option: for the gap map's 250
    countries, twice, that was most of the page's time. The HTML is that of
    Django's select.html (options without groups)."""

    def __init__(self, key: str, attrs=None) -> None:
        super().__init__(attrs)
        self.key = key

    def options(self) -> list[tuple[str, str, str]]:
        """(value, HTML before, HTML after " selected") of every option, labelled in
        the active language."""

        def build() -> list[tuple[str, str, str]]:
            options = []
            for value, label in self.choices:
                value = "" if value is None else str(value)
                options.append(
                    (value, f'\n  <option value="{escape(value)}"', f">{escape(label)}</option>\n")
                )
            return options

        return content_version.kept(f"select-options:{self.key}:{get_language()}", build)

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        chosen, found, options = self.format_value(value), False, []
        for option_value, before, after in self.options():
            selected = not found and option_value in chosen
            found |= selected
            options.append(f"{before} selected{after}" if selected else before + after)
        attributes = self.build_attrs(self.attrs, attrs)
        return format_html(
            '<select name="{}"{}>{}\n</select>',
            name,
            format_html_join(
                "",
                "{}{}",
                (
                    (f" {key}", "" if value is True else format_html('="{}"', value))
                    for key, value in attributes.items()
                    if value is not False
                ),
            ),
            # Each part escaped when it was built.
            mark_safe("".join(options)),  # noqa: S308
        )
