import datetime
import json

from allauth.account.models import EmailAddress
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.actions.unpublish_page import UnpublishPageAction

from members import profiles
from members.forms import DeleteAccountForm, ProfileForm
from members.models import PRIVACY_NOTICE_VERSION
from network.i18n import absolute_page_url


def privacy_notice(request):
    return render(
        request,
        "members/privacy_notice.html",
        {
            "page_title": _("Privacy notice"),
            "notice_version": PRIVACY_NOTICE_VERSION,
            # The version is the month the notice took effect: "2026-11".
            "notice_date": datetime.date.fromisoformat(f"{PRIVACY_NOTICE_VERSION}-01"),
        },
    )


@login_required
def account(request):
    profile = profiles.member_profile(request.user)
    return render(
        request,
        "members/account.html",
        {
            "page_title": _("Your account"),
            "email_addresses": EmailAddress.objects.filter(user=request.user),
            "profile": profile,
            "can_show_again": bool(
                profile
                and profiles.hidden_by_member(profile, request.user)
                and profiles.last_published_revision(profile)
            ),
        },
    )


def has_verified_email(user):
    return EmailAddress.objects.filter(user=user, verified=True).exists()


@login_required
@require_http_methods(["GET", "POST"])
def edit_profile(request):
    if not has_verified_email(request.user):
        raise PermissionDenied
    page = profiles.editable_profile(request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, page=page)
    if request.method == "POST" and not ratelimit.consume(
        request, action="member_profile", user=request.user
    ):
        # The form is shown again as sent, so that nothing typed is lost.
        messages.error(
            request,
            _(
                "You have sent your profile many times in the last hour. Please keep this page "
                "open and send it again later."
            ),
        )
    elif request.method == "POST" and form.is_valid():
        try:
            profiles.submit_profile(request.user, form)
        except profiles.NoDirectory as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Thank you. Your profile has been sent to the editors, who will review it."),
            )
            return redirect("members_account")
    return render(
        request,
        "members/profile_form.html",
        {"form": form, "page_title": _("Your profile"), "profile": page},
    )


@login_required
@require_POST
def profile_visibility(request):
    """Hide a public profile (unpublished in every language), or show it again as last
    approved."""
    page = profiles.member_profile(request.user)
    if page is None:
        raise Http404
    if request.POST.get("visible") == "1":
        approved = profiles.last_published_revision(page)
        if approved is None or not profiles.hidden_by_member(page, request.user):
            raise Http404
        if page.workflow_in_progress:
            messages.error(
                request,
                _(
                    "Your latest changes are waiting for an editor's review: your profile will be "
                    "shown again when they are approved."
                ),
            )
            return redirect("members_account")
        # The view has checked that this is the member's own profile, as editors approved it,
        # and that the member (not an editor) took it offline.
        approved.publish(user=request.user, skip_permission_checks=True)
        messages.success(request, _("Your profile is visible again."))
    elif page.live:
        UnpublishPageAction(page, user=request.user).execute(skip_permission_checks=True)
        messages.success(
            request, _("Your profile is hidden. Nobody but you and the editors can see it.")
        )
    return redirect("members_account")


def member_data(user, request):
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
        "profile": profile_data(profiles.editable_profile(user), request),
        "consents": [
            {"privacy_notice_version": consent.notice_version, "given_at": consent.given_at}
            for consent in user.consents.all()
        ],
    }


def profile_data(page, request):
    if page is None:
        return None
    return {
        "name": page.title,
        **{name: getattr(page, name) for name in ProfileForm.page_fields},
        "country": page.country.name if page.country else None,
        "city": page.city.name if page.city else None,
        "expertise": [topic.name for topic in page.expertise.all()],
        "photo": page.photo.file.url if page.photo else None,
        "published": page.live,
        "address": absolute_page_url(page, request) if page.live else None,
    }


@login_required
def export_data(request):
    response = HttpResponse(
        json.dumps(member_data(request.user, request), cls=DjangoJSONEncoder, indent=2),
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
            profiles.delete_profiles(user)
            user.delete()
        logout(request)
        messages.success(request, _("Your account and everything kept with it have been deleted."))
        return redirect("/")
    return render(
        request, "members/delete_account.html", {"form": form, "page_title": _("Delete account")}
    )
