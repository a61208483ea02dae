"""`manage.py loaddemo`: fill a fresh portal with real-world demo content.

Adds the organisations, resources and initiatives of contributions/demo.py and three
demo accounts (partner, curator, admin). Everything is keyed on slugs and usernames,
so a second run adds nothing and changes nothing. Demo items reach their status
through the workflow methods, leaving the same ModerationEvents as real moderation.

Passwords are random, shown once when an account is created, and never stored in
the code; --reset-passwords sets and shows new ones.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import models, transaction
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import CURATORS_GROUP, User
from barriers.models import Barrier
from contributions import demo
from contributions.models import Contribution, Initiative, Resource, Status
from pathway.models import Country, Region, Stage, TherapeuticArea
from stakeholders.models import Membership, Organisation, StakeholderGroup


@dataclass
class Account:
    username: str
    role: str
    password: str | None  # None when the account existed and was left alone
    created: bool


class Command(BaseCommand):
    # argparse needs real strings here, so like Django's own commands the help text
    # is not marked for translation; everything the command prints is.
    help = (
        "Load demo organisations, resources, initiatives and accounts. Safe to run again: "
        "what already exists is left untouched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Set and show new passwords for the demo accounts.",
        )

    def handle(self, *args, reset_passwords: bool = False, **options) -> None:
        loader = DemoLoader(reset_passwords=reset_passwords)
        with transaction.atomic():
            loader.load()
        # Printed only once everything is committed, so no password is shown for an
        # account that a failed run rolled back.
        self.report(loader)

    def report(self, loader: "DemoLoader") -> None:
        # One call per noun so that makemessages can extract each plural form.
        created = []
        if n := loader.organisations_created:
            created.append(
                ngettext("%(count)d organisation", "%(count)d organisations", n) % {"count": n}
            )
        if n := loader.contributions_created:
            created.append(
                ngettext("%(count)d contribution", "%(count)d contributions", n) % {"count": n}
            )
        if n := sum(account.created for account in loader.accounts):
            created.append(ngettext("%(count)d account", "%(count)d accounts", n) % {"count": n})
        if created:
            self.stdout.write(
                self.style.SUCCESS(_("Created %(things)s.") % {"things": ", ".join(created)})
            )
        else:
            self.stdout.write(_("Nothing to add: the demo content is already loaded."))

        self.stdout.write(
            _(
                "Demo accounts (log in with the email address at %(login)s; "
                "the admin is at %(admin)s):"
            )
            % {"admin": reverse("admin:index"), "login": resolve_url(settings.LOGIN_URL)}
        )
        for account in loader.accounts:
            if account.password:
                line = _("  %(username)s — %(role)s — %(email)s — password: %(password)s") % {
                    "username": account.username,
                    "role": account.role,
                    "email": f"{account.username}@example.org",
                    "password": account.password,
                }
            else:
                line = _(
                    "  %(username)s — %(role)s — already exists, password unchanged "
                    "(run with --reset-passwords to set a new one)"
                ) % {"username": account.username, "role": account.role}
            self.stdout.write(line)


class DemoLoader:
    """Creates whatever part of the demo content is missing, in one transaction."""

    def __init__(self, reset_passwords: bool = False) -> None:
        self.reset_passwords = reset_passwords
        self.organisations_created = 0
        self.contributions_created = 0
        self.accounts: list[Account] = []
        self._tables: dict[type[models.Model], dict[str, models.Model]] = {}

    def load(self) -> None:
        try:
            self.curators = Group.objects.get(name=CURATORS_GROUP)
        except Group.DoesNotExist:
            raise CommandError(
                _("The %(group)s group is missing. Run `manage.py migrate` first.")
                % {"group": CURATORS_GROUP}
            ) from None
        organisations = self.load_organisations()
        self.partner_organisation = organisations[demo.PARTNER_ORGANISATION]
        self.account("admin", _("administrator (superuser)"), self.create_admin)
        self.curator = self.account(
            "curator",
            _("curator (staff, in the %(group)s group)") % {"group": self.curators.name},
            self.create_curator,
        )
        self.partner = self.account(
            "partner",
            _("partner, editor for %(organisation)s") % {"organisation": self.partner_organisation},
            self.create_partner,
        )
        for spec in demo.RESOURCES:
            self.load_contribution(Resource, spec, organisations)
        for spec in demo.INITIATIVES:
            self.load_contribution(Initiative, spec, organisations)
        # The apps built on contributions add their own demo content (settings).
        for path in settings.CONTRIBUTION_DEMO_LOADERS:
            import_string(path)(self)

    # Reference content: looked up, never created here.

    def table(self, model: type[models.Model], key: str = "slug") -> dict[str, models.Model]:
        if model not in self._tables:
            self._tables[model] = {str(getattr(obj, key)): obj for obj in model.objects.all()}
        return self._tables[model]

    def lookup(
        self, model: type[models.Model], keys: list[str], key: str = "slug"
    ) -> list[models.Model]:
        table = self.table(model, key)
        missing = [k for k in keys if k not in table]
        if missing:
            raise CommandError(
                _(
                    "Reference content is missing (%(model)s: %(keys)s). "
                    "Run `manage.py migrate` first."
                )
                % {"model": model._meta.verbose_name_plural, "keys": ", ".join(missing)}
            )
        return [table[k] for k in keys]

    # Organisations and accounts.

    def load_organisations(self) -> dict[str, Organisation]:
        existing = Organisation.objects.in_bulk(
            [spec["slug"] for spec in demo.ORGANISATIONS], field_name="slug"
        )
        organisations = {}
        for spec in demo.ORGANISATIONS:
            organisation = existing.get(spec["slug"])
            if organisation is None:
                [group] = self.lookup(StakeholderGroup, [spec["group"]])
                [country] = (
                    self.lookup(Country, [spec["country"]], "code") if spec["country"] else [None]
                )
                organisation = Organisation(
                    slug=spec["slug"],
                    name=spec["name"],
                    group=group,
                    country=country,
                    website=spec["website"],
                    description=spec["description"],
                    public_email=spec.get("public_email", ""),
                    phone=spec.get("phone", ""),
                    supports_patients=spec.get("supports_patients", False),
                    verified=True,
                )
                organisation.full_clean()
                organisation.save()
                self.organisations_created += 1
            organisations[spec["slug"]] = organisation
        return organisations

    def account(self, username: str, role: str, create: Callable[[str, str], User]) -> User:
        user = User.objects.filter(username=username).first()
        password = None
        created = user is None
        if created or self.reset_passwords:
            password = secrets.token_urlsafe(12)
        if created:
            user = create(username, password)
            # Logging in needs a verified address; demo addresses receive no mail.
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
        elif password:
            user.set_password(password)
            user.save(update_fields=["password"])
        self.accounts.append(Account(username, role, password, created))
        return user

    def create_admin(self, username: str, password: str) -> User:
        return User.objects.create_superuser(
            username=username,
            email=f"{username}@example.org",
            password=password,
            first_name="Demo",
            last_name="Admin",
            display_name="Demo Admin",
        )

    def create_curator(self, username: str, password: str) -> User:
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=password,
            first_name="Demo",
            last_name="Curator",
            display_name="Demo Curator",
            is_staff=True,
        )
        user.groups.add(self.curators)
        return user

    def create_partner(self, username: str, password: str) -> User:
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=password,
            first_name="Demo",
            last_name="Partner",
            display_name="Demo Partner",
        )
        Membership.objects.create(
            user=user,
            organisation=self.partner_organisation,
            role=Membership.Role.EDITOR,
            status=Membership.Status.APPROVED,
            decided_by=self.curator,
            decided_at=timezone.now(),
        )
        return user

    # Resources and initiatives.

    def load_contribution(
        self,
        model: type[Contribution],
        spec: dict,
        organisations: dict[str, Organisation],
    ) -> None:
        if model.objects.filter(slug=spec["slug"]).exists():
            return
        own = spec["organisation"] == demo.PARTNER_ORGANISATION
        item = model(
            slug=spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            description=spec["description"],
            language=spec["language"],
            organisation=organisations[spec["organisation"]],
            submitted_by=self.partner if own else None,
        )
        if model is Resource:
            item.resource_type = spec["resource_type"]
            item.url = spec["url"]
            item.publisher = spec["publisher"]
            item.year = spec["year"]
        else:
            item.phase = spec["phase"]
            item.start_date = spec["start_date"]
            item.end_date = spec["end_date"]
            item.website = spec["website"]
            item.outcomes = spec["outcomes"]
        item.full_clean()
        item.save()
        item.stages.set(self.lookup(Stage, spec["stages"]))
        item.barriers.set(self.lookup(Barrier, spec["barriers"]))
        item.audiences.set(self.lookup(StakeholderGroup, spec["audiences"]))
        item.countries.set(self.lookup(Country, spec["countries"], "code"))
        item.regions.set(self.lookup(Region, spec["regions"]))
        item.therapeutic_areas.set(self.lookup(TherapeuticArea, spec["therapeutic_areas"]))
        if model is Initiative:
            item.partner_organisations.set([organisations[s] for s in spec["partners"]])
            item.related_resources.set(Resource.objects.filter(slug__in=spec["related_resources"]))
        self.moderate(item, spec, submitter=self.partner if own else self.curator)
        self.contributions_created += 1

    def moderate(self, item: Contribution, spec: dict, submitter: User) -> None:
        """Walk the item through the workflow to its demo status, as people would."""
        status = spec["status"]
        if status == Status.DRAFT:
            return
        item.submit(by=submitter)
        if status == Status.PUBLISHED:
            item.publish(by=self.curator)
        elif status == Status.CHANGES_REQUESTED:
            item.request_changes(by=self.curator, note=spec["review_note"])
        elif status == Status.REJECTED:
            item.reject(by=self.curator, reasons=spec["review_reasons"], note=spec["review_note"])
        elif status != Status.SUBMITTED:
            raise CommandError(
                _("Demo item %(slug)s has a status loaddemo cannot reach: %(status)s.")
                % {"slug": spec["slug"], "status": status}
            )
