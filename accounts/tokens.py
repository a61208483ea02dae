"""Authenticating REST API calls with a personal API token.

Scripts send `Authorization: Token <key>` (or `Bearer <key>`, which is what most
HTTP tools and the API docs page send). The key is looked up by its SHA-256
digest; see APIToken. A request without that header falls through to the next
authentication class (the browser's session).

This module is named in REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"], which DRF
imports while it defines its views: it must not import rest_framework.views or
anything built on it.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from .models import APIToken, User

KEYWORDS = (b"token", b"bearer")
# Longer than any key we issue; anything longer is not worth hashing.
MAX_KEY_LENGTH = 200


class TokenAuthentication(BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[User, APIToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(
                _("Send the key as “Authorization: Token <key>”, with no spaces in the key.")
            )
        raw = parts[1]
        if len(raw) > MAX_KEY_LENGTH:
            raise AuthenticationFailed(_("Invalid API token."))
        try:
            key = raw.decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(_("Invalid API token.")) from None
        token = (
            APIToken.objects.select_related("user").filter(digest=APIToken.digest_of(key)).first()
        )
        if token is None:
            raise AuthenticationFailed(_("Invalid API token: it may have been revoked."))
        if not token.user.is_active:
            raise AuthenticationFailed(_("This account is disabled."))
        token.record_use()
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        # Its presence makes DRF answer 401 (not 403) to unauthenticated calls.
        return 'Bearer realm="api"'
