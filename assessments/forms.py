"""The assessment forms. They only gather input: the rules (scale, rationale,
evidence links, who may do what) are in workflow.py, and a form shows the
errors it raises beside the fields they concern."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from .models import MAX_NOTE_LENGTH, Framework, Outcome


class ScoresForm(forms.Form):
    """A score for every criterion of `framework`, with a text (self-assessment)
    or a required rationale (review), and for the self-assessment evidence links."""

    def __init__(self, *args, framework: Framework, review: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.framework = framework
        self.review = review
        self.criteria = list(framework.criteria.all())
        choices = framework.score_choices()
        self.text_name = "rationale" if review else "text"
        for criterion in self.criteria:
            code = criterion.code
            self.fields[f"score_{code}"] = forms.ChoiceField(
                choices=choices, widget=forms.RadioSelect, label=_("Score")
            )
            self.fields[f"{self.text_name}_{code}"] = forms.CharField(
                required=review,
                widget=forms.Textarea(attrs={"rows": 3}),
                label=_("Rationale") if review else _("What you did and achieved"),
            )
            if not review:
                self.fields[f"evidence_{code}"] = forms.CharField(
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    label=_("Evidence links"),
                    help_text=_("Publications, reports, outcome figures: one web address a line."),
                )

    def sections(self) -> list[tuple]:
        """(criterion, its bound fields) in order, for the template."""
        names = ["score", self.text_name] + ([] if self.review else ["evidence"])
        return [(c, [self[f"{name}_{c.code}"] for name in names]) for c in self.criteria]

    def entries(self) -> dict[str, dict]:
        """The posted values as workflow.py takes them (cleaned where valid)."""
        data = {**self.data.dict(), **getattr(self, "cleaned_data", {})} if self.is_bound else {}
        entries = {}
        for criterion in self.criteria:
            code = criterion.code
            evidence = str(data.get(f"evidence_{code}") or "")
            entries[code] = {
                "score": data.get(f"score_{code}"),
                self.text_name: data.get(f"{self.text_name}_{code}", ""),
                "evidence": [line.strip() for line in evidence.splitlines() if line.strip()],
            }
        return entries

    def show(self, error: ValidationError) -> None:
        """Put the workflow's errors ("<code>.<part>") beside their fields."""
        for key, messages in error.message_dict.items():
            code, _dot, part = key.partition(".")
            name = f"{part}_{code}" if part else None
            self.add_error(name if name in self.fields else None, messages)


class DeclareForm(forms.Form):
    conflict = forms.TypedChoiceField(
        choices=[
            ("no", _("I have no conflict of interest with this initiative")),
            ("yes", _("I have a conflict of interest")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        label=_("Conflict of interest"),
        help_text=_(
            "For example: you work with, advise or are funded by the organisations behind it, "
            "or compete with them."
        ),
    )
    conflict_note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_NOTE_LENGTH,
        label=_("Describe the conflict"),
    )


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(queryset=User.objects.none(), label=_("Reviewer"))

    def __init__(self, *args, reviewers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers


class DecideForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=Outcome.choices, widget=forms.RadioSelect, label=_("Decision")
    )
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MAX_NOTE_LENGTH,
        label=_("Public summary"),
        help_text=_("Shown on the initiative's page: why this decision, in plain language."),
    )


class StartForm(forms.Form):
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_NOTE_LENGTH,
        label=_("What changed substantially since the last assessment?"),
    )
