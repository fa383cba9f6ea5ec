"""Every way to log in or reset a password is rate-limited as allauth's own forms are, and none
lets an unverified account in (issue 16, item 2): the Wagtail admin's log-in and password reset,
and Wagtail's front-end log-in for private pages. Through the real views."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-1"
TOO_MANY = "Too many failed login attempts"


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def member(verified):
    user = get_user_model().objects.create_user("ana", "ana@example.org", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
    return user


def admin_log_in(client, username, password=PASSWORD):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_the_admin_log_in_is_rate_limited(client, editor):
    for _attempt in range(5):
        assert TOO_MANY not in admin_log_in(client, "editor", "wrong").content.decode()
    blocked = admin_log_in(client, "editor")
    assert blocked.status_code == 200
    assert TOO_MANY in blocked.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_admin_log_in_still_lets_an_editor_in(client, editor):
    response = admin_log_in(client, "editor")
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("login", ["ana", "ana@example.org"])
def test_an_unverified_member_gets_no_session_from_the_admin_log_in(client, login):
    member(verified=False)
    response = admin_log_in(client, login)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.get("/en/account/").status_code == 302  # to the log-in page


def test_the_front_end_log_in_is_allauths(client, site_tree):
    """Private pages send visitors to allauth's log-in, and Wagtail's own log-in address
    (which took an unverified member's e-mail and password) leads there too."""
    member(verified=False)
    PageViewRestriction.objects.create(
        page=site_tree.about_en, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(site_tree.about_en.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/account/login/?next=")

    posted = client.post("/en/_util/login/", {"username": "ana@example.org", "password": PASSWORD})
    assert posted.status_code in (301, 302)
    assert "/account/login/" in posted["Location"]
    assert "_auth_user_id" not in client.session


def test_the_admin_password_reset_sends_no_more_than_allauths_limit(client, editor):
    for _request in range(30):
        response = client.post("/admin/password_reset/", {"email": "editor@example.org"})
        assert response.status_code == 302  # the same answer every time
    assert 1 <= len(mail.outbox) <= 5
