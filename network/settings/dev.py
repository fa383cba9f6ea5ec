from .base import *  # noqa: F403
from .base import DEEPL_AUTH_KEY, SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"

# load_demo creates its demo editor account only where this is set.
DEMO_ADMIN_ALLOWED = True

# Without a DeepL key, the translation editor's machine-translate button fills segments with
# wagtail-localize's dummy translator (reversed words), to try the workflow. Never in production.
if not DEEPL_AUTH_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
        "OPTIONS": {},
    }
