"""Permissions that data migrations give Wagtail's Editors and Moderators groups, for what the
site adds to the admin. Groups renamed or deleted by the site's administrators are left alone."""

from collections.abc import Iterator
from typing import Any

from django.db import migrations

GROUPS = ("Editors", "Moderators")


def permissions(
    apps: Any, app_label: str, grants: dict[str, tuple[str, ...]], verbose_names: dict[str, str]
) -> Iterator[Any]:
    """The permissions ``{model: actions}`` of ``app_label``, created if Django has not yet
    (it creates them after migrating), named as Django names them ("Can change site links")."""
    content_types = apps.get_model("contenttypes", "ContentType").objects
    permission_model = apps.get_model("auth", "Permission")
    for model, actions in grants.items():
        content_type, _ = content_types.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _ = permission_model.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_names[model]}"},
            )
            yield permission


def grant_to_editors(
    app_label: str, grants: dict[str, tuple[str, ...]], verbose_names: dict[str, str]
) -> migrations.RunPython:
    """A migration operation granting them to the groups, and revoking them when reversed."""

    def groups(apps: Any) -> Any:
        return apps.get_model("auth", "Group").objects.filter(name__in=GROUPS)

    def grant(apps: Any, schema_editor: Any) -> None:
        granted = list(permissions(apps, app_label, grants, verbose_names))
        for group in groups(apps):
            group.permissions.add(*granted)

    def revoke(apps: Any, schema_editor: Any) -> None:
        granted = list(permissions(apps, app_label, grants, verbose_names))
        for group in groups(apps):
            group.permissions.remove(*granted)

    return migrations.RunPython(grant, revoke)
