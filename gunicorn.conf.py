"""gunicorn settings, read from the environment like the Django settings."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# Restart workers now and then so a slow leak cannot exhaust a small server.
max_requests = 1000
# Wide enough that two workers serving alike do not restart together (seen under load).
max_requests_jitter = 500
accesslog = "-"
errorlog = "-"
# The proxies whose X-Forwarded-* headers gunicorn believes: nginx on this host by default;
# docker-compose.yml names its network. Never "*": anyone reaching gunicorn could claim https.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
