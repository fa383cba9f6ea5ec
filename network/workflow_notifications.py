"""Wagtail's moderation e-mails with the workflow's and the task's names in each recipient's
language.

Wagtail stores those names as they were typed, in English here: its migration made "Moderators
approval" (workflow and task) and members/profiles.py makes "Member profile approval". Its
e-mails (wagtailadmin/notifications/*) print ``workflow.name`` and ``task.name`` as stored, so a
Spanish moderator read the English name inside a Spanish sentence. These notifiers are Wagtail's
own with the names looked up in the catalogue as each recipient's e-mail is rendered (Wagtail
renders it in the recipient's admin language); a name an editor typed in the admin has no entry
and is shown as typed.

They take the places of Wagtail's notifiers by their ``dispatch_uid``
(wagtail/admin/signal_handlers.py): whichever app is ready first, one notifier per signal.
"""

import copy
from typing import TYPE_CHECKING, Any, TypeVar

from django.utils.translation import gettext_lazy, gettext_noop
from wagtail.admin import mail
from wagtail.models import Task, TaskState, Workflow, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

# Names the site's database holds without having written them in code: listed so that they
# have an entry in the catalogue.
WAGTAIL_DEFAULT_WORKFLOW_NAME = gettext_noop("Moderators approval")

WorkflowOrTask = TypeVar("WorkflowOrTask", Workflow, Task)

if TYPE_CHECKING:
    # Checked as one of Wagtail's notifiers (Any, while Wagtail ships no type information).
    from wagtail.admin.mail import Notifier as NotifierMixinBase
else:
    NotifierMixinBase = object


def named_in_reader_language(instance: WorkflowOrTask) -> WorkflowOrTask:
    """A copy of a workflow or task whose name is translated when the e-mail is rendered, in the
    language active then (the recipient's). The stored row is left as it is."""
    shown = copy.copy(instance)
    shown.name = gettext_lazy(instance.name)
    return shown


class NamesInReaderLanguageMixin(NotifierMixinBase):
    def get_context(self, instance: TaskState | WorkflowState, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(instance, **kwargs)
        for key in ("workflow", "task"):
            if key in context:
                context[key] = named_in_reader_language(context[key])
        return context


class TaskSubmissionNotifier(
    NamesInReaderLanguageMixin, mail.GroupApprovalTaskStateSubmissionEmailNotifier
):
    pass


class WorkflowSubmissionNotifier(
    NamesInReaderLanguageMixin, mail.WorkflowStateSubmissionEmailNotifier
):
    pass


class WorkflowApprovalNotifier(NamesInReaderLanguageMixin, mail.WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejectionNotifier(
    NamesInReaderLanguageMixin, mail.WorkflowStateRejectionEmailNotifier
):
    pass


# (signal, sender, Wagtail's dispatch_uid, notifier): signals hold receivers weakly, so the
# notifiers live here as long as the process.
NOTIFIERS = [
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TaskSubmissionNotifier(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmissionNotifier(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejectionNotifier(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApprovalNotifier(),
    ),
]


def connect() -> None:
    """Wagtail's notifier out if it is connected already; ours in under its dispatch_uid, which
    makes Wagtail's later connection (its AppConfig.ready) a no-op."""
    for signal, sender, dispatch_uid, notifier in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)
