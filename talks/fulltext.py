"""The words search reads in each kind of record: one full-text expression per model, indexed on PostgreSQL.

PostgreSQL serves a query from an expression index only when the query repeats the indexed expression exactly
(same fields, same text-search configuration), so a model declares its document once, as a `DocumentIndex` in
`Meta.indexes`, and the search reads it back from there (`document_of`) instead of spelling it a second time.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db.models import F

# The record is written in English: "prisoner exchange" finds "prisoners were exchanged". Names in other scripts
# pass through unstemmed, and a name is stemmed the same way in the record and in the query.
CONFIG = "english"


def document(*headline: str, body: tuple[str, ...] = ()):
    """A record's searchable text; words in the headline fields (a summary, a title) rank above those in the body."""
    if not body:
        return SearchVector(*headline, config=CONFIG)
    return SearchVector(*headline, config=CONFIG, weight="A") + SearchVector(*body, config=CONFIG, weight="B")


class DocumentIndex(GinIndex):
    """A GIN index on a model's document. Other databases (SQLite in development) have no full-text search of this
    kind: there the index is a no-op statement, so migrations and SQLite's table rebuilds still run."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return f"-- {self.name}: a PostgreSQL full-text index, not made on {schema_editor.connection.vendor}"
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return f"-- {self.name}: a PostgreSQL full-text index, never made on {schema_editor.connection.vendor}"
        return super().remove_sql(model, schema_editor, **kwargs)


def document_of(model):
    """The expression the model's DocumentIndex is built on."""
    for index in model._meta.indexes:
        if isinstance(index, DocumentIndex):
            return index.expressions[0]
    raise LookupError(f"{model.__name__} declares no DocumentIndex")


def document_fields(model) -> list[str]:
    """The fields of the model's document, for databases that match words field by field."""
    return [node.name for node in document_of(model).flatten() if isinstance(node, F)]
