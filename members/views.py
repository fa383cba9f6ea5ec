import json

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from members.forms import DeleteAccountForm
from members.models import PRIVACY_NOTICE_VERSION


def privacy_notice(request):
    return render(
        request,
        "members/privacy_notice.html",
        {"page_title": _("Privacy notice"), "notice_version": PRIVACY_NOTICE_VERSION},
    )


@login_required
def account(request):
    return render(
        request,
        "members/account.html",
        {
            "page_title": _("Your account"),
            "email_addresses": EmailAddress.objects.filter(user=request.user),
        },
    )


def member_data(user):
    """Everything the site keeps about a member, as they download it."""
    return {
        "account": {
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user)
            ],
        },
        "consents": [
            {"privacy_notice_version": consent.notice_version, "given_at": consent.given_at}
            for consent in user.consents.all()
        ],
    }


@login_required
def export_data(request):
    response = HttpResponse(
        json.dumps(member_data(request.user), cls=DjangoJSONEncoder, indent=2),
        content_type="application/json",
    )
    response["Content-Disposition"] = 'attachment; filename="my-network-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        with transaction.atomic():
            user.delete()
        logout(request)
        messages.success(request, _("Your account and everything kept with it have been deleted."))
        return redirect("/")
    return render(
        request, "members/delete_account.html", {"form": form, "page_title": _("Delete account")}
    )
