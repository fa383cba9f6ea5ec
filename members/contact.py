"""The contact form of a member profile: a visitor's message relayed by e-mail, rate-limited."""

from allauth.core import ratelimit
from django.contrib import messages
from django.core.mail import EmailMessage
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from members.forms import ContactForm
from network.i18n import absolute_page_url

# Rates are set in ACCOUNT_RATE_LIMITS (settings: "member_contact"), with allauth's others.
RATE_LIMIT_ACTION = "member_contact"


def contact_member(request, page):
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Keyed by the translation key: a profile and its alias share one limit.
        if not ratelimit.consume(request, action=RATE_LIMIT_ACTION, key=str(page.translation_key)):
            form.add_error(
                None, _("Too many messages have been sent from here. Please try again later.")
            )
        else:
            send_message(page, form.cleaned_data, request)
            messages.success(request, _("Your message has been sent."))
            return redirect(page.url)
    status = 429 if form.non_field_errors() else 200
    return render(
        request,
        "members/contact_form.html",
        {"page": page, "form": form, "page_title": _("Write to %(name)s") % {"name": page.title}},
        status=status,
    )


def send_message(page, data, request):
    with translation.override(page.locale.language_code):
        body = render_to_string(
            "members/email/contact_message.txt",
            {"member": page.title, "profile_url": absolute_page_url(page, request), **data},
        )
        subject = _("A message through the network's site from %(name)s") % {"name": data["name"]}
    EmailMessage(subject, body, to=[page.user.email], reply_to=[data["email"]]).send()
