"""Wagtail's Editors and Moderators groups may manage the snippets and settings the site adds: topics,
places and partners (add, change, delete) and the footer's site links (change). Without this only
administrators could, and an editor's Snippets menu would be empty. Groups renamed or deleted by
the site's administrators are left alone."""

from django.db import migrations

GROUPS = ("Editors", "Moderators")
GRANTS = {
    "topic": ("add", "change", "delete", "view"),
    "place": ("add", "change", "delete", "view"),
    "partner": ("add", "change", "delete", "view"),
    "sitelinks": ("change", "view"),
}
# As Django names the permissions it creates after migrating: "Can change site links".
VERBOSE_NAMES = {"topic": "topic", "place": "place", "partner": "partner", "sitelinks": "site links"}


def permissions(apps):
    content_types = apps.get_model("contenttypes", "ContentType").objects
    permission_model = apps.get_model("auth", "Permission")
    for model, actions in GRANTS.items():
        content_type, _ = content_types.get_or_create(app_label="network", model=model)
        for action in actions:
            permission, _ = permission_model.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {VERBOSE_NAMES[model]}"},
            )
            yield permission


def grant(apps, schema_editor):
    granted = list(permissions(apps))
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(*granted)


def revoke(apps, schema_editor):
    granted = list(permissions(apps))
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*granted)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0006_partners_and_site_links"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
