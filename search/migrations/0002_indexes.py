"""The database side of search (see search/text.py and search/index.py).

PostgreSQL: the unaccent and pg_trgm extensions (both trusted), one text search
configuration per stemmed language, each folding accents before stemming, and
ft3_simple (folding only) for every other language; a trigram index on the
vocabulary. SQLite: the FTS5 table that holds every searchable document.
"""

from django.db import migrations

LANGUAGES = ("english", "german", "french", "spanish", "italian", "portuguese")
WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
            "title, summary, body, tags, tokenize = 'unicode61 remove_diacritics 2')"
        )
    elif vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for language in LANGUAGES:
            schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS ft3_{language}")
            schema_editor.execute(
                f"CREATE TEXT SEARCH CONFIGURATION ft3_{language} (COPY = pg_catalog.{language})"
            )
            schema_editor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION ft3_{language} "
                f"ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, {language}_stem"
            )
        schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS ft3_simple")
        schema_editor.execute(
            "CREATE TEXT SEARCH CONFIGURATION ft3_simple (COPY = pg_catalog.simple)"
        )
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION ft3_simple "
            f"ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, simple"
        )
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_term_word_trgm "
            "ON search_term USING gin (word gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_term_word_trgm")
        for language in (*LANGUAGES, "simple"):
            schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS ft3_{language}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
