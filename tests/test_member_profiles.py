"""Member profiles (members/): written on the public site, moderated in Wagtail's workflow,
listed in the directory of both languages, hidden or deleted by their member."""

import datetime
import importlib
import io
import json
import re
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, PageLogEntry, Site

from members.models import MemberPage
from members.photos import member_photo_url
from network.models import Place, Topic
from network.templatetags.network_tags import initials
from resources.models import ResourceAuthor, ResourceIndexPage, ResourcePage
from tests.factories import PASSWORD, MemberFactory

User = get_user_model()
Image = get_image_model()

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


@pytest.fixture
def vocabulary(site_tree):
    chile = Place.objects.create(
        name="Chile", slug="chile", kind=Place.Kind.COUNTRY, locale=site_tree.home_en.locale
    )
    Place.objects.create(
        name="Chile",
        slug="chile",
        kind=Place.Kind.COUNTRY,
        locale=site_tree.spanish,
        translation_key=chile.translation_key,
    )
    leadership = Topic.objects.create(
        name="City leadership", slug="city-leadership", locale=site_tree.home_en.locale
    )
    Topic.objects.create(
        name="Liderazgo urbano",
        slug="city-leadership",
        locale=site_tree.spanish,
        translation_key=leadership.translation_key,
    )
    return chile, leadership


@pytest.fixture
def member(client):
    user = MemberFactory(email="ana@example.org")
    client.force_login(user)
    return user


@pytest.fixture
def moderator(client):
    user = MemberFactory(email="editor@example.org")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def profile_data(**changes):
    return {
        "name": "Ana Pérez",
        "role": "Economic development officer",
        "organisation": "Municipalidad de Valparaíso",
        "sector": "local-government",
        "bio": "Works with the Barrio Comercial of Valparaíso.",
        "orcid": "0000-0002-1825-0097",
        "website": "https://example.org/ana",
        "languages": ["es", "en"],
        "open_to_collaboration": "on",
        "show_website": "on",
        **changes,
    }


def submit(client, **changes):
    return client.post("/en/account/profile/", profile_data(**changes))


def approve(client, moderator, page, action="approve", comment=""):
    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk)),
        {"comment": comment},
    )
    assert response.status_code == 302
    page.refresh_from_db()


def png_bytes(size=(40, 40)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, "PNG")
    return buffer.getvalue()


def test_profile_goes_through_approval_into_both_directories(
    client, directories, vocabulary, member, moderator
):
    directory_en, directory_es = directories
    chile, leadership = vocabulary
    response = submit(client, country=str(chile.pk), expertise=[str(leadership.pk)])
    assert response.status_code == 302
    page = MemberPage.objects.get(user=member)
    assert not page.live
    assert page.workflow_in_progress
    # Not public before approval.
    assert client.get(page.url).status_code == 404
    assert "Ana Pérez" not in client.get(directory_en.url).content.decode()

    mail.outbox.clear()
    approve(client, moderator, page)
    assert page.live
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    assert "published" in mail.outbox[0].subject

    client.logout()
    english = client.get(directory_en.url).content.decode()
    spanish = client.get(directory_es.url).content.decode()
    assert "Ana Pérez" in english and "Ana Pérez" in spanish
    assert "City leadership" in english
    assert "Liderazgo urbano" in spanish
    alias = MemberPage.objects.get(alias_of=page)
    assert alias.locale == directory_es.locale and alias.live
    profile = client.get(alias.url).content.decode()
    assert "Municipalidad de Valparaíso" in profile
    assert "ana@example.org" not in english + spanish + profile
    # Names of languages are capitalised in English; in Spanish only the value's first word is.
    assert "<dd>Español, inglés</dd>" in profile
    assert "<dd>Spanish, English</dd>" in client.get(page.url).content.decode()


def test_an_edit_waits_for_approval_while_the_old_version_stays_public(
    client, directories, member, moderator
):
    submit(client)
    page = MemberPage.objects.get(user=member)
    approve(client, moderator, page)

    client.force_login(member)
    submit(client, organisation="Agencia de Ejemplo")
    page.refresh_from_db()
    assert page.workflow_in_progress
    public = client.get(page.url).content.decode()
    assert "Municipalidad de Valparaíso" in public and "Agencia de Ejemplo" not in public
    # The member sees and edits what they last wrote.
    form = client.get("/en/account/profile/").content.decode()
    assert 'value="Agencia de Ejemplo"' in form

    approve(client, moderator, page)
    assert "Agencia de Ejemplo" in client.get(page.url).content.decode()
    alias = MemberPage.objects.get(alias_of=page)
    assert "Agencia de Ejemplo" in client.get(alias.url).content.decode()


def test_a_rejected_profile_is_not_published_and_the_member_is_told(
    client, directories, member, moderator
):
    submit(client)
    page = MemberPage.objects.get(user=member)
    mail.outbox.clear()
    approve(client, moderator, page, action="reject", comment="Please add your organisation.")
    assert not page.live
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    assert "Please add your organisation." in mail.outbox[0].body
    client.force_login(member)
    assert "asked for changes" in client.get("/en/account/").content.decode()
    # Sending it again starts a new review.
    submit(client, organisation="Municipalidad de Valparaíso, Chile")
    page.refresh_from_db()
    assert page.workflow_in_progress


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"bio": "x" * 801}, "Ensure this value has at most 800 characters"),
        ({"name": "<script>alert(1)</script>"}, "Please write plain text, without HTML."),
        ({"orcid": "0000-0002-1825-0098"}, "This ORCID iD is not valid"),
        ({"orcid": "1234"}, "Enter an ORCID iD such as"),
        ({"website": "javascript:alert(1)"}, "Enter a valid URL."),
        ({"sector": "pirates"}, "Select a valid choice."),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(client, directories, member, changes, message):
    response = submit(client, **changes)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not MemberPage.objects.exists()


def test_a_file_that_is_not_an_image_is_refused(client, directories, member):
    fake = SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = client.post("/en/account/profile/", {**profile_data(), "photo": fake})
    assert response.status_code == 200
    assert "photo" in response.content.decode().lower()
    assert not MemberPage.objects.exists()


def test_a_real_photo_is_kept(client, directories, member):
    photo = SimpleUploadedFile("ana.png", png_bytes(), content_type="image/png")
    assert (
        client.post("/en/account/profile/", {**profile_data(), "photo": photo}).status_code == 302
    )
    assert MemberPage.objects.get(user=member).get_latest_revision_as_object().photo is not None


def test_an_unverified_account_cannot_post_a_profile(client, directories):
    client.force_login(MemberFactory(email="new@example.org", verified=False))
    assert submit(client).status_code == 403
    assert not MemberPage.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, directories):
    response = submit(client)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/account/login/")


def test_a_member_only_ever_edits_their_own_profile(client, directories, member, moderator):
    submit(client)
    ana = MemberPage.objects.get(user=member)
    approve(client, moderator, ana)
    other = MemberFactory(email="bruno@example.org")
    client.force_login(other)
    form = client.get("/en/account/profile/").content.decode()
    assert "Ana Pérez" not in form
    submit(client, name="Bruno Díaz")
    ana.refresh_from_db()
    assert ana.title == "Ana Pérez"
    assert MemberPage.objects.get(user=other).title == "Bruno Díaz"
    # Members have no admin: the page editor is not theirs to use.
    assert client.get(f"/admin/pages/{ana.pk}/edit/").status_code == 302


def test_hiding_and_showing_a_profile(client, directories, member, moderator):
    submit(client)
    page = MemberPage.objects.get(user=member)
    approve(client, moderator, page)
    alias = MemberPage.objects.get(alias_of=page)

    client.force_login(member)
    client.post("/en/account/profile/visibility/")
    page.refresh_from_db()
    alias.refresh_from_db()
    assert not page.live and not alias.live
    assert client.get(page.url).status_code == 404

    client.post("/en/account/profile/visibility/", {"visible": "1"})
    page.refresh_from_db()
    assert page.live
    assert MemberPage.objects.get(pk=alias.pk).live


def test_deleting_the_account_removes_the_profile_in_both_languages(
    client, directories, member, moderator
):
    submit(client)
    page = MemberPage.objects.get(user=member)
    approve(client, moderator, page)
    url = page.url
    client.force_login(member)
    client.post("/en/account/delete/", {"password": PASSWORD})
    assert not MemberPage.objects.exists()
    assert client.get(url).status_code == 404


def test_directory_filters_and_query_count(client, directories, vocabulary, moderator):
    directory_en, _ = directories
    chile, leadership = vocabulary

    def add_members(numbers):
        for number in numbers:
            user = MemberFactory(email=f"member{number}@example.org")
            client.force_login(user)
            sector = "academia" if number % 2 else "local-government"
            extra = (
                {"country": str(chile.pk), "expertise": [str(leadership.pk)]} if number < 3 else {}
            )
            submit(client, name=f"Member {number}", sector=sector, **extra)
            approve(client, moderator, MemberPage.objects.get(user=user))
        client.logout()

    def directory_queries():
        client.get(directory_en.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(directory_en.url).status_code == 200
        return len(queries)

    add_members(range(3))
    few = directory_queries()
    add_members(range(3, 6))
    # Labels, photos and places of every listed member come in a fixed number of queries.
    assert directory_queries() == few

    def names(query):
        html = client.get(directory_en.url, query).content.decode()
        return sorted(name for name in (f"Member {n}" for n in range(6)) if name in html)

    assert names({"sector": "academia"}) == ["Member 1", "Member 3", "Member 5"]
    assert names({"country": "chile"}) == ["Member 0", "Member 1", "Member 2"]
    assert names({"expertise": "city-leadership", "sector": "academia"}) == ["Member 1"]
    assert names({"q": "member 4"}) == ["Member 4"]
    assert client.get(directory_en.url, {"sector": "pirates"}).status_code == 200


def test_data_export_includes_the_profile(client, directories, member):
    submit(client)
    data = client.get("/en/account/data/").json()
    assert data["profile"]["name"] == "Ana Pérez"
    assert data["profile"]["orcid"] == "0000-0002-1825-0097"
    assert data["profile"]["published"] is False


def test_contact_form_relays_messages_without_revealing_the_address(
    client, directories, member, moderator
):
    submit(client, allow_contact="on")
    page = MemberPage.objects.get(user=member)
    approve(client, moderator, page)
    client.logout()
    contact_url = page.url + "contact/"
    form = client.get(contact_url)
    assert form.status_code == 200
    assert "ana@example.org" not in form.content.decode()

    mail.outbox.clear()
    response = client.post(
        contact_url,
        {"name": "Tom", "email": "tom@example.org", "message": "Shall we work together?"},
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["ana@example.org"]
    assert message.reply_to == ["tom@example.org"]
    assert "Shall we work together?" in message.body
    assert "ana@example.org" not in client.get(page.url).content.decode()


def test_e_mails_link_to_the_address_the_site_is_served_on(
    client, settings, directories, member, moderator
):
    """As after ``make run PORT=8123``: dev settings put WAGTAILADMIN_BASE_URL there, load_demo
    moves the site there (tests/test_demo.py), and visitors come there."""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "127.0.0.1", 8123
    site.save()
    client.defaults["HTTP_HOST"] = "127.0.0.1:8123"

    mail.outbox.clear()
    submit(client, allow_contact="on")
    page = MemberPage.objects.get(user=member)
    (to_moderator,) = mail.outbox
    assert to_moderator.to == ["editor@example.org"]
    assert f"http://127.0.0.1:8123/admin/pages/{page.pk}/" in to_moderator.body

    mail.outbox.clear()
    approve(client, moderator, page)
    (to_member,) = mail.outbox
    assert "http://127.0.0.1:8123/en/account/" in to_member.body

    client.logout()
    mail.outbox.clear()
    client.post(
        page.url + "contact/",
        {"name": "Tom", "email": "tom@example.org", "message": "Shall we work together?"},
    )
    (relayed,) = mail.outbox
    assert f"http://127.0.0.1:8123{page.url}" in relayed.body


def test_contact_form_is_rate_limited(client, directories, member, moderator):
    submit(client, allow_contact="on")
    page = MemberPage.objects.get(user=member)
    approve(client, moderator, page)
    client.logout()
    data = {"name": "Tom", "email": "tom@example.org", "message": "Hello."}
    mail.outbox.clear()
    for _attempt in range(5):
        assert client.post(page.url + "contact/", data).status_code == 302
    blocked = client.post(page.url + "contact/", data)
    assert blocked.status_code == 429
    assert "Too many messages" in blocked.content.decode()
    assert len(mail.outbox) == 5


def test_no_contact_form_unless_the_member_allows_it(client, directories, member, moderator):
    submit(client)
    page = MemberPage.objects.get(user=member)
    approve(client, moderator, page)
    assert client.get(page.url + "contact/").status_code == 404
    assert "contact/" not in client.get(page.url).content.decode()


def test_demo_profiles_are_listed_in_both_directories_in_each_language(client, loaded_demo):
    english = unescape(client.get("/en/members/").content.decode())
    spanish = unescape(client.get("/es/miembros/").content.decode())
    profiles = MemberPage.objects.live().select_related("locale", "country", "city")
    # Translations, not aliases: an alias would show the original's language.
    assert not profiles.filter(alias_of__isnull=False).exists()
    by_language = {
        code: {page.title: page for page in profiles if page.locale.language_code == code}
        for code in ("en", "es")
    }
    # Names stay as they are; the translation says the rest in the other language.
    assert 4 <= len(by_language["en"]) == len(by_language["es"]) <= 6
    assert by_language["en"].keys() == by_language["es"].keys()
    for name, perfil in by_language["es"].items():
        profile = by_language["en"][name]
        assert "(perfil ficticio)" in perfil.role and "(fictional profile)" in profile.role
        assert "no corresponde a ninguna persona real" in perfil.bio
        assert "it does not describe a real person" in profile.bio
        assert name in english and name in spanish
        assert perfil.role in spanish and profile.role in english
    assert "Example Member" not in english + spanish
    # A spread of the directory's facets.
    english_profiles = by_language["en"].values()
    assert len({page.sector for page in english_profiles}) == len(english_profiles)
    assert {page.country.slug for page in english_profiles} == {"chile", "united-kingdom"}
    assert len({page.city.slug for page in english_profiles}) == len(english_profiles)
    assert 'href="/en/members/"' in english  # in the main navigation


def test_an_image_too_large_in_pixels_is_refused(client, directories, member):
    huge = io.BytesIO()
    PILImage.new("1", (8000, 6000)).save(huge, "PNG")  # 48 megapixels, a few kilobytes
    photo = SimpleUploadedFile("huge.png", huge.getvalue(), content_type="image/png")
    response = client.post("/en/account/profile/", {**profile_data(), "photo": photo})
    assert response.status_code == 200
    assert "This file has too many pixels" in response.content.decode()
    assert not MemberPage.objects.exists()


def test_sending_the_form_twice_keeps_one_profile(client, directories, member):
    submit(client)
    submit(client)
    assert MemberPage.objects.filter(user=member).count() == 1
    page = MemberPage.objects.get(user=member)
    assert page.workflow_states.filter(status="in_progress").count() == 1


def test_resource_authors_link_to_member_profiles_until_the_account_is_deleted(
    client, directories, member, moderator, site_tree
):
    submit(client)
    page = MemberPage.objects.get(user=member)
    approve(client, moderator, page)
    library = ResourceIndexPage(title="Library", slug="library")
    site_tree.home_en.add_child(instance=library)
    library.save_revision().publish()
    resource = ResourcePage(
        title="Barrios Comerciales in practice",
        summary="A report.",
        resource_type="report",
        publication_date=datetime.date(2024, 5, 1),
        authors=[
            ResourceAuthor(given_names="Ana", family_names="Pérez", member=page),
            ResourceAuthor(given_names="Someone", family_names="Else"),
        ],
    )
    library.add_child(instance=resource)
    resource.save_revision().publish()

    html = client.get(resource.url).content.decode()
    assert f'<a href="{page.url}">Ana Pérez</a>' in html
    assert "Someone Else" in html
    # On the Spanish site the link goes to the profile's Spanish copy.
    with translation.override("es"):
        assert resource.authors.first().member_profile() == MemberPage.objects.get(alias_of=page)

    client.force_login(member)
    client.post("/en/account/delete/", {"password": PASSWORD})
    html = client.get(resource.url).content.decode()
    assert "Ana Pérez" in html
    assert page.url not in html


def test_a_member_cannot_undo_an_editors_takedown(client, directories, member, moderator):
    submit(client)
    page = MemberPage.objects.get(user=member)
    approve(client, moderator, page)
    page.unpublish(user=moderator)
    client.force_login(member)
    assert "Show my profile again" not in client.get("/en/account/").content.decode()
    response = client.post("/en/account/profile/visibility/", {"visible": "1"})
    assert response.status_code == 404
    page.refresh_from_db()
    assert not page.live


def test_showing_again_waits_for_a_review_in_progress(client, directories, member, moderator):
    submit(client)
    page = MemberPage.objects.get(user=member)
    approve(client, moderator, page)
    client.force_login(member)
    client.post("/en/account/profile/visibility/")
    submit(client, organisation="Agencia de Ejemplo")
    response = client.post("/en/account/profile/visibility/", {"visible": "1"}, follow=True)
    assert "waiting for an editor" in response.content.decode()
    page.refresh_from_db()
    assert not page.live and page.workflow_in_progress


def test_members_with_the_same_name_get_their_own_profiles(client, directories, moderator):
    pages = []
    for email in ("ana@example.org", "ana.2@example.org"):
        user = MemberFactory(email=email)
        client.force_login(user)
        assert submit(client).status_code == 302
        page = MemberPage.objects.get(user=user)
        approve(client, moderator, page)
        pages.append(page)
    assert len({page.slug for page in pages}) == 2
    assert MemberPage.objects.filter(alias_of__in=pages).count() == 2


def test_editing_in_the_other_language_keeps_places_and_topics(
    client, directories, vocabulary, member
):
    chile, leadership = vocabulary
    submit(client, country=str(chile.pk), expertise=[str(leadership.pk)])
    form = client.get("/es/cuenta/perfil/").content.decode()
    assert f'value="{chile.pk}" selected' in form
    client.post(
        "/es/cuenta/perfil/",
        profile_data(country=str(chile.pk), expertise=[str(leadership.pk)], bio="Nueva."),
    )
    latest = MemberPage.objects.get(user=member).get_latest_revision_as_object()
    assert latest.country == chile
    assert list(latest.expertise.all()) == [leadership]


def test_a_line_break_in_a_contact_name_is_refused(client, directories, member, moderator):
    submit(client, allow_contact="on")
    page = MemberPage.objects.get(user=member)
    approve(client, moderator, page)
    client.logout()
    mail.outbox.clear()
    response = client.post(
        page.url + "contact/",
        {"name": "Tom\nBcc: x@example.org", "email": "tom@example.org", "message": "Hi."},
    )
    assert response.status_code == 200
    assert "Please write this on one line." in response.content.decode()
    assert mail.outbox == []


def test_contact_e_mails_are_plain_text_not_html_escaped(client, directories, member, moderator):
    submit(client, allow_contact="on")
    page = MemberPage.objects.get(user=member)
    approve(client, moderator, page)
    client.logout()
    mail.outbox.clear()
    client.post(
        page.url + "contact/",
        {"name": "Tom O'Brien", "email": "tom@example.org", "message": "Shops & streets."},
    )
    assert "Tom O'Brien" in mail.outbox[0].body
    assert "Shops & streets." in mail.outbox[0].body


def test_deleting_the_account_deletes_the_members_photos(client, directories, member):
    photo = SimpleUploadedFile("ana.png", png_bytes(), content_type="image/png")
    client.post("/en/account/profile/", {**profile_data(), "photo": photo})
    assert Image.objects.filter(uploaded_by_user=member).count() == 1
    client.post("/en/account/delete/", {"password": PASSWORD})
    assert not Image.objects.exists()


def test_deleting_the_account_leaves_no_trace_of_the_member_in_the_logs(
    client, directories, member, moderator
):
    """Wagtail's page and model logs keep a page's title (here, the member's name) and who
    acted, after the page is gone; the member's deletion makes them anonymous."""
    photo = SimpleUploadedFile("ana.png", png_bytes(), content_type="image/png")
    client.post("/en/account/profile/", {**profile_data(), "photo": photo})
    page = MemberPage.objects.get(user=member)
    approve(client, moderator, page)
    client.force_login(member)
    client.post("/en/account/profile/", profile_data(role="Director"))
    entries = list(PageLogEntry.objects.filter(page_id=page.pk)) + list(ModelLogEntry.objects.all())
    assert any("Ana Pérez" in entry.label for entry in entries)

    client.post("/en/account/delete/", {"password": PASSWORD})

    for model in (PageLogEntry, ModelLogEntry):
        for entry in model.objects.all():
            text = json.dumps([entry.label, entry.data], ensure_ascii=False)
            assert "Ana Pérez" not in text and "ana@example.org" not in text, entry
        assert not model.objects.filter(user_id=member.pk).exists()
    # The entries themselves stay: what happened to the page, and when, is not personal.
    assert PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish").exists()


def photo_upload(name):
    return SimpleUploadedFile(f"{name}.png", png_bytes(), content_type="image/png")


def test_a_photo_replaced_before_approval_is_deleted_and_the_approved_one_kept(
    client, directories, member, moderator
):
    client.post("/en/account/profile/", {**profile_data(), "photo": photo_upload("first")})
    first = Image.objects.get(uploaded_by_user=member)
    client.post("/en/account/profile/", {**profile_data(), "photo": photo_upload("second")})
    second = Image.objects.get(uploaded_by_user=member)
    assert second.pk != first.pk  # the first, never approved, is gone

    approve(client, moderator, MemberPage.objects.get(user=member))
    client.force_login(member)
    client.post("/en/account/profile/", {**profile_data(), "photo": photo_upload("third")})
    client.post("/en/account/profile/", {**profile_data(), "photo": photo_upload("fourth")})
    kept = set(Image.objects.filter(uploaded_by_user=member).values_list("pk", flat=True))
    assert second.pk in kept  # what the public sees until the new one is approved
    assert len(kept) == 2  # the approved photo and the newest submission, not the third
    assert MemberPage.objects.get(user=member, alias_of__isnull=True).photo_id == second.pk


def test_profile_submissions_are_rate_limited_and_lose_nothing(client, directories, member):
    for number in range(10):
        response = submit(client, role=f"Role {number}")
        assert response.status_code == 302
    page = MemberPage.objects.get(user=member)
    revisions = page.revisions.count()

    refused = submit(client, role="One too many")
    assert refused.status_code == 200
    assert "many times in the last hour" in refused.content.decode()
    assert 'value="One too many"' in refused.content.decode()  # the form comes back as sent
    assert page.revisions.count() == revisions


PHOTO_SRC = re.compile(r'<img src="(/member-photos/[^"]+)"[^>]*class="member__photo[^"]*"')


def public_photo_address(client, page):
    """The photo's address on the profile as a visitor is shown it."""
    html = client.get(page.url).content.decode()
    found = PHOTO_SRC.search(html)
    assert found, "no photo on the profile"
    return found[1]


def test_a_members_photo_is_public_only_while_the_profile_is(
    client, directories, member, moderator
):
    """Issue 16, item 9: photos of unapproved or hidden profiles are not public."""
    client.post("/en/account/profile/", {**profile_data(), "photo": photo_upload("ana-perez")})
    photo = Image.objects.get(uploaded_by_user=member)
    # Its file's name says nothing and cannot be guessed from the upload, and so neither can
    # the names of its sizes.
    assert re.fullmatch(r"original_images/member-photo-[0-9a-f]{32}\.png", photo.file.name)
    assert photo.collection.name == "Member photos"
    page = MemberPage.objects.get(user=member)
    address = member_photo_url(photo.get_rendition("fill-200x200"))

    anonymous = Client()
    assert anonymous.get(address).status_code == 404  # not approved yet
    assert client.get(address).status_code == 200  # the member sees their own
    client.force_login(moderator)  # a moderator reviewing it too, uncached
    reviewing = client.get(address)
    assert reviewing.status_code == 200
    assert "private" in reviewing["Cache-Control"]

    approve(client, moderator, page)
    assert public_photo_address(anonymous, page) == address
    shown = anonymous.get(address)
    assert shown.status_code == 200
    assert shown["Content-Type"] == "image/png"
    assert b"".join(shown.streaming_content).startswith(b"\x89PNG")
    assert "public" in shown["Cache-Control"]
    assert "max-age=300" in shown["Cache-Control"]
    spanish = MemberPage.objects.get(alias_of=page)
    assert public_photo_address(anonymous, spanish) == address
    # Pages name no file under /media/ for it: nothing to keep once the profile is hidden.
    for listing in (page.url, directories[0].url, spanish.url):
        assert photo.file.name.removeprefix("original_images/").split(".")[0] not in (
            anonymous.get(listing).content.decode()
        )

    client.force_login(member)
    client.post("/en/account/profile/visibility/")
    assert anonymous.get(address).status_code == 404


def test_the_photo_view_serves_only_signed_sizes_of_member_photos(
    client, directories, member, moderator
):
    client.post("/en/account/profile/", {**profile_data(), "photo": photo_upload("ana")})
    approve(client, moderator, MemberPage.objects.get(user=member))
    photo = Image.objects.get(uploaded_by_user=member)
    address = member_photo_url(photo.get_rendition("fill-200x200"))
    anonymous = Client()
    assert anonymous.get(address).status_code == 200
    # Another size under the same signature: refused (anyone could make the server resize).
    assert anonymous.get(address.replace("fill-200x200", "width-4000")).status_code == 403
    # An image that is no member's photo, with a valid signature: not served here.
    other = Image.objects.create(title="Logo", file=photo_upload("logo"))
    assert anonymous.get(member_photo_url(other.get_rendition("fill-200x200"))).status_code == 404
    assert anonymous.get(address.replace(f"/{photo.pk}/", "/999999/")).status_code == 404


def test_photos_uploaded_before_get_a_random_name(client, directories, member, moderator):
    """members/migrations/0003: the files of earlier uploads had the member's own file name."""
    rename_member_photos = importlib.import_module(
        "members.migrations.0003_private_member_photo_names"
    ).rename_member_photos
    submit(client)
    page = MemberPage.objects.get(user=member)
    approve(client, moderator, page)
    earlier = Image.objects.create(
        title="Ana", file=photo_upload("ana-perez"), uploaded_by_user=member
    )
    chosen_by_an_editor = Image.objects.create(
        title="Event", file=photo_upload("event"), uploaded_by_user=moderator
    )
    old_rendition = earlier.get_rendition("fill-200x200").file.name
    assert earlier.file.name == "original_images/ana-perez.png"
    page.photo = earlier
    page.save_revision().publish()

    rename_member_photos(django_apps, None)

    earlier.refresh_from_db()
    assert re.fullmatch(r"original_images/member-photo-[0-9a-f]{32}\.png", earlier.file.name)
    storage = earlier.file.storage
    assert not storage.exists("original_images/ana-perez.png")
    assert not storage.exists(old_rendition)
    assert "ana-perez" not in earlier.get_rendition("fill-200x200").file.name
    assert public_photo_address(Client(), page)

    # An image uploaded by someone else keeps its name, even once it is a profile's photo.
    page.photo = chosen_by_an_editor
    page.save_revision().publish()
    rename_member_photos(django_apps, None)
    chosen_by_an_editor.refresh_from_db()
    assert chosen_by_an_editor.file.name == "original_images/event.png"


@pytest.fixture
def cities(site_tree, vocabulary):
    chile, _leadership = vocabulary
    english = site_tree.home_en.locale
    uk = Place.objects.create(
        name="United Kingdom", slug="united-kingdom", kind=Place.Kind.COUNTRY, locale=english
    )
    santiago = Place.objects.create(
        name="Santiago", slug="santiago", kind=Place.Kind.CITY, country=chile, locale=english
    )
    london = Place.objects.create(
        name="London", slug="london", kind=Place.Kind.CITY, country=uk, locale=english
    )
    return chile, uk, santiago, london


def test_the_profile_form_preselects_no_sector_and_groups_cities_by_country(
    client, directories, member, cities
):
    """Issue 17: the sector came preselected, and the city list mixed every country's."""
    html = BeautifulSoup(client.get("/en/account/profile/").content, "html.parser")
    sector = html.select_one('select[name="sector"]')
    assert (
        sector.select_one("option[selected]") is None
        or sector.select_one("option[selected]")["value"] == ""
    )
    groups = {
        group["label"]: [option.get_text() for option in group.select("option")]
        for group in html.select('select[name="city"] optgroup')
    }
    assert groups == {"Chile": ["Santiago"], "United Kingdom": ["London"]}
    assert html.select_one('select[name="country"]')["data-country-select"] == "id_city"


def test_a_city_outside_the_chosen_country_is_refused_and_nothing_saved(
    client, directories, member, cities
):
    chile, _uk, _santiago, london = cities
    response = submit(client, country=chile.pk, city=london.pk)
    assert response.status_code == 200
    assert "London is not in Chile" in response.content.decode()
    assert not MemberPage.objects.filter(user=member).exists()


def test_a_city_alone_gives_its_country(client, directories, member, cities):
    _chile, uk, _santiago, london = cities
    assert submit(client, city=london.pk).status_code == 302
    assert MemberPage.objects.get(user=member).get_latest_revision_as_object().country == uk


def test_the_photo_help_is_in_the_visitors_language(client, directories, member):
    html = client.get("/es/account/profile/", follow=True).content.decode()
    assert "Una foto suya" in html
    assert "Supported formats" not in html


@pytest.mark.parametrize(
    "name, shown",
    [
        ("Helen Marsh", "HM"),
        ("Paula Sepúlveda Ortiz", "PS"),
        ("María José de la Fuente Rojas", "MF"),
        ("Aisha", "A"),
        ("— ", ""),
    ],
)
def test_an_avatar_shows_the_given_name_and_the_surname_people_go_by(name, shown):
    assert initials(name) == shown
