"""Production settings as ``make lighthouse`` measures them on this machine: plain HTTP on
loopback (no TLS proxy in front) and uploaded images served by Django, which nginx does in a
real deployment (deploy/nginx.conf.template). Nothing else differs: the same compressed,
hashed static files, caches and templates as production."""

from .production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SERVE_MEDIA = True
