"""The base of the site's mixins for Wagtail pages (``FilterableListMixin``,
``LocalMomentsMixin``): Wagtail's ``Page`` for the type checker, so that a mixin's ``super()``
calls and the page attributes it reads are checked as a page's (as ``Any`` while Wagtail ships no
type information), and ``object`` at run time, so that the mixin adds nothing to a page's MRO."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wagtail.models import Page as PageMixinBase
else:
    PageMixinBase = object

__all__ = ["PageMixinBase"]
