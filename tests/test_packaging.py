"""What the production image installs: requirements.lock, without the development tools, and
requirements-dev.lock for development with the same versions of everything they share; the
Docker build context leaves tests, benchmarks and front-end sources out."""

import re
import tomllib
from pathlib import Path

from django.conf import settings

from resources import citations

PROJECT_DIR = Path(settings.BASE_DIR)
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)", re.MULTILINE)


def pins(name):
    text = (PROJECT_DIR / name).read_text()
    return {package.lower().replace("_", "-"): version for package, version in PIN.findall(text)}


def dev_tools():
    project = tomllib.loads((PROJECT_DIR / "pyproject.toml").read_text())["project"]
    requirements = project["optional-dependencies"]["dev"]
    return {re.match(r"[A-Za-z0-9_.-]+", requirement)[0].lower() for requirement in requirements}


def test_the_production_lock_has_no_development_tool():
    production = pins("requirements.lock")
    assert "wagtail" in production and "django" in production
    assert not dev_tools() & set(production)


def test_the_development_lock_has_the_tools_and_the_production_versions():
    production, development = pins("requirements.lock"), pins("requirements-dev.lock")
    assert dev_tools() <= set(development)
    assert {name: development.get(name) for name in production} == production


def test_every_pin_is_hashed():
    for name in ("requirements.lock", "requirements-dev.lock"):
        text = (PROJECT_DIR / name).read_text()
        assert text.count("==") == len(PIN.findall(text))
        assert len(PIN.findall(text)) <= text.count("--hash=sha256:")


def test_the_image_installs_the_production_lock_and_leaves_development_out():
    dockerfile = (PROJECT_DIR / "Dockerfile").read_text()
    assert "pip install -r requirements.lock" in dockerfile
    assert "requirements-dev" not in dockerfile
    ignored = set((PROJECT_DIR / ".dockerignore").read_text().split())
    assert {"tests", "benchmarks", "node_modules", "requirements-dev.lock", ".git"} <= ignored


def test_the_image_keeps_the_citation_styles_the_site_offers_and_no_other():
    dockerfile = (PROJECT_DIR / "Dockerfile").read_text()
    kept = set(re.findall(r"! -name ([\w-]+)\.csl", dockerfile))
    assert kept == {style_file for style_file, _name in citations.STYLES.values()}
