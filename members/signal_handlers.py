"""Profiles in every language once published, and the member told of the editors' decision."""

from django.core.mail import send_mail
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from members.models import MemberPage
from members.profiles import ensure_translations


@receiver(page_published, sender=MemberPage)
def translate_published_profile(sender, instance, **kwargs):
    if instance.alias_of_id is None:
        ensure_translations(instance)


@receiver(workflow_approved)
def tell_member_of_approval(sender, instance, user=None, **kwargs):
    tell_member(instance, "approved")


@receiver(workflow_rejected)
def tell_member_of_rejection(sender, instance, user=None, **kwargs):
    tell_member(instance, "rejected")


def tell_member(workflow_state, outcome):
    page = getattr(workflow_state.content_object, "specific", None)
    if not isinstance(page, MemberPage) or page.user is None or not page.user.email:
        return
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else ""
    with translation.override(page.locale.language_code):
        task_state = workflow_state.current_task_state
        context = {
            "name": page.title,
            "account_url": root + reverse("members_account"),
            "comment": task_state.get_comment() if task_state else "",
        }
        subject = render_to_string(f"members/email/profile_{outcome}_subject.txt", context)
        body = render_to_string(f"members/email/profile_{outcome}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [page.user.email])
