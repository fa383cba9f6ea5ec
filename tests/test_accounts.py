"""Member accounts (django-allauth, members/): sign-up with consent, e-mail verification, log-in,
rate limits, no account enumeration, data export and deletion, through the real views."""

import json
import re

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail

from members.models import PRIVACY_NOTICE_VERSION, Consent
from tests.factories import PASSWORD, MemberFactory

User = get_user_model()
CONFIRMATION_URL = re.compile(r"https?://[^/\s]+(/en/account/confirm-email/[^\s]+/)")

# Every test needs the site's home pages, which the layout links to.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


def sign_up(client, email="ana@example.org", **extra):
    data = {
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "privacy_consent": "on",
        **extra,
    }
    return client.post("/en/account/signup/", data)


def log_in(client, email="ana@example.org", password=PASSWORD):
    return client.post("/en/account/login/", {"login": email, "password": password})


@pytest.fixture
def member(client):
    """A member who has signed up and verified their address, logged out."""
    return MemberFactory(email="ana@example.org", consented=True)


def test_sign_up_verify_and_log_in(client):
    page = client.get("/en/account/signup/")
    assert page.status_code == 200
    assert b'href="/en/account/privacy/"' in page.content

    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="ana@example.org")
    assert [consent.notice_version for consent in user.consents.all()] == [PRIVACY_NOTICE_VERSION]
    assert not user.is_staff
    # Not verified yet: the account page is not open.
    assert client.get("/en/account/").status_code == 302

    assert len(mail.outbox) == 1
    confirmation = CONFIRMATION_URL.search(mail.outbox[0].body).group(1)
    assert client.get(confirmation).status_code == 200
    assert client.post(confirmation).status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    client.logout()
    assert log_in(client)["Location"] == "/en/account/"
    account = client.get("/en/account/")
    assert account.status_code == 200
    assert "ana@example.org" in account.content.decode()


def test_unverified_member_cannot_log_in(client):
    sign_up(client)
    client.logout()
    response = log_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/en/account/confirm-email/"
    assert client.get("/en/account/").status_code == 302


def test_sign_up_needs_consent_and_saves_nothing_without_it(client):
    response = client.post(
        "/en/account/signup/",
        {"email": "ana@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert "Please accept the privacy notice" in response.content.decode()
    assert not User.objects.exists()
    assert mail.outbox == []


def test_bots_filling_the_hidden_field_get_no_account(client):
    response = sign_up(client, phone_number="+56 9 1234 5678")
    # Answered like a real sign-up, so the bot learns nothing; nothing is created or sent.
    assert response.status_code == 302
    assert not User.objects.exists()
    assert mail.outbox == []


def test_sign_up_with_a_taken_address_reveals_nothing(client, member):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == "/en/account/confirm-email/"
    assert User.objects.count() == 1
    # The owner of the address is told instead, by e-mail.
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]


def test_password_reset_answers_alike_for_unknown_addresses(client, member):
    known = client.post("/en/account/password/reset/", {"email": "ana@example.org"})
    unknown = client.post("/en/account/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_repeated_failed_log_ins_are_rate_limited(client, member):
    for _attempt in range(5):
        response = log_in(client, password="wrong")
        assert "Too many failed login attempts" not in response.content.decode()
    blocked = log_in(client)
    assert "Too many failed login attempts" in blocked.content.decode()
    assert "_auth_user_id" not in client.session


def test_members_cannot_use_the_wagtail_admin(client, member):
    log_in(client)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_account_pages_are_translated(client):
    page = client.get("/es/cuenta/login/").content.decode()
    assert 'lang="es"' in page
    assert "Iniciar sesión" in page
    assert "Únase a la red" in page


def test_the_log_in_form_speaks_as_the_site_does(client):
    """Sentence case, as the site's other labels, where allauth's English says Remember Me."""
    for path, label in [("/en/account/login/", "Remember me"), ("/es/cuenta/login/", "Recordarme")]:
        page = BeautifulSoup(client.get(path).content, "html.parser")
        assert page.find("label", attrs={"for": "id_remember"}).get_text(strip=True) == label


@pytest.mark.parametrize(
    "path, home, updated, controller",
    [
        (
            "/en/account/privacy/",
            "/en/",
            "Last updated in November 2026 (version 2026-11).",
            "it is the controller of your data",
        ),
        (
            "/es/cuenta/privacidad/",
            "/es/",
            "Última actualización: noviembre 2026 (versión 2026-11).",
            "es la responsable del tratamiento de sus datos",
        ),
    ],
)
def test_the_privacy_notice_says_when_it_changed_and_who_answers_for_the_data(
    client, site_tree, path, home, updated, controller
):
    page = BeautifulSoup(client.get(path).content, "html.parser")

    breadcrumbs = page.select(".breadcrumbs li")
    assert breadcrumbs[0].a["href"].endswith(home)
    assert breadcrumbs[-1].find(attrs={"aria-current": "page"}).get_text() == page.h1.get_text()
    assert page.select_one(".lead").get_text() == updated
    responsible = page.find("h2", string=re.compile("responsible|responsable")).find_next("p")
    assert controller in responsible.get_text()
    assert responsible.find("a", href="mailto:contact@citynetwork.example.org") is not None


def test_data_export_holds_the_account_and_consents(client, member):
    log_in(client)
    response = client.get("/en/account/data/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="my-network-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email_addresses"] == [
        {"email": "ana@example.org", "verified": True, "primary": True}
    ]
    assert [consent["privacy_notice_version"] for consent in data["consents"]] == [
        PRIVACY_NOTICE_VERSION
    ]


def test_data_export_needs_a_log_in(client, member):
    response = client.get("/en/account/data/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/account/login/")


def test_deleting_an_account_needs_the_password_then_removes_everything(client, member):
    log_in(client)
    wrong = client.post("/en/account/delete/", {"password": "not it"})
    assert wrong.status_code == 200
    assert "That is not your password." in wrong.content.decode()
    assert User.objects.filter(pk=member.pk).exists()

    deleted = client.post("/en/account/delete/", {"password": PASSWORD}, follow=True)
    assert deleted.status_code == 200
    assert "Your account and everything kept with it have been deleted." in (
        deleted.content.decode()
    )
    assert not User.objects.filter(pk=member.pk).exists()
    assert not EmailAddress.objects.exists()
    assert not Consent.objects.exists()
    assert client.get("/en/account/").status_code == 302


def test_an_old_session_of_a_deleted_account_is_anonymous(client, member):
    log_in(client)
    member.delete()
    response = client.get("/en/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/account/login/")


def test_no_email_address_in_the_public_layout(client, member):
    log_in(client)
    home = client.get("/en/").content.decode()
    assert "ana@example.org" not in home
    assert 'href="/en/account/"' in home
