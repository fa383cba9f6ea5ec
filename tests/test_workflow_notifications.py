"""Wagtail's moderation e-mails in the moderator's admin language (issue 17, item 4): the Spanish
corrected in the site's catalogue ("La página ... ha sido enviado" was Wagtail's), and the names
of the workflow and its task translated (network/workflow_notifications.py), through the real
flows: a member sending a profile, an editor submitting a page in the admin, a moderator
rejecting it."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from home.models import StandardPage
from members.models import MemberPage
from tests.factories import PASSWORD

User = get_user_model()

pytestmark = pytest.mark.django_db


def make_user(username, admin_language, group=None, **extra):
    user = User.objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = admin_language
    profile.save()
    return user


def messages_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_moderators_read_a_members_submission_in_their_own_language(client, directories):
    moderador = make_user("moderador", "es", group="Moderators")
    moderator = make_user("moderator", "en", group="Moderators")
    # Superusers are told of every submission to a workflow too.
    administradora = make_user("administradora", "es", is_superuser=True)
    member = User.objects.create_user(username="ana", email="ana@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    client.force_login(member)

    response = client.post(
        "/es/cuenta/perfil/",
        {
            "name": "Ana Pérez",
            "role": "Encargada de desarrollo económico",
            "organisation": "Municipalidad de Valparaíso",
            "sector": "local-government",
            "languages": ["es"],
        },
    )
    assert response.status_code == 302
    page = MemberPage.objects.get(user=member)
    assert page.current_workflow_state is not None

    [spanish] = messages_to(moderador)
    assert spanish.subject == (
        "La página «Ana Pérez» se ha enviado para su aprobación en la etapa de moderación "
        "«Aprobar el perfil del miembro»"
    )
    assert spanish.body.startswith("Hola, moderador:")
    assert "Puede previsualizar la página aquí:" in spanish.body
    assert "Puede editar la página aquí:" in spanish.body
    assert "Puedes" not in spanish.body
    assert "Approve member profile" not in spanish.body

    [english] = messages_to(moderator)
    assert english.subject == (
        'The page "Ana Pérez" has been submitted for approval in moderation stage '
        '"Approve member profile"'
    )
    assert "You can preview the page here:" in english.body

    # The superuser is also a recipient of the task's e-mail; the workflow's is the other one.
    [workflow_message] = [
        message for message in messages_to(administradora) if "flujo de trabajo" in message.subject
    ]
    assert workflow_message.subject == (
        "La página «Ana Pérez» se ha enviado al flujo de trabajo «Aprobación de perfiles de "
        "miembros»"
    )
    assert (
        "ana ha enviado la página «Ana Pérez» a moderación en el flujo de trabajo "
        "«Aprobación de perfiles de miembros»."
    ) in workflow_message.body
    assert "ha sido enviado" not in workflow_message.body
    assert "Member profile approval" not in workflow_message.body


def test_an_editor_reads_the_rejection_of_a_page_in_spanish(client, site_tree):
    editora = make_user("editora", "es", group="Editors")
    moderador = make_user("moderador", "es", group="Moderators")
    client.force_login(editora)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("home", "standardpage", site_tree.home_en.pk)),
        nested_form_data(
            {
                "title": "Intercambio de expertos",
                "slug": "intercambio",
                "introduction": "Notas del intercambio de noviembre.",
                "body": streamfield([("paragraph", rich_text("<p>Dos días de visitas.</p>"))]),
                "action-submit": "action-submit",
            }
        ),
    )
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="intercambio")
    assert page.current_workflow_state is not None

    # Wagtail's own workflow, made by its migration, named in the moderator's language.
    [submitted] = messages_to(moderador)
    assert "«Aprobación de moderadores»" in submitted.subject
    assert "Moderators approval" not in submitted.body

    client.force_login(moderador)
    task_state = page.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk)),
        {"comment": "Falta la fecha del programa."},
    )
    assert response.status_code == 302
    [rejected] = messages_to(editora)
    assert (
        rejected.subject
        == "La página «Intercambio de expertos» se ha rechazado en «Aprobación de moderadores»."
    )
    assert (
        "moderador ha rechazado la página «Intercambio de expertos» en la etapa «Aprobación de "
        "moderadores» del flujo de trabajo «Aprobación de moderadores»."
    ) in rejected.body
    assert "Se dejó este comentario: «Falta la fecha del programa.»" in rejected.body
    assert "Puede editar la página aquí:" in rejected.body
