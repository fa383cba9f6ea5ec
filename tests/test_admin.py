"""The Wagtail admin: login, the page editor, page-type rules, Spanish for Spanish editors."""

from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from home import demo as home_demo
from home.models import HomePage, StandardPage
from tests.html_forms import form_data


class AdminTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home_demo.build(log=lambda message: None)
        cls.home = HomePage.objects.get(locale__language_code="en")
        cls.about = StandardPage.objects.get(locale__language_code="en", slug="about")
        cls.spanish = Locale.objects.get(language_code="es")
        cls.editor = get_user_model().objects.create_superuser(
            "editor", "editor@example.org", "a-long-password"
        )

    def setUp(self):
        self.client.force_login(self.editor)


class TestAdminAccess(AdminTestCase):
    def test_login_page_loads_for_anonymous_visitors(self):
        self.client.logout()

        response = self.client.get("/admin/login/")

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="username"')

    def test_admin_requires_login(self):
        self.client.logout()

        response = self.client.get("/admin/")

        self.assertRedirects(response, "/admin/login/?next=/admin/")

    def test_page_editor_loads_for_each_page_type(self):
        for page in (self.home, self.about):
            with self.subTest(page=page.title):
                response = self.client.get(f"/admin/pages/{page.pk}/edit/")
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, page.title)

    def test_admin_speaks_spanish_to_an_editor_who_prefers_it(self):
        profile = UserProfile.get_for_user(self.editor)
        profile.preferred_language = "es"
        profile.save()

        response = self.client.get("/admin/")

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<html lang="es"')
        self.assertContains(response, "<title>Panel de control")
        self.assertContains(response, "Saltar al contenido principal")


class TestPageTree(AdminTestCase):
    def test_standard_pages_go_under_home_or_standard_pages(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertCanCreateAt(Page, HomePage)

    def test_pages_are_renderable(self):
        # assertPageIsRoutable does not strip i18n_patterns' language prefix; routing through
        # /en/ and /es/ is tested with real requests in test_home.py.
        for page in (self.home, self.about, self.about.get_translation(self.spanish)):
            with self.subTest(page=page.title):
                self.assertPageIsRenderable(page)

    def test_editor_creates_a_standard_page_with_every_body_block(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Expert exchange, November",
                    "slug": "expert-exchange-november",
                    "introduction": "Notes from the November exchange in Santiago.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Programme", "level": "h2"}),
                            ("paragraph", rich_text("<p>Two days of site visits.</p>")),
                            ("quote", {"quote": "Learning travels both ways.", "attribution": ""}),
                            (
                                "call_to_action",
                                {
                                    "heading": "Read the report",
                                    "text": "",
                                    "button_label": "Read it",
                                    "link": {"page": self.about.pk, "url": ""},
                                },
                            ),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="expert-exchange-november")
        self.assertEqual(
            [block.block_type for block in page.body],
            ["heading", "paragraph", "quote", "call_to_action"],
        )

    def test_call_to_action_needs_exactly_one_destination(self):
        response = self.client.post(
            f"/admin/pages/add/home/standardpage/{self.home.pk}/",
            nested_form_data(
                {
                    "title": "Broken link",
                    "slug": "broken-link",
                    "introduction": "",
                    "body": streamfield(
                        [
                            (
                                "call_to_action",
                                {
                                    "heading": "Go",
                                    "text": "",
                                    "button_label": "Go",
                                    "link": {"page": "", "url": ""},
                                },
                            )
                        ]
                    ),
                }
            ),
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Choose a page on this site or enter an external address")
        self.assertFalse(StandardPage.objects.filter(slug="broken-link").exists())


class TestAccountPage(AdminTestCase):
    """The editor of ``setUpTestData`` has no first or last name, as ``createsuperuser`` leaves
    them; the Account page is posted as a browser would, from the form it served."""

    def account_form(self, **changes):
        page = self.client.get("/admin/account/")
        self.assertEqual(page.status_code, 200)
        data = form_data(page.content.decode(), "w-editor-form")
        data.update(changes)
        return data

    def test_an_editor_without_names_can_choose_spanish(self):
        self.assertEqual(self.editor.get_full_name(), "")

        response = self.client.post(
            "/admin/account/", self.account_form(**{"locale-preferred_language": "es"})
        )

        self.assertRedirects(response, "/admin/account/")
        self.assertEqual(UserProfile.get_for_user(self.editor).preferred_language, "es")
        self.assertContains(self.client.get("/admin/"), '<html lang="es"')
        self.editor.refresh_from_db()
        self.assertEqual((self.editor.first_name, self.editor.last_name), ("", ""))

    def test_names_given_are_kept_and_a_bad_address_is_refused(self):
        saved = self.client.post(
            "/admin/account/",
            self.account_form(**{"name_email-first_name": "Ana", "name_email-last_name": "Pérez"}),
        )
        self.assertRedirects(saved, "/admin/account/")
        self.editor.refresh_from_db()
        self.assertEqual(self.editor.get_full_name(), "Ana Pérez")

        refused = self.client.post(
            "/admin/account/",
            self.account_form(
                **{"name_email-email": "not an address", "locale-preferred_language": "es"}
            ),
        )
        self.assertEqual(refused.status_code, 200)
        self.assertContains(refused, "Enter a valid email address.")
        self.assertNotEqual(UserProfile.get_for_user(self.editor).preferred_language, "es")

    def test_the_account_page_is_still_for_admin_users_only(self):
        self.client.logout()
        self.assertRedirects(
            self.client.get("/admin/account/"), "/admin/login/?next=/admin/account/"
        )
        member = get_user_model().objects.create_user("member", "member@example.org", "pw-long-1")
        self.client.force_login(member)
        self.assertEqual(self.client.get("/admin/account/").status_code, 302)
