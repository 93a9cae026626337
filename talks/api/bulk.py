"""The whole published record as one ZIP: a CSV per table and a data dictionary, streamed as it is written.

zipfile writes to an unseekable stream (sizes go in data descriptors), so each chunk of rows is handed to the
client as soon as it is compressed; memory holds one chunk, never the archive.
"""

import csv
import datetime
import io
import zipfile

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.duration import duration_iso_string

from talks.api.settings import api_setting
from talks.api.visibility import published


class Pipe(io.RawIOBase):
    """Collects what zipfile writes until the generator takes it."""

    def __init__(self):
        self.chunks: list[bytes] = []

    def writable(self):
        return True

    def write(self, data):
        self.chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data, self.chunks = b"".join(self.chunks), []
        return data


def columns(model) -> list:
    return [field for field in model._meta.concrete_fields if field.name != "deleted_at"]


def table_name(model) -> str:
    return f"{model._meta.app_label}_{model._meta.model_name}"


def dictionary_rows(models):
    yield ["table", "column", "type", "null", "description"]
    for model in models:
        for field in columns(model):
            description = str(field.help_text or field.verbose_name)
            if field.choices:
                description += " One of: " + ", ".join(str(value) for value, _ in field.choices) + "."
            if field.is_relation:
                description += f" Id in {table_name(field.related_model)}."
            yield [table_name(model), field.attname, field.get_internal_type(), field.null, description]


def write_csv(archive, pipe, name: str, rows):
    with archive.open(name, "w", force_zip64=True) as member, io.TextIOWrapper(member, "utf-8", newline="") as text:
        writer = csv.writer(text)
        for index, row in enumerate(rows, 1):
            writer.writerow(row)
            if index % api_setting("CSV_CHUNK") == 0:
                text.flush()
                yield pipe.take()


def record_tables(models) -> list[tuple]:
    """(model, published rows) for each model, and for each of its many-to-many links."""
    tables = []
    for model in models:
        tables.append((model, published(model._default_manager.all())))
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if not through._meta.auto_created:
                continue  # an explicit link model (track participants) is a table of its own already
            owner = field.m2m_field_name()
            tables.append(
                (through, through.objects.filter(**{f"{owner}__in": published(model._default_manager.all())}))
            )
    return tables


def table_rows(model, queryset):
    fields = columns(model)
    yield [field.attname for field in fields]
    rows = queryset.order_by("pk").values_list(*(f.attname for f in fields))
    for row in rows.iterator(chunk_size=api_setting("CSV_CHUNK")):
        yield [bulk_cell(value) for value in row]


def bulk_cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return duration_iso_string(value)
    return value


def archive_chunks(models):
    pipe = Pipe()
    tables = record_tables(models)
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        yield from write_csv(archive, pipe, "data_dictionary.csv", dictionary_rows([m for m, _ in tables]))
        yield pipe.take()
        for model, queryset in tables:
            yield from write_csv(archive, pipe, f"{table_name(model)}.csv", table_rows(model, queryset))
            yield pipe.take()
    yield pipe.take()


def bulk_response(models) -> StreamingHttpResponse:
    response = StreamingHttpResponse(archive_chunks(models), content_type="application/zip")
    stamp = timezone.now().strftime("%Y%m%dT%H%MZ")
    response["Content-Disposition"] = f'attachment; filename="roundtable-{stamp}.zip"'
    return response
