from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Membership, Organisation

MAX_WAITING_PROPOSALS = 3
# What the proposer and the editors of an organisation say about it in public.
PUBLIC_DETAILS = [
    "group",
    "country",
    "website",
    "description",
    "public_email",
    "phone",
    "supports_patients",
]


class OrganisationDetailsForm(forms.ModelForm):
    """The public details of an organisation, as its proposer or its editors give them."""

    description = forms.CharField(
        label=_("What the organisation does"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        required=False,
        help_text=_("A few sentences for its public page. At most 2,000 characters."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].empty_label = _("International (no single country)")


class OrganisationProposalForm(OrganisationDetailsForm):
    """A signed-up user proposes an organisation that is not on the portal yet."""

    class Meta:
        model = Organisation
        fields = ["name", *PUBLIC_DETAILS]
        labels = {
            "name": _("Name of the organisation"),
            "group": _("Stakeholder group"),
        }
        help_texts = {
            "name": _("Its full name, as it appears on its own website."),
            "group": _("The kind of organisation it is."),
            "website": _("Its home page, starting with https://."),
        }

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["group"].empty_label = _("Choose a group")

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        existing = Organisation.objects.filter(name__iexact=name).first()
        if existing is not None:
            if existing.verified:
                raise forms.ValidationError(
                    _("%(name)s is already on the portal: ask to join it from its page instead."),
                    code="exists",
                    params={"name": existing.name},
                )
            raise forms.ValidationError(
                _("%(name)s has already been proposed and is waiting for a curator."),
                code="proposed",
                params={"name": existing.name},
            )
        return name

    def clean(self) -> dict:
        # Proposals wait for a curator; a handful at a time is plenty for anyone.
        waiting = Membership.objects.proposals().filter(user=self.user).count()
        if waiting >= MAX_WAITING_PROPOSALS:
            raise forms.ValidationError(
                _(
                    "You already have %(count)d proposals waiting for a curator. Please "
                    "wait until they have been looked at."
                ),
                code="too_many",
                params={"count": waiting},
            )
        return super().clean()


class OrganisationProfileForm(OrganisationDetailsForm):
    """What an organisation's editors may change on its public page. The name stays as a
    curator verified it; editors ask a curator to change it."""

    class Meta:
        model = Organisation
        fields = PUBLIC_DETAILS
        labels = {"group": _("Stakeholder group")}
        help_texts = {
            "group": _("The kind of organisation it is."),
            "website": _("Its home page, starting with https://."),
        }


class DecisionForm(forms.Form):
    """The note a curator or editor may send with an approval or a refusal."""

    note = forms.CharField(
        label=_("Note to the person (optional)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        required=False,
        help_text=_("Sent with the decision, e.g. why or what to do instead."),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)
