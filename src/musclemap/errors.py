"""Exceptions the core raises; faces turn them into a clean message and exit code 2."""

from __future__ import annotations


class MusclemapError(Exception):
    """Base class for every error a user can cause or a data file can contain."""


class DataError(MusclemapError):
    """A knowledge-base file breaks the grammar; names the file, the record and the field."""

    def __init__(self, file: str, record: str | None, field: str | None, message: str) -> None:
        self.file = file
        self.record = record
        self.field = field
        self.message = message
        where = file
        if record:
            where += f": record {record!r}"
        if field:
            where += f": field {field!r}"
        super().__init__(f"{where}: {message}")


class NotFound(MusclemapError):
    """A name that matches nothing; carries ranked suggestions."""

    kind = "name"

    def __init__(self, query: str, suggestions: tuple[str, ...] = ()) -> None:
        self.query = query
        self.suggestions = suggestions
        text = f"unknown {self.kind}: {query!r}"
        if suggestions:
            text += "; did you mean: " + ", ".join(suggestions) + "?"
        super().__init__(text)


class UnknownExercise(NotFound):
    kind = "exercise"


class UnknownMuscle(NotFound):
    kind = "muscle or muscle group"


class BadVariant(MusclemapError):
    """A --variant KEY=VALUE that the exercise does not declare; names the allowed keys or values."""


class BadQuery(MusclemapError):
    """A query option with a value outside its vocabulary (unknown equipment, role, ...)."""
