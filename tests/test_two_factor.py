"""A second factor for editors (issue 16, item 2): allauth's MFA (authenticator-app codes and
recovery codes) asked for by the admin's log-in as by the members', and a group permission that
makes it compulsory. Through the real views: the admin's log-in, allauth's MFA pages and the
admin's group editor.

Codes are computed by RFC 6238 itself (tests/authenticator.py), as a phone's authenticator app
would, not by allauth's own functions."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from network.two_factor import two_factor_permission
from tests.authenticator import authenticator_app_code
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-1"


@pytest.fixture
def editor():
    user = get_user_model().objects.create_user("editor", "editor@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_secret(editor):
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)
    return secret


def admin_log_in(client, username="editor", password=PASSWORD):
    return client.post("/admin/login/", {"username": username, "password": password})


def logged_in(client):
    return "_auth_user_id" in client.session


def test_an_editor_with_an_authenticator_app_is_asked_for_a_code(client, editor_secret):
    response = admin_log_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/en/account/2fa/authenticate/"
    assert not logged_in(client)
    assert client.get("/admin/").status_code == 302  # still to the log-in

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert 'name="code"' in page.content.decode()

    wrong = client.post(response["Location"], {"code": "000000"})
    assert wrong.status_code == 200
    assert "Incorrect code" in wrong.content.decode()
    assert not logged_in(client)

    right = client.post(response["Location"], {"code": authenticator_app_code(editor_secret)})
    assert right.status_code == 302
    assert right["Location"] == "/admin/"
    assert logged_in(client)
    assert client.get("/admin/").status_code == 200


def test_a_code_is_asked_for_after_the_right_password_only(client, editor_secret):
    response = admin_log_in(client, password="wrong")
    assert response.status_code == 200
    assert not logged_in(client)
    # Without the password first, the code page has no log-in to finish.
    code = client.post(
        "/en/account/2fa/authenticate/", {"code": authenticator_app_code(editor_secret)}
    )
    assert code.status_code == 302
    assert not logged_in(client)


def test_the_admin_log_in_keeps_its_next_address(client, editor_secret):
    response = client.post(
        "/admin/login/?next=/admin/pages/",
        {"username": "editor", "password": PASSWORD, "next": "/admin/pages/"},
    )
    right = client.post(response["Location"], {"code": authenticator_app_code(editor_secret)})
    assert right["Location"] == "/admin/pages/"


def test_a_recovery_code_opens_the_admin_once(client, editor, editor_secret):
    (first_code, *_rest) = RecoveryCodes.activate(editor).get_unused_codes()

    response = admin_log_in(client)
    assert client.post(response["Location"], {"code": first_code})["Location"] == "/admin/"
    assert logged_in(client)

    client.logout()
    again = client.post(admin_log_in(client)["Location"], {"code": first_code})
    assert again.status_code == 200
    assert not logged_in(client)


def test_a_member_is_asked_for_a_code_on_the_members_log_in_too(client, editor, editor_secret):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    response = client.post(
        "/en/account/login/", {"login": "editor@example.org", "password": PASSWORD}
    )
    assert response["Location"] == "/en/account/2fa/authenticate/"
    assert not logged_in(client)


def test_without_the_group_setting_an_editor_needs_no_second_factor(client, editor):
    admin_log_in(client)
    assert client.get("/admin/").status_code == 200


def require_two_factor_through_the_group_page(admin_client, group):
    """Ticks the permission on the group's page and saves it, as an administrator would."""
    address = f"/admin/groups/edit/{group.pk}/"
    page = admin_client.get(address)
    assert page.status_code == 200
    html = page.content.decode()
    permission = two_factor_permission().get()
    label = re.search(r'<label for="([^"]+)"[^>]*>Must use two-factor authentication</label>', html)
    assert label, "the permission is not listed on the group's page"
    assert re.search(rf'<input[^>]*value="{permission.pk}"[^>]*id="{label[1]}"', html)
    data = form_data(html, "w-editor-form")
    assert str(permission.pk) not in data["permissions"]
    data["permissions"].append(str(permission.pk))
    saved = admin_client.post(address, data)
    assert saved.status_code == 302, saved.content.decode()[:2000]
    assert two_factor_permission().filter(group=group).exists()


@pytest.fixture
def administrator(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)


def test_a_group_can_make_the_second_factor_compulsory(client, editor, administrator):
    from django.test import Client

    administrator_client = Client()
    administrator_client.force_login(administrator)
    editors = Group.objects.get(name="Editors")
    pages_before = set(editors.page_permissions.values_list("page_id", "permission_id"))
    require_two_factor_through_the_group_page(administrator_client, editors)
    # Saving the group through its page kept what it had.
    assert set(editors.page_permissions.values_list("page_id", "permission_id")) == pages_before
    assert editors.permissions.filter(codename="access_admin").exists()

    assert admin_log_in(client)["Location"] == "/admin/"
    for address in ("/admin/", "/admin/pages/", "/admin/documents/"):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"] == "/en/account/2fa/totp/activate/"
    # The administrator, in no such group, is not held to it.
    assert administrator_client.get("/admin/").status_code == 200


def test_an_editor_held_to_it_sets_up_an_app_and_then_uses_the_admin(client, editor):
    editor.groups.get().permissions.add(two_factor_permission().get())
    admin_log_in(client)
    activate = client.get("/admin/", follow=True)
    # allauth asks for the password again before a second factor is changed.
    assert activate.redirect_chain[-1][0].startswith("/en/account/reauthenticate/")
    reauthenticated = client.post(activate.redirect_chain[-1][0], {"password": PASSWORD})
    assert reauthenticated["Location"] == "/en/account/2fa/totp/activate/"

    form = client.get("/en/account/2fa/totp/activate/")
    assert form.status_code == 200
    html = form.content.decode()
    assert 'src="data:image/svg+xml;base64,' in html  # the QR code, allowed by the CSP
    secret = form.context["form"].secret
    assert re.fullmatch(r"[A-Z2-7]+", secret)

    done = client.post("/en/account/2fa/totp/activate/", {"code": authenticator_app_code(secret)})
    assert done.status_code == 302
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()
    # Recovery codes come with it, shown once, for a lost phone.
    assert done["Location"] == "/en/account/2fa/recovery-codes/"
    assert RecoveryCodes(
        Authenticator.objects.get(user=editor, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()
    assert client.get("/admin/").status_code == 200

    # And the next log-in asks for a code.
    client.logout()
    assert admin_log_in(client)["Location"] == "/en/account/2fa/authenticate/"


def test_the_admin_account_page_offers_two_factor_authentication(client, editor):
    client.force_login(editor)
    page = client.get("/admin/account/")
    assert page.status_code == 200
    assert 'href="/en/account/2fa/"' in page.content.decode()
    assert client.get("/en/account/2fa/").status_code == 200


def test_codes_are_rate_limited_like_passwords(client, editor_secret):
    code_page = admin_log_in(client)["Location"]
    for _attempt in range(5):
        assert client.post(code_page, {"code": "000000"}).status_code == 200
    blocked = client.post(code_page, {"code": authenticator_app_code(editor_secret)})
    assert blocked.status_code == 200
    assert "Too many failed login attempts" in blocked.content.decode()
    assert not logged_in(client)


def test_the_two_factor_page_shows_its_methods_as_cards_with_buttons(client, editor):
    client.force_login(editor)
    response = client.get("/es/cuenta/2fa/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    panels = html.select("main .panel")
    assert [panel.h2.get_text(strip=True) for panel in panels] == [
        "Aplicación de autenticación",
        "Códigos de recuperación",
    ]
    activate = panels[0].select_one(".button-group a.button")
    assert activate.get_text(strip=True) == "Activar"
    assert not html.select("main .panel li")  # allauth's own panel lists its actions


def test_the_e_mail_page_marks_addresses_with_the_sites_badges(client, editor):
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    EmailAddress.objects.create(user=editor, email="old@example.org", verified=False)
    client.force_login(editor)
    html = BeautifulSoup(client.get("/es/cuenta/email/").content, "html.parser")
    badges = {
        (badge.get_text(strip=True), " ".join(badge["class"]))
        for badge in html.select("main .badge")
    }
    assert badges == {
        ("Verificado", "badge badge--open"),
        ("Principal", "badge"),
        ("Sin verificar", "badge badge--closing-soon"),
    }
    assert "Reenviar la verificación" in html.get_text()
