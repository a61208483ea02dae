from allauth.account.models import EmailAddress
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """Your account: email address, and the organisations you act for or asked to join."""
    user = request.user
    # Memberships live in a higher layer; the reverse relation reaches them without an import.
    memberships = user.memberships.select_related("organisation").order_by("organisation__name")
    context = {
        "email_address": EmailAddress.objects.filter(user=user, primary=True).first(),
        "memberships": memberships,
    }
    return render(request, "accounts/profile.html", context)
