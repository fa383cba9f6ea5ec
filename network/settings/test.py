from .base import *  # noqa: F403
from .base import SECRET_KEY

SECRET_KEY = SECRET_KEY or "insecure-key-for-the-test-suite"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEMO_ADMIN_ALLOWED = True
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests change pages without always publishing them; tests/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
