from allauth.account import forms as allauth_forms
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.models import Locale

from members.choices import Sector, SpokenLanguage
from members.models import BIO_MAX_LENGTH, PRIVACY_NOTICE_VERSION, Consent
from members.photos import member_photos_collection, private_photo_name
from members.validators import plain_text, single_line, validate_orcid
from network.models import Place, Topic

Image = get_image_model()


def privacy_consent_label():
    return format_html(
        '{} <a href="{}">{}</a>',
        _("I have read and accept the"),
        reverse("members_privacy_notice"),
        _("privacy notice"),
    )


class SignupForm(allauth_forms.SignupForm):
    """allauth's sign-up form (ACCOUNT_FORMS) with consent to the privacy notice, recorded."""

    privacy_consent = forms.BooleanField(
        label=lazy(privacy_consent_label, SafeString)(),
        error_messages={"required": _("Please accept the privacy notice to create an account.")},
    )
    field_order = ["email", "password1", "password2", "privacy_consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        honeypot = self.fields.get(settings.ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD)
        if honeypot is not None:
            # allauth moves it off screen with an inline style, which the Content-Security-Policy
            # blocks: the stylesheet's .honeypot does it. Out of the tab order already; screen
            # readers skip it too.
            honeypot.widget.attrs.pop("style", None)
            honeypot.widget.attrs["class"] = "honeypot"
            honeypot.widget.attrs["aria-hidden"] = "true"

    def save(self, request):
        user = super().save(request)
        Consent.objects.create(user=user, notice_version=PRIVACY_NOTICE_VERSION)
        return user


class LoginForm(allauth_forms.LoginForm):
    """allauth's log-in form (ACCOUNT_FORMS), its labels in sentence case as the site's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "remember" in self.fields:
            self.fields["remember"].label = _("Remember me")


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password


class ProfileForm(forms.Form):
    """The profile as a member writes it on the public site. Choices of places and topics are
    those of the active language."""

    name = forms.CharField(label=_("Name"), max_length=120, validators=[plain_text, single_line])
    role = forms.CharField(
        label=_("Role or position"), max_length=150, validators=[plain_text, single_line]
    )
    organisation = forms.CharField(
        label=_("Organisation"), max_length=150, validators=[plain_text, single_line]
    )
    # No sector chosen for the member: the list starts empty and one must be picked.
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", _("Choose your sector")), *Sector.choices]
    )
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Place.objects.none(),
        required=False,
        empty_label=_("Choose your country"),
        widget=forms.Select(attrs={"data-country-select": "id_city"}),
    )
    city = forms.ModelChoiceField(label=_("City"), queryset=Place.objects.none(), required=False)
    expertise = forms.ModelMultipleChoiceField(
        label=_("Expertise"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    bio = forms.CharField(
        label=_("Short biography"),
        max_length=BIO_MAX_LENGTH,
        required=False,
        validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=format_lazy(_("Plain text, at most {count} characters."), count=BIO_MAX_LENGTH),
    )
    # Checks the file's real format and its size and pixels (WAGTAILIMAGES_* settings).
    photo = WagtailImageField(label=_("Photo"), required=False)
    orcid = forms.CharField(
        label=_("ORCID iD"),
        max_length=19,
        required=False,
        validators=[validate_orcid],
        help_text=_("For example 0000-0002-1825-0097."),
    )
    website = forms.URLField(
        label=_("Website"), max_length=300, required=False, assume_scheme="https"
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=SpokenLanguage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    open_to_collaboration = forms.BooleanField(label=_("Open to collaboration"), required=False)
    show_website = forms.BooleanField(label=_("Show my website"), required=False, initial=True)
    show_orcid = forms.BooleanField(label=_("Show my ORCID iD"), required=False, initial=True)
    allow_contact = forms.BooleanField(
        label=_("Let visitors write to me through the site"),
        required=False,
        help_text=_("Messages are relayed by e-mail; your address is never shown."),
    )

    page_fields = (
        "role",
        "organisation",
        "sector",
        "country",
        "city",
        "bio",
        "orcid",
        "website",
        "languages",
        "open_to_collaboration",
        "show_website",
        "show_orcid",
        "allow_contact",
    )

    #: The form's sections, in order: (legend, field names).
    fieldsets = (
        (_("About you"), ("name", "role", "organisation", "sector", "country", "city")),
        (_("Your work"), ("expertise", "bio", "languages", "photo")),
        (_("Links"), ("orcid", "show_orcid", "website", "show_website")),
        (_("Contact"), ("open_to_collaboration", "allow_contact")),
    )

    def grouped_fields(self):
        """``(legend, bound fields)`` for each section, for the template."""
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]

    def __init__(self, *args, page=None, **kwargs):
        kwargs.setdefault("label_suffix", "")  # the site's labels have no colon
        if page is not None:
            kwargs["initial"] = {
                "name": page.title,
                "expertise": list(page.expertise.all()),
                **{name: getattr(page, name) for name in self.page_fields},
            }
        super().__init__(*args, **kwargs)
        # Wagtail's image field writes its help and error messages when it is made: made again
        # here, they are in the visitor's language (the class's were made at import, in English).
        self.fields["photo"] = WagtailImageField(label=_("Photo"), required=False)
        self.fields["photo"].help_text = _(
            "A photo of you, square if possible: JPEG, PNG or WebP, at most 10 MB. It is shown "
            "once an editor approves your profile."
        )
        # The profile's own language: its places and topics are those of its locale.
        locale = page.locale if page is not None else Locale.get_active()
        places = Place.objects.filter(locale=locale)
        self.fields["country"].queryset = places.filter(kind=Place.Kind.COUNTRY)
        cities = places.filter(kind=Place.Kind.CITY).select_related("country")
        self.fields["city"].queryset = cities
        # Cities under their country, so that the list reads as a choice within a country
        # (static/js/site.js also hides other countries' cities once one is chosen).
        grouped = {}
        for city in sorted(cities, key=lambda city: city.name.casefold()):
            country = city.country.name if city.country else _("Other")
            grouped.setdefault(country, []).append((city.pk, city.name))
        self.fields["city"].choices = [("", _("Choose your city")), *sorted(grouped.items())]
        self.fields["expertise"].queryset = Topic.objects.filter(locale=locale)

    def clean(self):
        data = super().clean()
        country, city = data.get("country"), data.get("city")
        if city is not None and city.country_id is not None:
            if country is None:
                data["country"] = city.country
            elif city.country_id != country.pk:
                self.add_error(
                    "city",
                    _("%(city)s is not in %(country)s: choose a city of that country, or none.")
                    % {"city": city.name, "country": country.name},
                )
        return data

    def apply_to(self, page, user):
        data = self.cleaned_data
        page.title = data["name"]
        for name in self.page_fields:
            setattr(page, name, data[name])
        page.expertise = list(data["expertise"])
        if data["photo"]:
            photo = data["photo"]
            photo.name = private_photo_name(photo.name)
            page.photo = Image.objects.create(
                title=data["name"],
                file=photo,
                collection=member_photos_collection(),
                uploaded_by_user=user,
            )
