import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_MESSAGE_LENGTH, ContactMessage, Topic


def without_control_characters(text: str) -> str:
    """Control characters (NUL among them) break PostgreSQL and mean nothing in a
    message; line breaks and tabs stay."""
    return "".join(
        ch for ch in text if ch in "\n\t" or not unicodedata.category(ch).startswith("C")
    )


class ContactForm(forms.ModelForm):
    topic = forms.ChoiceField(
        label=_("What is it about?"), choices=Topic.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Please do not send medical details. We cannot give medical advice: "
            "ask your doctor or nurse about your care."
        ),
    )

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "topic", "message"]
        labels = {"name": _("Your name"), "email": _("Your email address")}
        help_texts = {"email": _("We answer to this address and send you a copy of your message.")}

    def clean_name(self) -> str:
        name = " ".join(without_control_characters(self.cleaned_data["name"]).split())
        if not name:
            raise forms.ValidationError(_("Please tell us your name."))
        return name

    def clean_message(self) -> str:
        message = without_control_characters(self.cleaned_data["message"]).strip()
        if not message:
            raise forms.ValidationError(_("Please write your message."))
        return message
