from django.conf import settings


def archive(request):
    """``archive_mode`` (and the date it was made) while ``build_archive`` renders the site:
    templates then replace what needs the live site, such as forms, with a notice."""
    if settings.STATIC_ARCHIVE_DATE is None:
        return {}
    return {"archive_mode": True, "archive_date": settings.STATIC_ARCHIVE_DATE}
