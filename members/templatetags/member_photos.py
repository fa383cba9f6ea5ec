from django import template

from members.photos import member_photo_tag

register = template.Library()


@register.simple_tag
def member_photo(image, filter_spec, **attributes):
    """``{% member_photo member.photo "fill-96x96" alt="" class="…" %}``: like ``{% image %}``,
    through the view that shows a photo only while its profile is public (members/photos.py)."""
    return member_photo_tag(image, filter_spec, **attributes)
