"""A member's way into the directory, in a real browser: sign up, follow the e-mailed link,
write the profile; an editor approves it in Wagtail's admin; visitors find it listed."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from tests.factories import PASSWORD, MemberFactory, MemberIndexPageFactory, add_translation

pytestmark = pytest.mark.slow

EMAIL = "ana@example.org"
CONFIRMATION_URL = re.compile(r"https?://[^/\s]+(/en/account/confirm-email/[^\s]+/)")


@pytest.fixture
def directories(site_tree):
    """The member directory in English and Spanish, as tests/conftest.py has it, in the menu."""
    directory_en = MemberIndexPageFactory(parent=site_tree.home_en, show_in_menus=True)
    return directory_en, add_translation(directory_en, site_tree.spanish, "Miembros", "miembros")


@pytest.fixture
def editor():
    user = MemberFactory(email="editor@example.org")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_sign_up_verify_write_profile_approve_and_list(
    directories, editor, new_context, mailoutbox
):
    member = new_context().new_page()

    # Sign up with the real form.
    member.goto("/en/")
    member.get_by_role("link", name="Join the network").click()
    expect(member).to_have_url(re.compile(r"/en/account/signup/$"))
    member.get_by_label("Email").fill(EMAIL)
    member.get_by_label("Password", exact=True).fill(PASSWORD)
    member.get_by_label("Password (again)").fill(PASSWORD)
    member.get_by_label("I have read and accept the privacy notice").check()
    member.get_by_role("button", name="Join the network").click()
    expect(member).to_have_url(re.compile(r"/en/account/confirm-email/$"))

    # The live server runs in this process: its e-mail is in the locmem outbox.
    assert [message.to for message in mailoutbox] == [[EMAIL]]
    confirmation = CONFIRMATION_URL.search(mailoutbox[0].body).group(1)
    member.goto(confirmation)
    member.get_by_role("button", name="Confirm").click()

    # Confirming does not log in (the link may be opened in another browser): log in.
    expect(member).to_have_url(re.compile(r"/en/account/login/$"))
    member.get_by_label("Email").fill(EMAIL)
    member.get_by_label("Password").fill(PASSWORD)
    member.get_by_role("button", name="Log in").click()
    expect(member).to_have_url(re.compile(r"/en/account/$"))
    expect(member.get_by_role("heading", level=1)).to_have_text("Your account")

    # Write the profile.
    member.get_by_role("link", name="Write your profile").click()
    expect(member).to_have_url(re.compile(r"/en/account/profile/$"))
    member.get_by_label("Name").fill("Ana Pérez")
    member.get_by_label("Role or position").fill("Economic development officer")
    member.get_by_label("Organisation").fill("Municipalidad de Valparaíso")
    member.get_by_label("Sector").select_option(index=1)
    member.get_by_label("Short biography").fill("Works with the Barrio Comercial of Valparaíso.")
    member.get_by_label("Open to collaboration").check()
    member.get_by_role("button", name="Send for review").click()
    expect(member).to_have_url(re.compile(r"/en/account/$"))
    expect(member.get_by_role("status")).to_contain_text("sent to the editors")

    # Not public before an editor approves it.
    visitor = new_context().new_page()
    visitor.goto("/en/members/")
    expect(visitor.get_by_role("main")).not_to_contain_text("Ana Pérez")

    # An editor approves it from the admin's dashboard.
    admin = new_context().new_page()
    admin.goto("/admin/login/")
    admin.get_by_label("Username").fill(editor.username)
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Sign in").click()
    review = admin.get_by_role("region", name="Awaiting your review")
    row = review.get_by_role("row").filter(has_text="Ana Pérez")
    expect(row).to_be_visible()
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    # Back on the dashboard, nothing is left to review; the member is told by e-mail.
    expect(admin).to_have_url(re.compile(r"/admin/$"))
    expect(review).to_have_count(0)
    assert mailoutbox[-1].to == [EMAIL]
    assert "published" in mailoutbox[-1].subject

    # Listed in the directory of both languages, for anyone.
    visitor.goto("/en/members/")
    expect(visitor.get_by_role("main").get_by_role("link", name="Ana Pérez")).to_be_visible()
    visitor.goto("/es/miembros/")
    expect(visitor.get_by_role("main").get_by_role("link", name="Ana Pérez")).to_be_visible()
    visitor.get_by_role("main").get_by_role("link", name="Ana Pérez").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Ana Pérez")
    expect(visitor.get_by_role("main")).to_contain_text("Municipalidad de Valparaíso")
    expect(visitor.get_by_role("main")).not_to_contain_text(EMAIL)


def test_the_sign_up_bot_trap_is_out_of_sight(site_tree, page):
    """allauth hides it with an inline style, which the Content-Security-Policy blocks; the
    site's stylesheet hides it instead."""
    page.goto("/en/account/signup/")
    expect(page.get_by_role("button", name="Join the network")).to_be_visible()
    trap = page.locator('input[name="phone_number"]')
    expect(trap).to_have_count(1)
    box = trap.bounding_box()  # None when it is not drawn at all
    width = page.viewport_size["width"]
    assert box is None or box["x"] + box["width"] <= 0 or box["x"] >= width, (
        f"the bot trap is drawn where people see it: {box}"
    )
