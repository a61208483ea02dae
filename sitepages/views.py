"""The pages a health site must have: about, contact, privacy notice, accessibility
statement and terms. They work without an account and without JavaScript."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core import retention
from core.ratelimit import Limit, client_address, refused_form
from outbox import emails

from .forms import ContactForm
from .models import ContactMessage

# Every message sends email (to the curators and a copy to the sender), so it is
# limited per client address and per sender address, like subscribing to digests.
CONTACT_PER_CLIENT = Limit("contact-client", count=5, period=3600)
CONTACT_PER_ADDRESS = Limit("contact-address", count=3, period=3600)


def contact_refused(request: HttpRequest, email: str) -> tuple[str, int] | None:
    """Why this message may not be sent now, and for how many seconds."""
    wait = CONTACT_PER_CLIENT.hit(client_address(request))
    if wait is None:
        wait = CONTACT_PER_ADDRESS.hit(email.strip().lower())
    if wait is None:
        return None
    minutes = max(1, round(wait / 60))
    return _(
        "You have sent us several messages in a short time. Your message is below: "
        "please send it again in about %(minutes)d minutes."
    ) % {"minutes": minutes}, wait


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "sitepages/about.html")


@require_http_methods(["GET", "HEAD", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        initial = {}
        if request.user.is_authenticated:
            initial = {"name": request.user.get_full_name(), "email": request.user.email}
        if request.GET.get("topic"):
            initial["topic"] = request.GET["topic"]
        return render(request, "sitepages/contact.html", {"form": ContactForm(initial=initial)})
    form = ContactForm(request.POST)
    if not form.is_valid():
        return render(request, "sitepages/contact.html", {"form": form}, status=400)
    refused = contact_refused(request, form.cleaned_data["email"])
    if refused:
        return refused_form(request, "sitepages/contact.html", form, *refused)
    ContactMessage.receive(
        **form.cleaned_data,
        language=emails.supported_language(get_language()),
        user=request.user if request.user.is_authenticated else None,
    )
    return redirect("sitepages:contact-sent")


@require_safe
def contact_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "sitepages/contact_sent.html")


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    context = {
        "unconfirmed_account_days": retention.days(retention.UNCONFIRMED_ACCOUNT),
        "unconfirmed_subscription_days": retention.days(retention.UNCONFIRMED_SUBSCRIPTION),
        "contact_message_days": retention.days(retention.CONTACT_MESSAGE),
    }
    return render(request, "sitepages/privacy.html", context)


@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "sitepages/accessibility.html")


@require_safe
def terms(request: HttpRequest) -> HttpResponse:
    return render(request, "sitepages/terms.html")
