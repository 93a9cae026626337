"""Reads built from rows: a serializer's JSON made from `.values()` rows, with no model instance per record.

A page of fifty rounds with their delegations and demands inlined holds some eight thousand records; building a
model instance and walking DRF's fields for each costs far more than the SQL. So for reads, the serializer's shape
(its keys in order, what is nested, what is a link) is worked out once per serializer, set of includes and kind of
reader (`plan`); each request then runs one read per relation, as the prefetches would, compiled once on
PostgreSQL (`sql`), and builds plain dicts (`read`).

The output is the serializer's own, to the byte: tests/api/test_row_reads.py holds every endpoint to it. A field
this cannot follow (a method field without a row hook, a field with its own formatting) leaves the serializer to
DRF. Serializers name row hooks for their method fields in `row_hooks`: field name -> hook(rows, records) -> {id:
value}.
"""

from talks.api.rows.plan import FETCHED, Node, Spec, Unplannable, concrete_names, plan_for, reads
from talks.api.rows.read import Rows
from talks.api.rows.sql import among

__all__ = ["FETCHED", "Node", "Rows", "Spec", "Unplannable", "among", "concrete_names", "plan_for", "reads"]
