"""Settings shared by every environment.

Everything that differs between machines is read from environment variables here, in one place,
with a default that is safe on a developer's laptop (SQLite, console e-mail, database search,
in-process cache). ``production.py`` refuses to start when a secret is missing.
"""

from pathlib import Path
from typing import Any

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "network"

env = environ.Env()

# --- Values from the environment ------------------------------------------------------------

# An empty SECRET_KEY is refused by production.py; dev.py and test.py supply a throwaway one.
SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)

# A search engine, named by the variable that gives its URL: Elasticsearch 9 or OpenSearch 2.
# Each has its own index prefix and timeout variables (ELASTICSEARCH_TIMEOUT, OPENSEARCH_TIMEOUT).
SEARCH_ENGINES = {
    "ELASTICSEARCH": "network.search.backends.elasticsearch",
    "OPENSEARCH": "network.search.backends.opensearch",
}
SEARCH_ENGINE_URLS = {
    name: url for name in SEARCH_ENGINES if (url := env.str(f"{name}_URL", default=""))
}
if len(SEARCH_ENGINE_URLS) > 1:
    raise ImproperlyConfigured(
        "Set ELASTICSEARCH_URL or OPENSEARCH_URL, not both: the site searches one engine."
    )
# After a failed search, how long the site answers from the database before asking the
# engine again (network/search/service.py).
SEARCH_ENGINE_RETRY_SECONDS = env.float("SEARCH_ENGINE_RETRY_SECONDS", default=30)
# Days of the search log kept by `prune_search_log` (search/log.py): a year and a month, so the
# admin's report of the last 365 days is whole.
SEARCH_LOG_DAYS = env.int("SEARCH_LOG_DAYS", default=400)

REDIS_URL = env.str("REDIS_URL", default="")
# Whole pages and menus are cached apart from the rate-limit counters, so that no amount of page
# caching can evict a counter: a Redis of their own (e.g. one with allkeys-lru), else a table.
PAGE_CACHE_URL = env.str("PAGE_CACHE_URL", default="")
# How long anonymous visitors' pages are reused (network/page_cache.py); 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=120)
# Set only while `manage.py build_archive` renders the site into static files (the date it is
# made): templates then render the archive's version of each page. Never set it on a live site.
STATIC_ARCHIVE_DATE = None

# Machine translation of first drafts in the translation editor; off (no button) without a key.
DEEPL_AUTH_KEY = env.str("DEEPL_AUTH_KEY", default="")
DEEPL_FORMALITY = env.str("DEEPL_FORMALITY", default="prefer_more")
DEEPL_GLOSSARY_EN_ES = env.str("DEEPL_GLOSSARY_EN_ES", default="")
DEEPL_GLOSSARY_ES_EN = env.str("DEEPL_GLOSSARY_ES_EN", default="")

# django-environ turns EMAIL_URL (e.g. smtp+tls://user:pass@host:587) into the EMAIL_* settings.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="network@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Shown in every page's footer unless editors set another under Settings → Site links.
CONTACT_EMAIL = env.str("CONTACT_EMAIL", default=DEFAULT_FROM_EMAIL)

MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))

WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")

# Limits of the child process that reads an uploaded PDF's text (network/pdf_text.py).
PDF_TEXT_SECONDS = env.float("PDF_TEXT_SECONDS", default=20)
PDF_TEXT_MEMORY_MB = env.int("PDF_TEXT_MEMORY_MB", default=512)

# --- Applications ---------------------------------------------------------------------------

INSTALLED_APPS = [
    "network",
    "home",
    "resources",
    "search",
    "members",
    "events",
    "calls",
    "translations",
    "backups",
    "static_archive",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "network.middleware.RejectNulCharactersMiddleware",
    "network.middleware.ProxyCountCheckMiddleware",
    "network.middleware.ReadOncePerRequestMiddleware",
    "network.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "network.two_factor.TwoFactorRequiredMiddleware",
    "network.csp.SiteCSPMiddleware",
]


def with_static_files(middleware):
    """``middleware`` with WhiteNoise, which serves the static files, right after
    SecurityMiddleware (production.py and dev.py; the tests request no static files)."""
    after = middleware.index("django.middleware.security.SecurityMiddleware") + 1
    return [*middleware[:after], "whitenoise.middleware.WhiteNoiseMiddleware", *middleware[after:]]


# The public pages load nothing inline and nothing from elsewhere but embedded videos;
# network/csp.py loosens this for the admin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

ROOT_URLCONF = "network.urls"
WSGI_APPLICATION = "network.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "static_archive.context_processors.archive",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Languages ------------------------------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["network.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# A Spanish page stays a draft until an editor has translated and published it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
if DEEPL_AUTH_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "network.machine_translation.BritishEnglishDeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": DEEPL_AUTH_KEY,
            # "prefer_more": Spanish addressed as "usted", as the site's own strings are.
            "FORMALITY": DEEPL_FORMALITY,
            "GLOSSARY_IDS": {
                pair: glossary_id
                for pair, glossary_id in {
                    ("EN", "ES"): DEEPL_GLOSSARY_EN_ES,
                    ("ES", "EN"): DEEPL_GLOSSARY_ES_EN,
                }.items()
                if glossary_id
            },
            "TIMEOUT": 30,
        },
    }

# --- Static and media files -----------------------------------------------------------------

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# Uploaded files served by Django itself: development only (dev.py). In production nginx serves
# them (deploy/nginx.conf.template).
SERVE_MEDIA = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Cache ----------------------------------------------------------------------------------

# Rate limits (sign-up, log-in, contact forms) count in the cache, so it must be shared by every
# process: Redis when configured, else a table in the database (network/migrations/0002). Pages,
# menus and footers go to the "pages" cache (network/content_cache.py): a Redis of their own,
# else a table of their own, culled on its own (network/migrations/0003).
REDIS_CACHE = "django.core.cache.backends.redis.RedisCache"
DATABASE_CACHE = "django.core.cache.backends.db.DatabaseCache"
CACHES = {
    "default": (
        {"BACKEND": REDIS_CACHE, "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": DATABASE_CACHE, "LOCATION": "network_cache"}
    ),
    "pages": (
        {"BACKEND": REDIS_CACHE, "LOCATION": PAGE_CACHE_URL}
        if PAGE_CACHE_URL
        else {
            "BACKEND": DATABASE_CACHE,
            "LOCATION": "network_page_cache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    ),
}
PAGE_CACHE_ALIAS = "pages"

# What /healthz/ checks (network/health.py): each app checks its own service.
HEALTH_CHECKS = {
    "database": "network.health.check_database",
    "cache": "network.health.check_cache",
    "search": "network.search.health.check_search",
}

# --- Member accounts (django-allauth) -------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
# Private pages send visitors to allauth's log-in (rate-limited, verified accounts only), and
# the admin's forms follow the same rules (network/auth.py).
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAILADMIN_USER_LOGIN_FORM = "network.auth.AdminLoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "network.auth.AdminPasswordResetForm"
LOGIN_REDIRECT_URL = "members_account"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# Sign-up, log-in and password reset answer alike whether or not an address has an account.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_FORMS = {"login": "members.forms.LoginForm", "signup": "members.forms.SignupForm"}
# A field people never see; bots fill it, and get a "check your e-mail" page and no account.
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "phone_number"
# The site's own e-mail templates (templates/account/email/, templates/mfa/email/) name the
# network in every subject, in the reader's language: allauth's prefix would be the bare host.
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Members and editors are told by e-mail when their password, e-mail addresses or second factor
# change, so that a change they did not make does not go unnoticed.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# allauth's defaults, plus the contact form of member profiles (members/contact.py): per visitor
# and per profile.
ACCOUNT_RATE_LIMITS = {
    "member_contact": "5/h/ip,20/d/key",
    # Profile submissions (each may upload a photo and goes to the moderators).
    "member_profile": "10/h/user",
}
# A second factor for any account (network/two_factor.py makes it compulsory for the groups
# that say so): codes from an authenticator app, and recovery codes for a lost phone. Passkeys
# (WebAuthn) are left out until editors ask: they need HTTPS even on a laptop.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Behind a proxy (deploy/nginx.conf), the visitor's address is the proxy's unless allauth reads
# X-Forwarded-For: set how many proxies of yours are in front, or every visitor shares one limit.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# --- Search ---------------------------------------------------------------------------------

# network/search/backends/ holds the site's backends; network/search/service.py decides which one
# answers.
DATABASE_SEARCH_BACKEND = {"BACKEND": "network.search.backends.database"}
if SEARCH_ENGINE_URLS:
    ((SEARCH_ENGINE, SEARCH_ENGINE_URL),) = SEARCH_ENGINE_URLS.items()
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": SEARCH_ENGINES[SEARCH_ENGINE],
            "URLS": [SEARCH_ENGINE_URL],
            "INDEX_PREFIX": env.str(f"{SEARCH_ENGINE}_INDEX_PREFIX", default="network_"),
            "TIMEOUT": env.int(f"{SEARCH_ENGINE}_TIMEOUT", default=5),
            "ATOMIC_REBUILD": True,
            "AUTO_UPDATE": True,
            # One try per request: the clients' retries of a refused or timed-out connection
            # multiply the wait; network/search/service.py falls back to the database instead.
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        },
        # Kept up to date alongside the engine so the site can still search if it is down.
        "database": DATABASE_SEARCH_BACKEND,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}

# --- Wagtail --------------------------------------------------------------------------------

WAGTAILDOCS_DOCUMENT_MODEL = "network.NetworkDocument"
# No Gravatar: every admin page would send each editor's e-mail hash to a third party (and the
# CSP blocks the images anyway). Editors upload an avatar under Account if they want one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_SITE_NAME = "Chile–UK City Leadership Network"
# The name authenticator apps show beside the codes.
MFA_TOTP_ISSUER = WAGTAIL_SITE_NAME
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Documents are served by Wagtail's view, which checks their collection's privacy; the web
# server must not serve media/documents/ itself (deploy/nginx.conf refuses it).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Wagtail's default is 128 megapixels; decoding that many takes hundreds of megabytes of memory,
# too much for a small server now that members upload photos too.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Complex page forms in the editor exceed Django's default of 1000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies other than file uploads (forms, JSON) are small; uploads are streamed to disk
# past this size and capped by the two limits above (and nginx's client_max_body_size).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Logs go to stdout, one line each: plain text by default, JSON objects (for a log collector)
# with LOG_FORMAT=json, which production uses unless told otherwise.
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": env.str("LOG_FORMAT", default="text"),
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # One line per background task and per page action drowns everything else out.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": env.str("WAGTAIL_LOG_LEVEL", default="WARNING")},
        # With Elasticsearch down, its client logs every refused retry of every search (about
        # 3,000 records a minute under load); network/search/service.py logs one warning per
        # fallback.
        "elastic_transport": {"level": "ERROR"},
        "opensearch": {"level": "ERROR"},
    },
}
