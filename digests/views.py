from django.contrib import messages
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from core.ratelimit import Limit, client_address, refused_form
from outbox import emails

from .forms import ManageForm, SubscribeForm, from_library
from .models import (
    CONFIRM_SALT,
    CONFIRMATION_VALID_FOR,
    MANAGE_SALT,
    Frequency,
    Subscription,
)

# Every valid subscribe post sends an email, so it is limited per client address
# (someone subscribing many addresses) and per email address (someone making the
# portal write to one address over and over). Counted before anything is sent.
SUBSCRIBE_PER_CLIENT = Limit("subscribe-client", count=10, period=3600)
SUBSCRIBE_PER_ADDRESS = Limit("subscribe-address", count=3, period=3600)


def subscribe_refused(request: HttpRequest, email: str) -> tuple[str, int] | None:
    """Why this subscribe post may not send anything now, and for how many seconds."""
    wait = SUBSCRIBE_PER_CLIENT.hit(client_address(request))
    if wait is not None:
        return _(
            "You have asked for many subscriptions in a short time. Please try again later."
        ), wait
    wait = SUBSCRIBE_PER_ADDRESS.hit(email.strip().lower())
    if wait is not None:
        return (
            _(
                "We have already sent several emails to this address in the last hour. "
                "Please look in your inbox (and spam folder) for our link, or try again later."
            ),
            wait,
        )
    return None


class LinkProblem(Exception):
    """A digest link that cannot be used; carries the page that says why."""

    def __init__(self, title: str, explanation: str, status: int) -> None:
        super().__init__(title)
        self.title = title
        self.explanation = explanation
        self.status = status


def subscription_from_token(token: str, *, confirming: bool = False) -> Subscription:
    """The subscription a signed link points to, or LinkProblem."""
    try:
        if confirming:
            signer = signing.TimestampSigner(salt=CONFIRM_SALT)
            raw = signer.unsign(token, max_age=CONFIRMATION_VALID_FOR)
        else:
            raw = signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.SignatureExpired as error:
        raise LinkProblem(
            _("This confirmation link has expired"),
            _("Confirmation links work for %(days)d days. Subscribe again to get a new one.")
            % {"days": CONFIRMATION_VALID_FOR.days},
            400,
        ) from error
    except signing.BadSignature as error:
        raise LinkProblem(
            _("This link is not valid"),
            _(
                "The link may have been cut short or changed on its way. Copy the whole "
                "link from the email into your browser's address bar."
            ),
            400,
        ) from error
    subscription = Subscription.objects.filter(token=raw).first()
    if subscription is None or (not confirming and not subscription.is_confirmed):
        raise LinkProblem(
            _("We could not find this subscription"),
            _(
                "Unconfirmed subscriptions are removed after %(days)d days. "
                "Subscribe again to start receiving digests."
            )
            % {"days": CONFIRMATION_VALID_FOR.days},
            404,
        )
    return subscription


def link_problem(request: HttpRequest, problem: LinkProblem) -> HttpResponse:
    return render(
        request,
        "digests/link_problem.html",
        {"title": problem.title, "explanation": problem.explanation},
        status=problem.status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    notices = []
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        refused = form.is_valid() and subscribe_refused(request, form.cleaned_data["email"])
        if refused:
            return refused_form(request, "digests/subscribe.html", form, *refused)
        if form.is_valid():
            # Its emails are written in the language of the page it was made on.
            language = emails.supported_language(get_language())
            Subscription.objects.subscribe(
                form.cleaned_data["email"],
                {**form.interests(), "language": language},
                user=request.user,
            )
            # The same answer whether or not the address was already subscribed.
            return redirect("digests:check-inbox")
    else:
        initial, library = from_library(request.GET)
        notices = library.notices
        if request.user.is_authenticated:
            initial["email"] = request.user.email
        form = SubscribeForm(initial=initial, library=library)
    return render(request, "digests/subscribe.html", {"form": form, "notices": notices})


@require_safe
def check_inbox(request: HttpRequest) -> HttpResponse:
    return render(request, "digests/check_inbox.html", {"valid_days": CONFIRMATION_VALID_FOR.days})


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button, POST confirms: mail filters that open links must not
    subscribe anybody."""
    try:
        subscription = subscription_from_token(token, confirming=True)
    except LinkProblem as problem:
        return link_problem(request, problem)
    if subscription.unsubscribed_at is not None:
        return link_problem(
            request,
            LinkProblem(
                _("This subscription has ended"),
                _("You unsubscribed from these digests. Subscribe again any time."),
                410,
            ),
        )
    if request.method == "POST":
        subscription.confirm()
        if subscription.frequency == Frequency.WEEKLY:
            when = _("You are subscribed. Your first digest comes on a Monday morning.")
        else:
            when = _("You are subscribed. Your first digest comes on the 1st of a month.")
        messages.success(request, when)
        return redirect(subscription.manage_url())
    return render(request, "digests/confirm.html", {"subscription": subscription})


@require_http_methods(["GET", "HEAD", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscription = subscription_from_token(token)
    except LinkProblem as problem:
        return link_problem(request, problem)
    if subscription.unsubscribed_at is not None:
        return unsubscribed(request, subscription, token)
    # The notices say what the library no longer knows (a renamed stage, say),
    # which saving drops.
    library = subscription.library_query()
    if request.method == "POST":
        form = ManageForm(request.POST, subscription=subscription)
        if form.is_valid():
            form.save()
            messages.success(request, _("Your choices are saved."))
            return redirect(subscription.manage_url())
    else:
        form = ManageForm(subscription=subscription, library=library)
    return render(
        request,
        "digests/manage.html",
        {
            "form": form,
            "subscription": subscription,
            "token": token,
            "library": library,
            "notices": library.notices,
        },
    )


def unsubscribed(request: HttpRequest, subscription: Subscription, token: str) -> HttpResponse:
    return render(
        request, "digests/unsubscribed.html", {"subscription": subscription, "token": token}
    )


# RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to
# this URL with no cookies, so there is no session and no CSRF token to check. The
# signed token in the URL is the authorisation; a GET (what link scanners do) only
# shows the button.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscription = subscription_from_token(token)
    except LinkProblem as problem:
        return link_problem(request, problem)
    if request.method == "POST":
        subscription.unsubscribe()
        return unsubscribed(request, subscription, token)
    if subscription.unsubscribed_at is not None:
        return unsubscribed(request, subscription, token)
    return render(
        request, "digests/unsubscribe.html", {"subscription": subscription, "token": token}
    )


@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: HttpRequest, token: str) -> HttpResponse:
    """Delete a subscription and its delivery records, from the signed link of its
    emails or manage page: no account needed. A GET only asks."""
    try:
        subscription = subscription_from_token(token)
    except LinkProblem as problem:
        return link_problem(request, problem)
    if request.method == "POST":
        subscription.forget()
        return redirect("digests:deleted")
    return render(request, "digests/delete.html", {"subscription": subscription, "token": token})


@require_safe
def deleted(request: HttpRequest) -> HttpResponse:
    return render(request, "digests/deleted.html")
