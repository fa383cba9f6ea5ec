from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"

# load_demo creates its demo editor account only where this is set.
DEMO_ADMIN_ALLOWED = True
