"""The "Must use two-factor authentication" permission (network/two_factor.py), on wagtailadmin's
Admin content type so that a group's page lists it under "Other permissions". No group has it
until an administrator ticks it."""

from django.db import migrations

CODENAME = "require_two_factor"


def create_permission(apps, schema_editor):
    content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Must use two-factor authentication"},
    )


def delete_permission(apps, schema_editor):
    apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="wagtailadmin", codename=CODENAME
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0003_page_cache_table"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_permission, delete_permission)]
