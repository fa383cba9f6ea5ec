from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks

from resources.models import ResourcePage


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_unsearchable_documents(request, page):
    """The page is saved either way; the editor learns which attachments search cannot read."""
    if not isinstance(page.specific, ResourcePage):
        return
    for link in page.specific.documents.select_related("document"):
        if link.document.text_problem:
            messages.warning(
                request,
                _("“%(document)s”: %(problem)s")
                % {"document": link.document.title, "problem": link.document.text_problem},
            )
