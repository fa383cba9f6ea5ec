from django.core.exceptions import ObjectDoesNotExist
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail_localize.views import update_translations as localize_update

from translations.filters import TranslationStatusFilterSet
from translations.status import status_rows


class ActionColumn(Column):
    cell_template_name = "translations/action_cell.html"


class TranslationStatusReportView(ReportView):
    """Every page and snippet in every language it was not written in: missing, in progress,
    out of date or up to date, with a link to do what is due. Exportable as CSV or Excel."""

    page_title = _("Translation status")
    header_icon = "site"
    index_url_name = "translation_status_report"
    index_results_url_name = "translation_status_report_results"
    filterset_class = TranslationStatusFilterSet
    context_object_name = "rows"
    # Editors who may edit pages see the report, as with Wagtail's own page reports.
    model = Page
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn("title", label=_("Original"), get_url=lambda row: row.original_url),
        Column("kind_name", label=_("Type")),
        Column("section_label", label=_("Section")),
        Column("source_language_name", label=_("Written in")),
        Column("target_language_name", label=_("Translation into")),
        Column("status_label", label=_("Status")),
        Column("published_label", label=_("Translation published")),
        ActionColumn("action_label", label=_("Action")),
    ]
    list_export = [
        "title",
        "kind_name",
        "section_label",
        "source_language",
        "target_language",
        "status",
        "progress",
        "published",
    ]
    export_headings = {
        "title": _("Original"),
        "kind_name": _("Type"),
        "section_label": _("Section"),
        "source_language": _("Written in"),
        "target_language": _("Translation into"),
        "status": _("Status"),
        "progress": _("Segments translated (%)"),
        "published": _("Translation published"),
    }

    @cached_property
    def rows(self):
        return status_rows()

    def get_base_queryset(self):
        return self.rows

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "rows": self.rows}

    def get_filename(self):
        return "translation-status"


class UpdateTranslationsView(localize_update.UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", whose "Publish immediately" publishes every
    translation without asking whether the user may publish it: for a user who may not publish
    one of them, the option is shown off and cannot be turned on."""

    def get_form(self):
        form = super().get_form()
        if not self.may_publish_every_translation():
            field = form.fields["publish_translations"]
            field.disabled = True
            field.initial = False
            field.help_text = _("You may not publish every translation of this page.")
        return form

    def may_publish_every_translation(self):
        for translation in self.object.translations.filter(enabled=True):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:
                continue
            permissions = isinstance(target, Page) and target.permissions_for_user(
                self.request.user
            )
            if permissions and not permissions.can_publish():
                return False
        return True
