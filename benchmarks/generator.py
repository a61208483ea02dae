"""Realistic synthetic content at scale, for the benchmarks and `manage.py seed_scale`.

Published (and a few draft) resources and initiatives of synthetic organisations,
written in the portal's seven languages (most in English) with the `language` field
set, so that each item's search vector is stemmed in its own language:

- English texts draw on the words of the demo content and the reference barriers,
  as often as they occur there, so that "cancer", "patients" and "testing" are
  everywhere, as in the real field; the other languages draw on a list of the
  field's words in that language, most common first, Zipf-distributed;
- every text mixes in a long tail of made-up rare words (names of programmes,
  places, genes, drugs: the words that tell real documents apart), Zipf-distributed;
- tags come from the reference taxonomy: one to three consecutive stages, one to
  three barriers, audiences and areas, one or two countries (most work in a few
  dozen busy countries), a fifth with regions, some global.

Filling is set-based: rows and tag links with bulk_create, then the search vectors
in one UPDATE per kind (the same document as contributions.search.vector builds,
in the item's language), the gap map's entries rebuilt, the search vocabulary
taught every word used, and on PostgreSQL VACUUM ANALYZE, as autovacuum would soon
do after such a load.
"""

import itertools
import random
import re
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.utils import timezone

from barriers.models import Barrier
from contributions import demo
from contributions.models import TAG_FIELDS, Initiative, Resource, Status
from contributions.search import TAG_NAME, TAGS, index_items
from gaps.entries import rebuild_entries
from pathway.models import Country, Region, Stage, TherapeuticArea
from search.index import refresh, remember
from search.text import SIMPLE_CONFIGURATION, STEMMED_LANGUAGES, configuration
from stakeholders.models import Organisation, StakeholderGroup
from synergies.stored import rebuild_profiles

ORGANISATIONS = 400
BATCH = 5000
# The made-up rare words, and their share of the words of a text.
TAIL = 50_000
RARE_SHARE = 0.15
# Most work is tagged with one or two countries, a fifth with regions only; a few
# dozen countries hold most of it, as in the real field.
BUSY_COUNTRIES = 40
PUBLISHED_SHARE = 0.92
# The share of items in each language (the rest in English).
LANGUAGE_SHARES = {"de": 0.08, "fr": 0.07, "es": 0.07, "it": 0.05, "pt": 0.04, "pl": 0.05}

# The field's words in each language other than English, most common first: the
# generator gives the n-th word a weight of 1/n (Zipf), after the language's
# function words, which are drawn as often as all of these together.
FIELD_WORDS = {
    "de": (
        "Krebs Patienten Testung Versorgung Biomarker Therapie Diagnostik Zugang Pathologie "
        "Qualität Tumorboard Erstattung Labor Onkologie Behandlung Lungenkrebs Brustkrebs "
        "Darmkrebs Gentest Mutation Sequenzierung Leitlinie Schulung Netzwerk Kliniken "
        "Ärzte Pflege Daten Register Studie Finanzierung Krankenkassen Ergebnisse Beratung "
        "molekulare Präzisionsmedizin Früherkennung Nachsorge Angehörige Informationen "
        "Fortbildung Befund Gewebeprobe Flüssigbiopsie Immuntherapie Wartezeit Standards "
        "Zertifizierung Versorgungsforschung Gesundheitssystem Ringversuch Selbsthilfe"
    ),
    "fr": (
        "cancer patients dépistage soins biomarqueurs traitement diagnostic accès pathologie "
        "qualité réunion concertation remboursement laboratoire oncologie poumon sein côlon "
        "test génétique mutation séquençage recommandations formation réseau hôpitaux "
        "médecins infirmières données registre étude financement assurance résultats "
        "information moléculaire précision prévention suivi proches parcours biopsie "
        "liquide immunothérapie délais normes accréditation santé équité associations"
    ),
    "es": (
        "cáncer pacientes pruebas atención biomarcadores tratamiento diagnóstico acceso "
        "patología calidad comité tumores reembolso laboratorio oncología pulmón mama colon "
        "genética mutación secuenciación guía formación red hospitales médicos enfermería "
        "datos registro estudio financiación seguro resultados información molecular "
        "precisión prevención seguimiento familiares biopsia líquida inmunoterapia espera "
        "normas acreditación salud equidad asociaciones"
    ),
    "it": (
        "cancro pazienti test assistenza biomarcatori terapia diagnosi accesso patologia "
        "qualità tumor board rimborso laboratorio oncologia polmone seno colon genetico "
        "mutazione sequenziamento linee guida formazione rete ospedali medici infermieri "
        "dati registro studio finanziamento risultati informazione molecolare precisione "
        "prevenzione controlli familiari biopsia liquida immunoterapia attesa standard "
        "accreditamento salute equità associazioni"
    ),
    "pt": (
        "cancro pacientes testes cuidados biomarcadores tratamento diagnóstico acesso "
        "patologia qualidade reunião multidisciplinar reembolso laboratório oncologia "
        "pulmão mama cólon genético mutação sequenciação orientações formação rede hospitais "
        "médicos enfermagem dados registo estudo financiamento seguro resultados informação "
        "molecular precisão prevenção acompanhamento familiares biópsia líquida "
        "imunoterapia espera normas acreditação saúde equidade associações"
    ),
    "pl": (
        "rak pacjenci badania opieka biomarkery leczenie diagnostyka dostęp patologia "
        "jakość konsylium refundacja laboratorium onkologia płuca piersi jelita genetyczne "
        "mutacja sekwencjonowanie wytyczne szkolenia sieć szpitale lekarze pielęgniarki "
        "dane rejestr badanie finansowanie ubezpieczenie wyniki informacja molekularna "
        "precyzyjna profilaktyka kontrola rodziny biopsja płynna immunoterapia czekanie "
        "standardy akredytacja zdrowie równość stowarzyszenia"
    ),
}
FUNCTION_WORDS = {
    "de": "der die und in den von zu das mit für auf ist im eine bei nach",
    "fr": "de la le et les des en du pour un une dans sur par avec est au",
    "es": "de la el y en los las del para un una por con se al es",
    "it": "di il la e in per dei delle con un una del al sono le",
    "pt": "de a o e em do da para os as um uma com no na por",
    "pl": "w i na z do dla o się od po oraz przez jest ze",
}


class Vocabulary:
    """Words to draw from, per language, and the made-up tail shared by all."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.common = {"en": corpus()}
        self.common_weights: dict[str, list[float] | None] = {"en": None}
        for language, text in FIELD_WORDS.items():
            field = text.split()
            function = FUNCTION_WORDS[language].split()
            field_weights = [1 / (n + 1) for n in range(len(field))]
            share = sum(field_weights) / len(function)
            self.common[language] = function + field
            self.common_weights[language] = list(
                itertools.accumulate([share] * len(function) + field_weights)
            )
        syllables = [c + v for c in "bcdfgklmnprstvz" for v in "aeiou"]
        self.rare = ["".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(TAIL)]
        self.rare_weights = list(itertools.accumulate(1 / (n + 1) for n in range(TAIL)))
        self.used: set[str] = set()

    def sentence(self, low: int, high: int, language: str = "en") -> str:
        count = self.rng.randint(low, high)
        rare = sum(self.rng.random() < RARE_SHARE for _ in range(count))
        words = self.rng.choices(
            self.common[language], cum_weights=self.common_weights[language], k=count - rare
        )
        words += self.rng.choices(self.rare, cum_weights=self.rare_weights, k=rare)
        self.rng.shuffle(words)
        self.used.update(words)
        text = " ".join(words)
        return text[:1].upper() + text[1:] + "."


def corpus() -> list[str]:
    """Every word of the demo texts and the reference barriers, repeated as often as
    it occurs there, so that sampling from it keeps the words' frequencies."""
    texts = []
    for row in demo.RESOURCES + demo.INITIATIVES:
        texts += [row["title"], row["summary"], row["description"], row.get("outcomes", "")]
    for title, summary, description in Barrier.objects.values_list(
        "title", "summary", "description"
    ):
        texts += [title, summary, description]
    return re.findall(r"[A-Za-z][A-Za-z'-]+", " ".join(texts))


class Generator:
    """Makes synthetic content whose slugs start with `prefix`, seeded by `seed`."""

    def __init__(self, prefix: str, seed: int = 7, log: Callable[[str], None] = print) -> None:
        self.prefix = prefix
        # Seeded, so that two runs make the same content; nothing here is secret.
        self.rng = random.Random(seed)  # noqa: S311
        self.log = log

    def exists(self) -> bool:
        return Resource.objects.filter(slug__startswith=self.prefix).exists()

    def generate(self, initiatives: int, resources: int) -> None:
        rng = self.rng
        self.words = Vocabulary(rng)
        self.tags = {
            "stages": list(Stage.objects.order_by("position").values_list("pk", flat=True)),
            "barriers": list(Barrier.objects.values_list("pk", flat=True)),
            "regions": list(Region.objects.values_list("pk", flat=True)),
            "therapeutic_areas": list(TherapeuticArea.objects.values_list("pk", flat=True)),
            "audiences": list(StakeholderGroup.objects.values_list("pk", flat=True)),
        }
        self.countries = list(Country.objects.values_list("pk", flat=True))
        self.busy = rng.sample(self.countries, min(BUSY_COUNTRIES, len(self.countries)))
        self.global_regions = list(
            Region.objects.filter(is_global=True).values_list("pk", flat=True)
        )
        with transaction.atomic():
            organisations = Organisation.objects.bulk_create(
                Organisation(
                    name=f"Synthetic organisation {n}",
                    slug=f"{self.prefix}org-{n}",
                    group_id=rng.choice(self.tags["audiences"]),
                    country_id=rng.choice(self.busy),
                    verified=True,
                )
                for n in range(ORGANISATIONS)
            )
            self.organisations = [o.pk for o in organisations]
            self.make(Initiative, initiatives, self.initiative_fields)
            self.make(Resource, resources, self.resource_fields)
        self.log("  search index…")
        self.index()
        self.log("  gap map entries…")
        # bulk_create sends no signals: build the gap map's entries in one go.
        rebuild_entries()
        self.log("  similarity profiles…")
        # Nor the synergy finder's stored profiles.
        rebuild_profiles(log=self.log)
        if connection.vendor == "postgresql":
            # What autovacuum would do soon after such a load: fresh planner statistics
            # (the common words of the search vectors among them) and visibility maps.
            # VACUUM cannot run inside a transaction (a caller's): then statistics only.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")

    def language(self) -> str:
        draw = self.rng.random()
        for language, share in LANGUAGE_SHARES.items():
            if draw < share:
                return language
            draw -= share
        return "en"

    def make(self, model, count: int, extra: Callable[[int], dict]) -> None:
        kind = model._meta.model_name
        now = timezone.now()
        words = self.words
        for start in range(0, count, BATCH):
            rows = []
            for n in range(start, min(count, start + BATCH)):
                published = self.rng.random() < PUBLISHED_SHARE
                language = self.language()
                rows.append(
                    model(
                        title=words.sentence(4, 10, language)[:200],
                        slug=f"{self.prefix}{kind}-{n}",
                        summary=words.sentence(20, 45, language)[:600],
                        description=words.sentence(30, 80, language),
                        language=language,
                        organisation_id=self.rng.choice(self.organisations),
                        status=Status.PUBLISHED if published else Status.DRAFT,
                        published_at=now - timezone.timedelta(days=self.rng.randint(0, 2000))
                        if published
                        else None,
                        **extra(n),
                    )
                )
            created = model.objects.bulk_create(rows)
            for name in TAG_FIELDS:
                field = getattr(model, name)
                through = field.through
                source = field.field.m2m_field_name()
                target = field.field.m2m_reverse_field_name()
                through.objects.bulk_create(
                    (
                        through(**{f"{source}_id": item.pk, f"{target}_id": tag})
                        for item in created
                        for tag in self.pick(name)
                    ),
                    batch_size=BATCH * 2,
                )
            self.log(f"  {kind}s: {start + len(rows)} of {count}")

    def pick(self, name: str) -> list:
        rng = self.rng
        if name == "countries":
            if rng.random() < 0.2:
                return []
            pool = self.busy if rng.random() < 0.85 else self.countries
            return rng.sample(pool, rng.randint(1, 2))
        if name == "regions":
            if self.global_regions and rng.random() < 0.05:
                return [rng.choice(self.global_regions)]
            return rng.sample(self.tags["regions"], 1) if rng.random() < 0.25 else []
        if name == "stages":
            first = rng.randrange(len(self.tags["stages"]))
            return self.tags["stages"][first : first + rng.randint(1, 3)]
        sizes = {"barriers": (1, 3), "therapeutic_areas": (1, 2), "audiences": (1, 3)}
        low, high = sizes[name]
        return rng.sample(self.tags[name], rng.randint(low, high))

    def resource_fields(self, n: int) -> dict:
        return {
            "resource_type": self.rng.choice(Resource.Type.values),
            "url": f"https://example.org/synthetic/{n}",
            "year": self.rng.randint(2010, 2025),
        }

    def initiative_fields(self, n: int) -> dict:
        return {"phase": self.rng.choice(Initiative.Phase.values)}

    # The search index -------------------------------------------------------------------

    def index(self) -> None:
        """Index every synthetic item: set-based on PostgreSQL, item by item (with
        their tags prefetched) into the FTS5 table on SQLite."""
        remember(
            itertools.chain(
                sorted(self.words.used),
                Organisation.objects.filter(slug__startswith=self.prefix).values_list(
                    "name", flat=True
                ),
            )
        )
        # Bulk-created organisations sent no signals: their entries (FTS5 row, or
        # stored vectors on PostgreSQL) are written here.
        refresh("organisation", self.organisations)
        for model in (Initiative, Resource):
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(*vector_update(model, self.prefix))
                continue
            pks = list(
                model.objects.filter(slug__startswith=self.prefix).values_list("pk", flat=True)
            )
            for start in range(0, len(pks), 1000):
                index_items(model, pks[start : start + 1000])

    def remove(self) -> None:
        with transaction.atomic():
            for model in (Initiative, Resource):
                for name in TAG_FIELDS:
                    field = getattr(model, name)
                    field.through.objects.filter(
                        **{f"{field.field.m2m_field_name()}__slug__startswith": self.prefix}
                    ).delete()
                # Deleting row by row sends the signals that keep the index in step.
                model.objects.filter(slug__startswith=self.prefix).delete()
            Organisation.objects.filter(slug__startswith=self.prefix).delete()


def vector_update(model, prefix: str) -> tuple[str, list]:
    """One UPDATE storing the search vector of every item of `model` whose slug starts
    with `prefix`: the document of contributions.search.item_document, each part
    stemmed in the item's language, the tags' names in English."""
    table = model._meta.db_table
    organisation_table = Organisation._meta.db_table
    language_cases = " ".join(
        f"WHEN '{code}' THEN '{configuration(code)}'" for code in STEMMED_LANGUAGES
    )
    config = f"(CASE i.language {language_cases} ELSE '{SIMPLE_CONFIGURATION}' END)::regconfig"
    tag_parts = []
    for relation in TAGS:
        field = model._meta.get_field(relation)
        through = field.remote_field.through._meta
        source = field.m2m_column_name()
        target = field.m2m_reverse_name()
        tag = field.related_model._meta
        name = tag.get_field(TAG_NAME.get(relation, "name")).column
        tag_parts.append(
            f"(SELECT string_agg(t.{name}, ' ' ORDER BY t.{tag.pk.column}) "  # noqa: S608
            f"FROM {through.db_table} l "
            f"JOIN {tag.db_table} t ON t.{tag.pk.column} = l.{target} "
            f"WHERE l.{source} = i.id)"
        )
    tags = " || ' ' || ".join(f"COALESCE({part}, '')" for part in tag_parts)
    outcomes = "i.outcomes" if any(f.name == "outcomes" for f in model._meta.fields) else "''"
    # Only names from the models' metadata and the fixed configuration names are
    # formatted in; the prefix is a parameter.
    sql = f"""
        UPDATE {table} i SET search_vector =
            setweight(to_tsvector({config}, i.title), 'A')
            || setweight(to_tsvector({config},
                i.summary || ' ' || COALESCE(o.name, '')), 'B')
            || setweight(to_tsvector({config}, i.description || ' ' || {outcomes}), 'C')
            || setweight(to_tsvector('{configuration("en")}'::regconfig, {tags}), 'D')
        FROM {table} i2 LEFT JOIN {organisation_table} o ON o.id = i2.organisation_id
        WHERE i2.id = i.id AND i.slug LIKE %s
    """  # noqa: S608
    return sql, [prefix.replace("%", r"\%").replace("_", r"\_") + "%"]


def synthetic_counts(prefix: str) -> Iterable[tuple[str, int]]:
    for model in (Resource, Initiative):
        yield (
            str(model._meta.verbose_name_plural),
            model.objects.published().filter(slug__startswith=prefix).count(),
        )
