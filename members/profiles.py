"""What happens to a member's profile page: submission to moderation, copies in every language of
the directory, hiding, deletion. Views and signal handlers call these; nothing else edits
member pages for members."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.images import get_image_model
from wagtail.models import (
    GroupApprovalTask,
    Locale,
    ModelLogEntry,
    PageLogEntry,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.users.models import UserProfile

from members.models import MemberIndexPage, MemberPage

# Stored in English, as Wagtail stores names; its e-mails show them in the moderator's language
# (network/workflow_notifications.py).
WORKFLOW_NAME = gettext_noop("Member profile approval")
APPROVAL_TASK_NAME = gettext_noop("Approve member profile")
# Wagtail creates these groups; editors who moderate profiles belong to one of them.
APPROVER_GROUPS = ("Moderators", "Editors")
# What the logs say of a deleted member's profile and photos (stored, so not translated).
ANONYMOUS_LABEL = "(deleted member)"


class NoDirectory(Exception):
    """The site has no member directory in this language yet."""


def profile_workflow(directory):
    """The approval workflow, created on first use and assigned to ``directory``. Editors may
    rename or extend it in the admin; it is found again by its assignment."""
    assigned = WorkflowPage.objects.filter(page=directory).select_related("workflow").first()
    if assigned is not None:
        return assigned.workflow
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
        task.groups.set(Group.objects.filter(name__in=APPROVER_GROUPS))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=directory, workflow=workflow)
    return workflow


def member_directory(locale=None):
    directory = MemberIndexPage.objects.filter(locale=locale or Locale.get_active()).first()
    if directory is None:
        raise NoDirectory(_("The member directory is not open yet."))
    return directory


def member_profile(user):
    """The member's own profile page (not a copy in another language), or None."""
    return MemberPage.objects.filter(user=user, alias_of__isnull=True).first()


def last_published_revision(page):
    """The revision an editor last approved (or published), even after the page was hidden."""
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision if entry else None


def hidden_by_member(page, user):
    """Whether the profile is offline because its member hid it (not an editor's takedown)."""
    entry = (
        PageLogEntry.objects.filter(page=page, action__in=["wagtail.publish", "wagtail.unpublish"])
        .order_by("-timestamp", "-pk")
        .first()
    )
    return (
        not page.live
        and entry is not None
        and entry.action == "wagtail.unpublish"
        and entry.user_id == user.pk
    )


def free_slug(parent, base):
    """``base``, or ``base-2``, ``base-3``... whichever no child of ``parent`` has yet."""
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def editable_profile(user):
    """The profile as the member last wrote it: the newest revision, which may not be live."""
    page = member_profile(user)
    return page.get_latest_revision_as_object() if page else None


@transaction.atomic
def submit_profile(user, form):
    """Save the form as a new draft revision of the member's profile and submit it for approval;
    the live version, if any, stays as it is until an editor approves."""
    # One submission at a time per member: a double click cannot create two profiles.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    page = editable_profile(user)
    if page is None:
        page = MemberPage(user=user, owner=user, live=False)
        form.apply_to(page, user)
        directory = member_directory()
        page.slug = free_slug(directory, slugify(page.title) or "member")
        directory.add_child(instance=page)
        # Members never use the admin, and Wagtail's own notices would link there.
        UserProfile.objects.update_or_create(
            user=user,
            defaults={
                "submitted_notifications": False,
                "approved_notifications": False,
                "rejected_notifications": False,
                "updated_comments_notifications": False,
            },
        )
    else:
        pending_photo = page.photo_id
        form.apply_to(page, user)
        if page.photo_id != pending_photo:
            delete_unapproved_photo(page, pending_photo, user)
    revision = page.save_revision(user=user, log_action=True)
    # A review in progress (or asking for changes) is replaced by one of the new revision.
    if page.current_workflow_state is not None:
        page.current_workflow_state.cancel(user=user)
    profile_workflow(page.get_parent().specific).start(page, user)
    return revision


def ensure_translations(page):
    """A live alias of the profile in the directory of every other language, so that it is
    listed in each; Wagtail keeps aliases in step with the original when it is published. A
    language that already has the profile (its alias, or a translation an editor made of it)
    is left alone."""
    source_directory = page.get_parent()
    for directory in MemberIndexPage.objects.filter(
        translation_key=source_directory.translation_key
    ).exclude(locale_id=page.locale_id):
        in_language = MemberPage.objects.filter(
            translation_key=page.translation_key, locale_id=directory.locale_id
        )
        if not in_language.exists():
            page.create_alias(
                parent=directory,
                update_locale=directory.locale,
                update_slug=free_slug(directory, page.slug),
                reset_translation_key=False,
                log_action=None,
            )


def delete_unapproved_photo(page, photo_id, user):
    """A photo of the member's that a newer submission replaces before any editor approved it:
    not in the live version, so nobody will ever publish it. (An approved one stays until the
    replacement is approved: it is what the public sees meanwhile.)"""
    if photo_id is None:
        return
    live = page.live_revision.as_object() if page.live_revision_id else None
    if live is not None and live.photo_id == photo_id:
        return
    get_image_model().objects.filter(pk=photo_id, uploaded_by_user=user).delete()


@transaction.atomic
def delete_profiles(user):
    """The member's profiles, their aliases and every photo the member uploaded for them; then
    the logs are made anonymous (``anonymise_logs``)."""
    photo_ids, page_ids = set(), set()
    for page in MemberPage.objects.filter(user=user, alias_of__isnull=True):
        photo_ids.add(page.photo_id)
        photo_ids.update(revision.content.get("photo") for revision in page.revisions.all())
        for alias in MemberPage.objects.filter(alias_of=page):
            page_ids.add(alias.pk)
            alias.delete()
        page_ids.add(page.pk)
        page.delete()
    # Only the member's own uploads: an image an editor chose stays in the library.
    own_photos = get_image_model().objects.filter(pk__in=photo_ids - {None}, uploaded_by_user=user)
    photo_ids = set(own_photos.values_list("pk", flat=True))
    own_photos.delete()
    anonymise_logs(user, page_ids, photo_ids)


def anonymise_logs(user, page_ids, image_ids):
    """Wagtail's logs outlive what they are about: each entry keeps the page's or image's title
    at the time (a profile's title is the member's name) and the user who acted. Entries about
    the member's pages and photos lose their title and details, and no entry names the member
    as its user; what happened, and when, stays for the editors."""
    PageLogEntry.objects.filter(page_id__in=page_ids).update(label=ANONYMOUS_LABEL, data={})
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(get_image_model()),
        object_id__in=[str(pk) for pk in image_ids],
    ).update(label=ANONYMOUS_LABEL, data={})
    for log in (PageLogEntry, ModelLogEntry):
        log.objects.filter(user_id=user.pk).update(user=None)
