"""Strings of Wagtail, wagtail-localize and django-allauth whose Spanish the site corrects.

Django reads the site's catalogue (LOCALE_PATHS) before the packages' own, so an entry there for
one of their msgids replaces their translation. ``makemessages`` keeps only the msgids it finds
in the site's code: they are listed here, exactly as the packages write them, and translated in
locale/es/LC_MESSAGES/django.po. tests/test_catalogue_corrections.py checks that each is still a
msgid of the installed package, so an upgrade that rewords one shows up.

The packages' JavaScript strings (wagtail-localize's translation editor) are corrected in
locale/es/LC_MESSAGES/djangojs.po, by hand: makemessages does not write that catalogue.
"""

from django.utils.translation import gettext_noop

# Wagtail's moderation e-mails (wagtailadmin/notifications/*) for pages: "La página ... ha sido
# enviado" and the informal "Puedes editar la página" in Wagtail's catalogue.
WAGTAIL_NOTIFICATIONS = [
    gettext_noop("Hello %(username)s,"),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by '
        "%(requester)s."
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'
    ),
    gettext_noop('The page "%(title)s" has been submitted to workflow "%(workflow)s"'),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval to moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"'
    ),
    gettext_noop('The page "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop('The page "%(title)s" has been approved in "%(workflow)s".'),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by '
        "%(rejector)s."
    ),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'
    ),
    gettext_noop('The page "%(title)s" has been rejected during "%(workflow)s".'),
    gettext_noop('The following comment was left: "%(comment)s"'),
    gettext_noop("You can edit the page here:"),
    gettext_noop("You can preview the page here:"),
    gettext_noop("You can view the page here:"),
]

# wagtail-localize's admin: "tú" where the admin says "usted", and what its catalogue leaves in
# English (the form that syncs translations, the locales' pages).
WAGTAIL_LOCALIZE = [
    gettext_noop(
        "Choose a locale to synchronise content from. Any existing and future content authored "
        "in the selected locale will be automatically copied to this one."
    ),
    gettext_noop(
        "Are you sure you want to convert this page into an alias? This will overwrite the "
        "content of the page with the content of '%(source_page_title)s' "
        "(%(source_page_locale)s)"
    ),
    gettext_noop("The last sync date was %(last_sync_date)s. You are about to sync the following:"),
    gettext_noop(
        "New validation errors were found when publishing '{object}' in {locale}. Please fix "
        "them or click publish again to ignore these translations for now."
    ),
    gettext_noop("Please upload a valid PO file."),
    gettext_noop("Use machine translation"),
    gettext_noop("Apply machine translations to the incoming changes."),
    gettext_noop(
        "Apply the updates and publish immediately. The changes will use the original language "
        "until translated."
    ),
    gettext_noop(
        "Apply the updates and publish immediately. The changes will use the original language "
        'until translated unless you also select "Use machine translation".'
    ),
    gettext_noop("Wagtail locales (Wagtail Localize version)"),
    gettext_noop(
        "This locale's current language code is not supported. Please choose a new language or "
        "delete this locale."
    ),
    gettext_noop("This locale's language code is not supported"),
    gettext_noop("Add a locale"),
    gettext_noop("Add locale"),
    gettext_noop("Locale '{0}' created."),
    gettext_noop("The locale could not be saved due to errors."),
    gettext_noop("Delete locale"),
    gettext_noop("Locale '{0}' updated."),
    gettext_noop(
        "This locale cannot be deleted because there are pages and/or other objects using it."
    ),
    gettext_noop("Are you sure you want to delete this locale?"),
    gettext_noop("Locale '{0}' deleted."),
]

# django-allauth's account and two-factor pages: "tú" where the site says "usted", and English
# title case kept in Spanish ("Restablecer Contraseña"). Its e-mails are the site's own
# (templates/account/email, templates/mfa/email).
ALLAUTH = [
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop(
        "You cannot generate recovery codes without having two-factor authentication enabled."
    ),
    gettext_noop("Password Reset"),
    gettext_noop("Re-send Verification"),
    gettext_noop("Download codes"),
    gettext_noop(
        "You currently do not have any email address set up. You should really add an email "
        "address so you can receive notifications, reset your password, etc."
    ),
    gettext_noop(
        '<strong>Note:</strong> you can still <a href="%(email_url)s">change your email '
        "address</a>."
    ),
]
