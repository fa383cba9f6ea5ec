"""Demo content for the home and standard pages, from the programme description, in English with
its Spanish translation (demo_data/pages.yaml), and the partners the footer lists
(demo_data/partners.yaml)."""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage
from network.demo import (
    ensure_child_page,
    ensure_snippet_translation,
    ensure_translation,
    load_demo_data,
    rich_text,
    stream_body,
)
from network.models import Partner, SiteLinks
from resources.models import ResourcePage

PAGES_FILE = Path(__file__).parent / "demo_data" / "pages.yaml"
PARTNERS_FILE = Path(__file__).parent / "demo_data" / "partners.yaml"
# What the data file says the home page links to, which exists only once the page does.
HOME_PAGE_LINKS = {"hero_link_page", "featured_outputs"}
# Room to put a partner between two others without renumbering.
PARTNER_ORDER_STEP = 10


def page_fields(data):
    """The fields of a home or standard page from its entry in the data file."""
    fields = {name: value for name, value in data.items() if name not in HOME_PAGE_LINKS}
    if "body" in fields:
        fields["body"] = stream_body(fields["body"])
    if isinstance(fields.get("introduction"), dict):  # the home page's is rich text
        fields["introduction"] = rich_text(fields["introduction"])
    return fields


def ensure_home_page(data, log):
    """The English home page as the root of the default site, replacing Wagtail's placeholder."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        log(f"exists: home page “{site.root_page.title}”")
        return site.root_page.specific

    root = Page.get_first_root_node()
    placeholder = root.get_children().filter(slug="home", content_type__model="page").first()
    if placeholder is not None and placeholder.is_leaf():
        placeholder.delete()
        root.refresh_from_db()

    home, _ = ensure_child_page(root, HomePage, **page_fields(data))
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.save()
    log(f"created: home page “{home.title}”")
    return home


def ensure_site_address(log):
    """Give the default site the host name and port of WAGTAILADMIN_BASE_URL, so that page URLs
    built from the site (``full_url``, ``root_url``) and Wagtail's admin links agree. For
    development only, where that URL follows the server's address (settings/dev.py); in
    production the site's address is the operator's to set."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    hostname = address.hostname
    port = address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) == (hostname, port):
        log(f"exists: site address {site.root_url}")
        return
    if Site.objects.filter(hostname=hostname, port=port).exists():
        log(f"unchanged: site address {site.root_url} (another site has {hostname}:{port})")
        return
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    log(f"updated: site address {site.root_url}")


def build(log):
    data = load_demo_data(PAGES_FILE)
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    home = ensure_home_page(data.content["home"], log)

    pages = {}
    for content in data.content["pages"]:
        page, created = ensure_child_page(home, StandardPage, **page_fields(content))
        log(f"{'created' if created else 'exists'}: page “{page.title}”")
        pages[page.slug] = page

    # A home page the demo has not touched yet: an editor may have cleared the link since.
    if home.hero_link_page is None and not home.featured:
        home.hero_link_page = pages[data.content["home"]["hero_link_page"]]
        home.save_revision().publish()

    for page in [home, *pages.values()]:
        translated, created = ensure_translation(page, spanish, data.catalogue)
        log(f"{'translated' if created else 'exists'}: es “{translated.title}”")

    # Linked from every page's footer (SiteLinks), not from the main menu.
    ensure_site_links(home, pages["accessibility"], data.content["site_links"], log)
    ensure_partners(home.locale, spanish, log)


def feature_outputs(log):
    """The programme's outputs as the home page's highlights, once the library has them. The
    About and Partners pages an older demo featured there, already in the menu, give way."""
    data = load_demo_data(PAGES_FILE)
    featured_outputs = data.content["home"]["featured_outputs"]
    home = Site.objects.get(is_default_site=True).root_page.specific
    outputs = {
        page.slug: page
        for page in ResourcePage.objects.live().filter(
            locale_id=home.locale_id, slug__in=[output["resource"] for output in featured_outputs]
        )
    }
    if len(outputs) < len(featured_outputs):
        log("skipped: featured outputs (the library does not have them)")
        return
    if home.featured and not features_only_old_demo_pages(home):
        log("exists: featured content")
        return
    home.featured = [
        (
            "featured_page",
            {"page": outputs[output["resource"]], "description": output["description"]},
        )
        for output in featured_outputs
    ]
    home.save_revision().publish()
    log("updated: featured content, the programme's outputs")
    translated, _ = ensure_translation(
        home, Locale.objects.get(language_code="es"), data.catalogue, refresh=True
    )
    log(f"updated: es “{translated.title}”")


def features_only_old_demo_pages(home):
    """Whether the home page features exactly what an older demo put there: About, then
    Partners, with no description of their own."""
    featured = [
        (
            block.block_type,
            block.value["page"] and block.value["page"].pk,
            block.value["description"],
        )
        for block in home.featured
    ]
    old = [
        ("featured_page", page.pk, "")
        for slug in ("about", "partners")
        for page in home.get_children().filter(slug=slug)
    ]
    return len(old) == 2 and featured == old


def ensure_site_links(home, accessibility, data, log):
    """The default site's footer links to the accessibility statement and gives the network's
    address (else the operator's CONTACT_EMAIL, on a demo the placeholder of local settings),
    unless an editor chose them."""
    links = SiteLinks.for_site(Site.objects.get(is_default_site=True, root_page=home))
    if links.accessibility_page_id:
        log("exists: site links")
        return
    links.accessibility_page = accessibility
    links.contact_email = data["contact_email"]
    links.save()
    log(f"created: site links to “{accessibility.title}”")


def ensure_partners(english, spanish, log):
    """The partner organisations, in the order the footer lists them."""
    data = load_demo_data(PARTNERS_FILE)
    for position, organisation in enumerate(data.content, start=1):
        partner, created = Partner.objects.get_or_create(
            locale=english,
            name=organisation["name"],
            defaults={
                "website": organisation.get("website", ""),
                "sort_order": position * PARTNER_ORDER_STEP,
            },
        )
        log(f"{'created' if created else 'exists'}: partner “{partner.name}”")
        translated, created = ensure_snippet_translation(partner, spanish, data.catalogue)
        log(f"{'translated' if created else 'exists'}: es “{translated.name}”")
