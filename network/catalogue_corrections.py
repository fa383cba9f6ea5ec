"""Strings of Wagtail and wagtail-localize whose Spanish the site corrects.

Django reads the site's catalogue (LOCALE_PATHS) before the packages' own, so an entry there for
one of their msgids replaces their translation. ``makemessages`` keeps only the msgids it finds
in the site's code: they are listed here, exactly as the packages write them, and translated in
locale/es/LC_MESSAGES/django.po. tests/test_catalogue_corrections.py checks that each is still a
msgid of the installed package, so an upgrade that rewords one shows up.

The packages' JavaScript strings are corrected in locale/es/LC_MESSAGES/djangojs.po.
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
