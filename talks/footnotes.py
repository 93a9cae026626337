"""Numbered citations for one page: each citation gets its number the first time a fact on the page shows it."""

from dataclasses import dataclass


@dataclass
class Note:
    number: int
    citation: object
    first_of_source: int  # the number under which this source was first given in full

    @property
    def anchor(self) -> str:
        return f"source-{self.number}"


class Footnotes:
    def __init__(self):
        self.notes: list[Note] = []
        self._by_citation: dict[int, Note] = {}
        self._first_of_source: dict[int, int] = {}

    def __iter__(self):
        return iter(self.notes)

    def __len__(self):
        return len(self.notes)

    def for_fact(self, fact) -> list[Note]:
        """The fact's notes, numbering new ones; reads the fact's prefetched citations."""
        notes = []
        for citation in fact.citations.all():
            note = self._by_citation.get(citation.pk)
            if note is None:
                number = len(self.notes) + 1
                note = Note(number, citation, self._first_of_source.setdefault(citation.source_id, number))
                self.notes.append(note)
                self._by_citation[citation.pk] = note
            notes.append(note)
        return notes
