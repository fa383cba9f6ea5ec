from .base import *  # noqa: F403
from .base import DEEPL_AUTH_KEY, INSTALLED_APPS, MIDDLEWARE, SECRET_KEY, env, with_static_files

# DEBUG stays as the environment says, off unless DEBUG=1 (base.py): a missing page shows the
# site's own 404 page and an error its 500 page, as visitors see them, with the traceback in
# the console. `DEBUG=1 make run` shows Django's debug pages instead.
SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"

# The address the development server answers on: `make run` passes its HOST and PORT. Links
# built without a request (Wagtail's e-mails to editors) lead there, and load_demo gives the
# default Wagtail Site the same host name and port (DEMO_SITE_FOLLOWS_ADMIN_BASE_URL), so that
# the links the site builds from it (e-mails to members) lead there too.
DEV_SERVER_HOST = env.str("DEV_SERVER_HOST", default="127.0.0.1")
DEV_SERVER_PORT = env.int("DEV_SERVER_PORT", default=8000)
WAGTAILADMIN_BASE_URL = env.str(
    "WAGTAILADMIN_BASE_URL", default=f"http://{DEV_SERVER_HOST}:{DEV_SERVER_PORT}"
)
DEMO_SITE_FOLLOWS_ADMIN_BASE_URL = True

# Static files are served as in production, by WhiteNoise, whatever DEBUG says (runserver
# serves them only under DEBUG), but straight from the source folders and re-read as they
# change: no collectstatic.
INSTALLED_APPS = ["whitenoise.runserver_nostatic", *INSTALLED_APPS]
MIDDLEWARE = with_static_files(MIDDLEWARE)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True

# load_demo creates its demo editor account only where this is set.
DEMO_ADMIN_ALLOWED = True

# Without a DeepL key, the translation editor's machine-translate button fills segments with
# wagtail-localize's dummy translator (reversed words), to try the workflow. Never in production.
if not DEEPL_AUTH_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
        "OPTIONS": {},
    }
