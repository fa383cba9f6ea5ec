"""The e-mails django-allauth sends (issue 17, item 4): the site's own text in English and formal
Spanish, greeted and signed in the network's name, never allauth's "Hello from <host>", each sent
through the real flow (sign-up, password reset, e-mail addresses, second factor) in /en/ and
/es/."""

import re
from pathlib import Path

import allauth
import pytest
from allauth.account import app_settings as account_settings
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.template.loader import get_template
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.authenticator import authenticator_app_code
from tests.conftest import clear_caches
from tests.factories import PASSWORD, MemberFactory

User = get_user_model()
NEW_PASSWORD = "another long passphrase 43"
# The address the review saw greeted in Spanish ("¡Hola de parte de 127.0.0.1:8123!").
HOST = "127.0.0.1:8123"

IN_LANGUAGE = {
    "en": {
        "greeting": "Hello,",
        "network": "Chile–UK City Leadership Network",
        "signature": "Kind regards,\nChile–UK City Leadership Network\n",
    },
    "es": {
        "greeting": "Hola:",
        "network": "Red Chile–Reino Unido de Liderazgo Urbano",
        "signature": "Atentamente,\nRed Chile–Reino Unido de Liderazgo Urbano\n",
    },
}
# The informal Spanish allauth's own catalogue addresses members with ("vete a", "tu cuenta").
INFORMAL_SPANISH = re.compile(
    r"\b(vete|ve a|tu|tus|te|ti|puedes|has|recibes|olvidaste|haz|estás|quieres)\b", re.IGNORECASE
)
URL = re.compile(r"https?://\S+")

# Every test needs the site's home pages, which e-mails sign off with.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


@pytest.fixture
def client():
    return Client(HTTP_HOST=HOST)


def url(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def log_in(client, language, email="ana@example.org", password=PASSWORD):
    response = client.post(url(language, "account_login"), {"login": email, "password": password})
    assert response.status_code == 302
    return response


def check_branded(message, language):
    """The e-mail is in ``language``, greets without the host, names the network in its subject
    and signature, ends with the site's address; in Spanish it says "usted", never "tú"."""
    words = IN_LANGUAGE[language]
    body = message.body
    text = URL.sub("", body)
    assert body.startswith(words["greeting"] + "\n\n"), body
    assert words["signature"] in body, body
    assert body.rstrip().endswith(f"http://{HOST}/{language}/"), body
    assert message.subject.endswith(" | " + words["network"]), message.subject
    # The host is only ever part of a link.
    assert HOST not in text, body
    assert "&#x27;" not in body and "&amp;" not in body, body  # plain text, not HTML-escaped
    if language == "es":
        assert not INFORMAL_SPANISH.search(text), INFORMAL_SPANISH.search(text)
        assert not INFORMAL_SPANISH.search(message.subject), message.subject
        assert re.search(r"\b(usted|su|sus|le)\b", text), body
    else:
        assert "Hola" not in body and "Red Chile" not in body, body
    return body


def links(body):
    return [match.group(0) for match in URL.finditer(body)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_sign_up_e_mail_confirms_the_address(client, language):
    response = client.post(
        url(language, "account_signup"),
        {
            "email": "ana@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "privacy_consent": "on",
        },
    )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    body = check_branded(message, language)
    expected = {
        "en": ("Confirm your e-mail address", "Thank you for joining the Chile–UK City"),
        "es": (
            "Confirme su dirección de correo electrónico",
            "Gracias por unirse a la Red Chile–Reino Unido de Liderazgo Urbano. Para terminar de "
            "crear su cuenta, confirme su dirección",
        ),
    }[language]
    assert message.subject.startswith(expected[0])
    assert expected[1] in body

    confirmation = links(body)[0]
    path = confirmation.removeprefix(f"http://{HOST}")
    assert path.startswith(url(language, "account_confirm_email", "KEY").removesuffix("KEY/"))
    assert client.post(path).status_code == 302
    assert EmailAddress.objects.get(email="ana@example.org").verified


@pytest.mark.parametrize("language", ["en", "es"])
def test_signing_up_again_tells_the_owner_they_have_an_account(client, language):
    MemberFactory(consented=True)
    client.post(
        url(language, "account_signup"),
        {
            "email": "ana@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "privacy_consent": "on",
        },
    )
    [message] = mail.outbox
    body = check_branded(message, language)
    expected = {
        "en": ("You already have an account", "but it already has an account"),
        "es": ("Usted ya tiene una cuenta", "Si olvidó su contraseña, puede elegir una nueva aquí"),
    }[language]
    assert message.subject.startswith(expected[0])
    assert expected[1] in body
    assert links(body)[0] == f"http://{HOST}{url(language, 'account_reset_password')}"


@pytest.mark.parametrize("language", ["en", "es"])
def test_password_reset_by_e_mail_then_a_notice_of_the_change(client, language):
    user = MemberFactory(consented=True)
    response = client.post(url(language, "account_reset_password"), {"email": "ana@example.org"})
    assert response.status_code == 302
    [reset] = mail.outbox
    body = check_branded(reset, language)
    expected = {
        "en": ("Choose a new password", "To choose a new password, open this link:"),
        "es": ("Elija una contraseña nueva", "Para elegir una contraseña nueva, abra este enlace:"),
    }[language]
    assert reset.subject.startswith(expected[0])
    assert expected[1] in body

    key_page = client.get(links(body)[0].removeprefix(f"http://{HOST}"), follow=True)
    set_password = key_page.redirect_chain[-1][0]
    done = client.post(set_password, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)

    notice = mail.outbox[1]
    body = check_branded(notice, language)
    expected = {
        "en": ("Password reset", "Your password has been reset."),
        "es": ("Contraseña restablecida", "Su contraseña se ha restablecido."),
    }[language]
    assert notice.subject.startswith(expected[0])
    assert expected[1] in body


@pytest.mark.parametrize("language", ["en", "es"])
def test_password_reset_for_an_unknown_address_says_so_by_e_mail(client, language):
    client.post(url(language, "account_reset_password"), {"email": "nobody@example.org"})
    [message] = mail.outbox
    assert message.to == ["nobody@example.org"]
    body = check_branded(message, language)
    expected = {
        "en": ("No account with this address", "If it was you, you can join the network here:"),
        "es": (
            "No hay ninguna cuenta con esta dirección",
            "Si fue usted, puede unirse a la red aquí:",
        ),
    }[language]
    assert message.subject.startswith(expected[0])
    assert expected[1] in body
    assert links(body)[0] == f"http://{HOST}{url(language, 'account_signup')}"


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_changed_password_is_notified_with_where_it_came_from(client, language):
    MemberFactory(consented=True)
    log_in(client, language)
    response = client.post(
        url(language, "account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        HTTP_USER_AGENT="Firefox/140.0",
    )
    assert response.status_code == 302
    [message] = mail.outbox
    body = check_branded(message, language)
    expected = {
        "en": (
            "Password changed",
            ["Your password has been changed.", "IP address: 127.0.0.1", "Browser: Firefox/140.0"],
        ),
        "es": (
            "Contraseña cambiada",
            [
                "Le informamos de un cambio en su cuenta",
                "Su contraseña se ha cambiado.",
                "Si usted no hizo este cambio, elija una contraseña nueva de inmediato:",
                "Dirección IP: 127.0.0.1",
                "Navegador: Firefox/140.0",
            ],
        ),
    }[language]
    assert message.subject.startswith(expected[0])
    for line in expected[1]:
        assert line in body
    # The date in the reader's language ("Fecha: 2 de diciembre de 2026 a las 10:15 (UTC)").
    date_line = {"en": r"Date: \d{1,2} [A-Z][a-z]+ \d{4}", "es": r"Fecha: \d{1,2} de [a-z]+ de"}
    assert re.search(date_line[language], body), body
    assert f"http://{HOST}{url(language, 'account_reset_password')}" in links(body)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_password_set_for_an_account_without_one_is_notified(client, language):
    user = MemberFactory(consented=True)
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    response = client.post(
        url(language, "account_set_password"),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    [message] = mail.outbox
    body = check_branded(message, language)
    expected = {
        "en": ("Password set", "A password has been set for your account."),
        "es": ("Contraseña establecida", "Se ha establecido una contraseña para su cuenta."),
    }[language]
    assert message.subject.startswith(expected[0])
    assert expected[1] in body


@pytest.mark.parametrize("language", ["en", "es"])
def test_e_mail_addresses_added_made_main_and_removed(client, language):
    MemberFactory(consented=True)
    log_in(client, language)
    addresses = url(language, "account_email")

    client.post(addresses, {"email": "ana@work.example.org", "action_add": ""})
    [confirm] = mail.outbox
    assert confirm.to == ["ana@work.example.org"]
    body = check_branded(confirm, language)
    expected = {
        "en": (
            "Confirm your e-mail address",
            "Please confirm that ana@work.example.org is your e-mail address",
        ),
        "es": (
            "Confirme su dirección de correo electrónico",
            "Confirme que ana@work.example.org es su dirección de correo electrónico",
        ),
    }[language]
    assert confirm.subject.startswith(expected[0])
    assert expected[1] in body
    assert client.post(links(body)[0].removeprefix(f"http://{HOST}")).status_code == 302

    client.post(addresses, {"email": "ana@work.example.org", "action_primary": ""})
    changed = mail.outbox[1]
    # Told at the old address, in case the change was not theirs.
    assert changed.to == ["ana@example.org"]
    body = check_branded(changed, language)
    expected = {
        "en": ("E-mail address changed", "from ana@example.org to ana@work.example.org."),
        "es": (
            "Dirección de correo electrónico cambiada",
            "ha cambiado de ana@example.org a ana@work.example.org.",
        ),
    }[language]
    assert changed.subject.startswith(expected[0])
    assert expected[1] in body

    client.post(addresses, {"email": "ana@example.org", "action_remove": ""})
    removed = mail.outbox[2]
    assert removed.to == ["ana@work.example.org"]
    body = check_branded(removed, language)
    expected = {
        "en": ("E-mail address removed", "The e-mail address ana@example.org has been removed"),
        "es": (
            "Dirección de correo electrónico eliminada",
            "Se ha eliminado la dirección de correo electrónico ana@example.org de su cuenta.",
        ),
    }[language]
    assert removed.subject.startswith(expected[0])
    assert expected[1] in body
    assert len(mail.outbox) == 3


# allauth e-mails these once the authenticator is saved (transaction.on_commit), still inside
# the request: only real commits show that (and the rows the migrations made come back after).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["en", "es"])
def test_second_factor_changes_are_notified(client, language):
    clear_caches()
    user = MemberFactory(consented=True)
    log_in(client, language)
    activate = url(language, "mfa_activate_totp")
    # allauth asks for the password again before a second factor is changed.
    reauthenticate = client.get(activate)["Location"]
    assert client.post(reauthenticate, {"password": PASSWORD})["Location"] == activate
    secret = client.get(activate).context["form"].secret
    done = client.post(activate, {"code": authenticator_app_code(secret)})
    assert done.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    client.post(url(language, "mfa_generate_recovery_codes"))
    client.post(url(language, "mfa_deactivate_totp"))
    assert not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()

    expected = {
        "en": [
            ("Authenticator app activated", "An authenticator app has been set up"),
            ("New recovery codes", "the previous codes no longer work."),
            ("Authenticator app deactivated", "logging in no longer asks for a code from it."),
        ],
        "es": [
            ("Aplicación de autenticación activada", "también se le pedirá un código de ella."),
            ("Nuevos códigos de recuperación", "los códigos anteriores ya no sirven."),
            ("Aplicación de autenticación desactivada", "ya no se le pedirá un código."),
        ],
    }[language]
    assert len(mail.outbox) == len(expected)
    for message, (subject, sentence) in zip(mail.outbox, expected, strict=True):
        body = check_branded(message, language)
        assert message.subject.startswith(subject)
        assert sentence in body


# allauth's e-mails the site cannot send with its settings, and so does not rewrite: each is
# named with the setting that would start it (turning one on needs its template first).
NOT_SENT = {
    "account/email/login_code": lambda: account_settings.LOGIN_BY_CODE_ENABLED,
    "account/email/password_reset_code": lambda: account_settings.PASSWORD_RESET_BY_CODE_ENABLED,
    "mfa/email/webauthn_added": lambda: "webauthn" in mfa_settings.SUPPORTED_TYPES,
    "mfa/email/webauthn_removed": lambda: "webauthn" in mfa_settings.SUPPORTED_TYPES,
    # A notice allauth 65 has a template for but never sends.
    "account/email/email_confirm": lambda: False,
}


def test_every_e_mail_allauth_can_send_here_is_the_sites_own():
    allauth_templates = Path(allauth.__file__).parent / "templates"
    prefixes = {
        str(path.relative_to(allauth_templates)).removesuffix("_message.txt")
        for folder in ("account/email", "mfa/email")
        for path in (allauth_templates / folder).glob("*_message.txt")
        if not path.name.startswith("base_")
    }
    ours = Path(settings.BASE_DIR) / "templates"
    for prefix in sorted(prefixes):
        if prefix in NOT_SENT:
            assert not NOT_SENT[prefix](), f"{prefix} can be sent now: write its template"
            continue
        for part in ("message", "subject"):
            origin = Path(get_template(f"{prefix}_{part}.txt").origin.name)
            assert origin.is_relative_to(ours), f"{prefix}_{part}.txt is allauth's own"
