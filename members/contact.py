"""The contact form of a member profile: a visitor's message relayed by e-mail, rate-limited."""

from allauth.core import ratelimit
from django import forms
from django.contrib import messages
from django.core.mail import EmailMessage
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.validators import plain_text, single_line
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


class ContactForm(forms.Form):
    """A message to a member, relayed by e-mail: the member sees the sender's address and can
    reply; the sender never sees the member's."""

    name = forms.CharField(
        label=gettext_lazy("Your name"), max_length=120, validators=[plain_text, single_line]
    )
    email = forms.EmailField(
        label=gettext_lazy("Your e-mail address"),
        help_text=gettext_lazy("The member will reply to this address."),
    )
    message = forms.CharField(
        label=gettext_lazy("Message"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 8}),
        validators=[plain_text],
    )
