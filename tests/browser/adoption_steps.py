"""The adoption flow as steps a browser test can chain: an organisation in another
country declares that it adopts a published initiative, the owner agrees, both see
each other's contact details, and the adoption shows on the initiative pages, the
transfers view and the country pages. Each step takes the Page of whoever acts and
checks what that person sees, so other flows (the assessment's) can append them."""

import re

from playwright.sync_api import Locator, Page, expect


def main(page: Page) -> Locator:
    return page.get_by_role("main")


def declare_adoption(
    page: Page,
    initiative_url: str,
    organisation: str,
    country: str,
    note: str,
    adapted: str | None = None,
) -> str:
    """From the initiative's page, declare "we have adopted it" for `organisation` in
    `country` (as its initiative `adapted`, if given); returns the declaration's path."""
    page.goto(initiative_url)
    main(page).get_by_role("link", name="Declare that your organisation adopts it").click()
    page.get_by_label("Your organisation").select_option(label=organisation)
    page.get_by_label("Country where it is adopted").select_option(label=country)
    page.get_by_role("radio", name="We have adopted it").check()
    page.get_by_label("Note to the initiative's organisation").fill(note)
    if adapted:
        page.get_by_label("Your initiative that adapts it").select_option(label=adapted)
    main(page).get_by_role("button", name="Declare the adoption").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Adoption of")
    expect(main(page)).to_contain_text("Waiting for the initiative's organisation")
    expect(main(page)).to_contain_text(
        "Contact details are shown to each side once both have agreed."
    )
    return re.sub(r"^https?://[^/]+", "", page.url)


def declaring_twice_is_refused(page: Page, initiative_url: str, organisation: str, country: str):
    """A second declaration by the same organisation: the form explains, keeps the note."""
    page.goto(initiative_url)
    main(page).get_by_role("link", name="Declare that your organisation adopts it").click()
    page.get_by_label("Your organisation").select_option(label=organisation)
    page.get_by_label("Country where it is adopted").select_option(label=country)
    page.get_by_label("Note to the initiative's organisation").fill("Once more.")
    main(page).get_by_role("button", name="Declare the adoption").click()
    expect(main(page).get_by_role("alert")).to_contain_text("has already declared the adoption")
    expect(page.get_by_label("Note to the initiative's organisation")).to_have_value("Once more.")


def owner_agrees(page: Page, adoption_link: str, declarer: str) -> None:
    """The initiative's organisation opens the declaration (the link of its email)
    and agrees to share contact details."""
    page.goto(adoption_link)
    expect(main(page)).to_contain_text(declarer)
    main(page).get_by_role("button", name="Agree to share contact details").click()
    expect(main(page).get_by_role("status")).to_contain_text("You agreed")
    expect(main(page)).to_contain_text("Agreed by both")


def sees_contact(page: Page, adoption_path: str, organisation: str, email: str) -> None:
    page.goto(adoption_path)
    contacts = main(page).get_by_role("region", name="Contact details")
    expect(contacts).to_contain_text(f"you can write to the people of {organisation}")
    expect(contacts.get_by_role("link", name=email)).to_have_attribute("href", f"mailto:{email}")


def shows_adoption(page: Page, initiative_url: str, text: str) -> None:
    """An initiative's page says where it was adapted ("Adapted in …" / "Adapted from …")."""
    page.goto(initiative_url)
    panel = main(page).get_by_role("region", name="Adoption in other countries")
    expect(panel).to_contain_text(text)


def transfer_listed(page: Page, country: str, practice: str, destination: str) -> None:
    """The transfers view, narrowed to `country` with its form, lists the practice."""
    page.goto("/transfers/")
    page.get_by_label("Country", exact=True).select_option(label=country)
    main(page).get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(country)
    row = main(page).get_by_role("row").filter(has_text=practice)
    expect(row).to_contain_text(destination)


def country_page_lists(page: Page, code: str, practice: str) -> None:
    page.goto(f"/countries/{code}/")
    section = main(page).get_by_role("region", name="Practice shared with other countries")
    expect(section.get_by_role("link", name=practice)).to_be_visible()
