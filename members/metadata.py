"""A member's public profile described for machines, as a schema.org Person: what the profile
page shows, and nothing it hides (an ORCID iD or a website the member chose not to show)."""

from network.i18n import absolute_page_url
from network.structured_data import person, without_empty


def schema_org(member, request, place_label, expertise_links):
    entity = person(member.title, orcid_url=member.shown_orcid_url)
    same_as = [entity.pop("sameAs")] if "sameAs" in entity else []
    if member.show_website and member.website:
        same_as.append(member.website)
    url = absolute_page_url(member, request)
    return without_empty(
        {
            **entity,
            "@id": f"{url}#person",
            "url": url,
            "jobTitle": member.role,
            "worksFor": {"@type": "Organization", "name": member.organisation}
            if member.organisation
            else None,
            "homeLocation": {"@type": "Place", "name": place_label} if place_label else None,
            "description": member.bio,
            "knowsAbout": [name for _slug, name in expertise_links],
            "sameAs": same_as,
        }
    )
