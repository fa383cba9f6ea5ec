import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from calls import demo as calls_demo
from events import demo as events_demo
from home import demo as home_demo
from members import demo as members_demo
from network.demo import DemoDataError
from resources import demo as resources_demo

DEMO_ADMIN_USERNAME = "admin"
# Named like any editor, as page history, workflow e-mails and comments show editors' names.
DEMO_ADMIN_NAME = {"first_name": "Demo", "last_name": "Administrator"}


class Command(BaseCommand):
    help = (
        "Build the demo site in English and Spanish from the programme's facts, and (in dev "
        "settings only) a demo admin account. Running it again leaves existing content unchanged, "
        "but for what an older demo made, which is brought up to date."
    )

    def handle(self, *args, **options):
        def log(message):
            self.stdout.write(f"  {message}")

        try:
            with transaction.atomic():
                self.stdout.write("Home and standard pages")
                home_demo.build(log)
                if getattr(settings, "DEMO_SITE_FOLLOWS_ADMIN_BASE_URL", False):
                    home_demo.ensure_site_address(log)
                self.stdout.write("Resource library")
                resources_demo.build(log)
                home_demo.feature_outputs(log)
                self.stdout.write("Member directory")
                members_demo.build(log)
                self.stdout.write("Events")
                events_demo.build(log)
                self.stdout.write("Calls for collaboration")
                calls_demo.build(log)
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        self.ensure_demo_admin()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def ensure_demo_admin(self):
        if not getattr(settings, "DEMO_ADMIN_ALLOWED", False):
            self.stdout.write("Demo admin account: skipped (only created with dev settings).")
            return
        User = get_user_model()
        if User.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            self.stdout.write(
                f"Demo admin account “{DEMO_ADMIN_USERNAME}” exists; password unchanged."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(
            DEMO_ADMIN_USERNAME, "admin@example.org", password, **DEMO_ADMIN_NAME
        )
        self.stdout.write(
            self.style.WARNING(
                "Demo admin account created. Log in at /admin/ with\n"
                f"    username: {DEMO_ADMIN_USERNAME}\n    password: {password}\n"
                "This password is shown only once."
            )
        )
