#!/usr/bin/env bash
# Fails when the Spanish catalogue lacks a string the code uses, has an untranslated or fuzzy
# entry, does not compile, or its committed .mo is out of date; likewise for the JavaScript
# catalogue (djangojs.po). Needs GNU gettext.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
po=locale/es/LC_MESSAGES/django.po
mo=locale/es/LC_MESSAGES/django.mo

work=$(mktemp -d)
trap 'cp "$work/django.po" "$po"; rm -rf "$work"' EXIT
cp "$po" "$work/django.po"

# Add any string the code uses that the catalogue lacks (as an untranslated entry).
"$python" manage.py makemessages -l es --no-location --ignore=".venv/*" --ignore="staticfiles/*" >/dev/null

problems=$(msgattrib --untranslated --no-obsolete "$po"; msgattrib --only-fuzzy --no-obsolete "$po")
if [ -n "$problems" ]; then
    echo "locale/es: missing, untranslated or fuzzy entries (run 'make messages' and translate them):"
    echo "$problems" | grep -E '^msgid ' | grep -v '^msgid ""$' || echo "$problems"
    exit 1
fi

msgfmt --check -o "$work/django.mo" "$work/django.po"
if ! cmp -s "$work/django.mo" "$mo"; then
    echo "locale/es: django.mo is out of date; run 'make messages' and commit it."
    exit 1
fi

# The JavaScript catalogue, corrections to wagtail-localize's written by hand (see its header).
js_po=locale/es/LC_MESSAGES/djangojs.po
problems=$(msgattrib --untranslated "$js_po"; msgattrib --only-fuzzy "$js_po")
if [ -n "$problems" ]; then
    echo "locale/es: untranslated or fuzzy entries in djangojs.po:"
    echo "$problems" | grep -E '^msgid ' | grep -v '^msgid ""$' || echo "$problems"
    exit 1
fi
msgfmt --check -o "$work/djangojs.mo" "$js_po"
if ! cmp -s "$work/djangojs.mo" locale/es/LC_MESSAGES/djangojs.mo; then
    echo "locale/es: djangojs.mo is out of date; run 'make messages' and commit it."
    exit 1
fi
echo "locale/es: complete, compiled and up to date."
