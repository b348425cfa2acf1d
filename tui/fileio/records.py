"""Typed records of the user's files (``config.toml``, the JSON state files): dataclasses
read from parsed TOML or JSON with every value checked against its field's type.

A record class lists its fields as annotations, like a dataclass (it is one, keyword-only);
:meth:`Record.validate` builds one from a mapping and raises :class:`Invalid` naming the
first field that does not fit (``loc``, the path to it) and why, in the words the settings'
messages use ("Input should be a valid boolean"). :meth:`Record.dump` gives the record back
as plain data (``json=True``: dates and times as text, ready for :func:`json.dumps`).

The types understood are those the files hold: ``str``, ``bool``, ``int`` (with
:class:`AtLeast` in ``Annotated``), ``date``, ``datetime`` (always kept in UTC: a time
without a zone is taken to be UTC), ``Literal`` choices, ``X | None``, ``list[X]``,
``dict[str, X]`` and other records. ``strict`` records (config.toml) take each value only
in its own type; the others (state files written by any paperdeck) also take a number or
a date written as text, a boolean as ``"true"``/``"false"``, ``0``/``1``.

Checks beyond a field's type go in ``__post_init__`` (they run when a record is built in
code too); ``prepare`` may reshape the raw mapping before the fields are read.
"""

from __future__ import annotations

import copy
import dataclasses
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from contextlib import suppress
from datetime import UTC, date, datetime
from typing import Any, ClassVar, Literal, Self, dataclass_transform

Converter = Callable[[Any, tuple[str | int, ...]], Any]

MISSING_KIND = "missing"
EXTRA_KIND = "extra_forbidden"


class Invalid(ValueError):
    """A value that does not fit its field: ``loc`` is the path to it, ``msg`` why."""

    def __init__(self, loc: tuple[str | int, ...], msg: str, kind: str = "value") -> None:
        super().__init__(f"{'.'.join(map(str, loc))}: {msg}" if loc else msg)
        self.loc = loc
        self.msg = msg
        self.kind = kind


@dataclasses.dataclass(frozen=True)
class AtLeast:
    """``Annotated[int, AtLeast(1)]``: a whole number no smaller than ``least``."""

    least: int


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a time without a zone is taken to be UTC already."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 is before the first representable time
        raise ValueError("a time out of range") from None


@dataclass_transform(kw_only_default=True, field_specifiers=(dataclasses.field,))
class Record:
    """Base of a typed record (see the module)."""

    STRICT: ClassVar[bool] = False
    """Take each value only in its own type (no "1" for 1, no 0 for false)."""
    EXTRA: ClassVar[Literal["ignore", "forbid"]] = "ignore"
    """What becomes of keys that name no field: dropped, or each an error."""

    _plan: ClassVar[list[tuple[str, Converter, bool]] | None] = None
    _times: ClassVar[tuple[str, ...] | None] = None

    def __init_subclass__(cls, frozen: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(cls, kw_only=True, frozen=frozen)
        cls._plan = None
        cls._times = None

    def __post_init__(self) -> None:
        times = type(self)._times
        if times is None:
            times = type(self)._times = _time_fields(type(self))
        for name in times:  # built in code with a local or naive time: kept in UTC
            moment = getattr(self, name)
            if moment is not None and (moment.tzinfo is not UTC):
                object.__setattr__(self, name, as_utc(moment))

    # -- reading -----------------------------------------------------------------------

    @classmethod
    def prepare(cls, raw: dict[str, Any]) -> dict[str, Any]:
        """``raw`` as the fields read it (a record may accept an older shape here)."""
        return raw

    @classmethod
    def validate(cls, raw: object, loc: tuple[str | int, ...] = ()) -> Self:
        """The record ``raw`` (a mapping) describes; :class:`Invalid` when it does not fit."""
        if isinstance(raw, cls):
            return raw
        if not isinstance(raw, Mapping):
            raise Invalid(loc, "Input should be a valid dictionary")
        raw = cls.prepare(dict(raw))
        plan = cls._plan if cls._plan is not None else cls._make_plan()
        values: dict[str, Any] = {}
        for name, convert, required in plan:
            if name in raw:
                values[name] = convert(raw[name], (*loc, name))
            elif required:
                raise Invalid((*loc, name), "Field required", MISSING_KIND)
        if cls.EXTRA == "forbid":
            for key in raw:
                if key not in values:
                    raise Invalid((*loc, key), "Extra inputs are not permitted", EXTRA_KIND)
        try:
            return cls(**values)
        except Invalid:
            raise
        except ValueError as exc:  # a check of __post_init__
            raise Invalid(loc, str(exc)) from None

    @classmethod
    def _make_plan(cls) -> list[tuple[str, Converter, bool]]:
        hints = typing.get_type_hints(cls, include_extras=True)
        plan = []
        for spec in dataclasses.fields(cls):  # type: ignore[arg-type]
            if not spec.init:
                continue
            required = (
                spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
            )
            plan.append((spec.name, _converter(hints[spec.name], cls.STRICT), required))
        cls._plan = plan
        return plan

    # -- writing -----------------------------------------------------------------------

    def dump(
        self,
        json: bool = False,
        include: Iterable[str] | None = None,
        exclude: Iterable[str] = (),
    ) -> dict[str, Any]:
        """The fields as plain data, in their order (``json``: dates and times as text)."""
        wanted = None if include is None else set(include)
        skipped = set(exclude)
        return {
            spec.name: _plain(getattr(self, spec.name), json)
            for spec in dataclasses.fields(self)  # type: ignore[arg-type]
            if (wanted is None or spec.name in wanted) and spec.name not in skipped
        }

    def copy(self, deep: bool = False, **changes: Any) -> Self:
        """A copy with ``changes``, set as given: neither checked nor cleaned (they come
        from the program itself)."""
        made = copy.deepcopy(self) if deep else copy.copy(self)
        names = {spec.name for spec in dataclasses.fields(self)}  # type: ignore[arg-type]
        for name, value in changes.items():
            if name not in names:
                raise TypeError(f"{type(self).__name__} has no field {name!r}")
            object.__setattr__(made, name, value)
        return made


def time_text(moment: datetime) -> str:
    """A time as the state files keep it: ISO 8601, ``Z`` for UTC."""
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _plain(value: Any, json: bool) -> Any:
    if isinstance(value, Record):
        return value.dump(json)
    if isinstance(value, list):
        return [_plain(item, json) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item, json) for key, item in value.items()}
    if json and isinstance(value, datetime):
        return time_text(value)
    if json and isinstance(value, date):
        return value.isoformat()
    return value


def _time_fields(cls: type[Record]) -> tuple[str, ...]:
    hints = typing.get_type_hints(cls)
    return tuple(
        spec.name
        for spec in dataclasses.fields(cls)  # type: ignore[arg-type]
        if datetime in (hints[spec.name], *typing.get_args(hints[spec.name]))
    )


# -- one converter per type ------------------------------------------------------------


def _converter(kind: Any, strict: bool) -> Converter:
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin is typing.Annotated:
        inner = _converter(args[0], strict)
        least = [meta.least for meta in args[1:] if isinstance(meta, AtLeast)]
        return _at_least(inner, least[0]) if least else inner
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in args if arg is not type(None)]
        if len(options) != 1:
            raise TypeError(f"unsupported union {kind!r}")
        return _optional(_converter(options[0], strict))
    if origin is Literal:
        return _choice(args)
    if origin is list:
        return _list_of(_converter(args[0], strict))
    if origin is dict:
        return _dict_of(_converter(args[1], strict))
    if isinstance(kind, type) and issubclass(kind, Record):
        return kind.validate
    simple = _STRICT.get(kind) if strict else _LAX.get(kind)
    if simple is None:
        raise TypeError(f"unsupported field type {kind!r}")
    return simple


def _optional(inner: Converter) -> Converter:
    def convert(value: Any, loc: tuple[str | int, ...]) -> Any:
        return None if value is None else inner(value, loc)

    return convert


def _at_least(inner: Converter, least: int) -> Converter:
    def convert(value: Any, loc: tuple[str | int, ...]) -> Any:
        number = inner(value, loc)
        if number < least:
            raise Invalid(loc, f"Input should be greater than or equal to {least}")
        return number

    return convert


def _choice(allowed: tuple[Any, ...]) -> Converter:
    shown = [repr(choice) for choice in allowed]
    words = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"

    def convert(value: Any, loc: tuple[str | int, ...]) -> Any:
        if isinstance(value, str) and value in allowed:
            return value
        raise Invalid(loc, f"Input should be {words}")

    return convert


def _list_of(inner: Converter) -> Converter:
    def convert(value: Any, loc: tuple[str | int, ...]) -> list[Any]:
        if not isinstance(value, list):
            raise Invalid(loc, "Input should be a valid list")
        return [inner(item, (*loc, index)) for index, item in enumerate(value)]

    return convert


def _dict_of(inner: Converter) -> Converter:
    def convert(value: Any, loc: tuple[str | int, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise Invalid(loc, "Input should be a valid dictionary")
        for key in value:
            if not isinstance(key, str):
                raise Invalid((*loc, str(key)), "Keys should be strings")
        return {key: inner(item, (*loc, key)) for key, item in value.items()}

    return convert


def _string(value: Any, loc: tuple[str | int, ...]) -> str:
    if isinstance(value, str):
        return value
    raise Invalid(loc, "Input should be a valid string")


def _strict_bool(value: Any, loc: tuple[str | int, ...]) -> bool:
    if isinstance(value, bool):
        return value
    raise Invalid(loc, "Input should be a valid boolean")


_TRUE = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE = frozenset({"0", "off", "f", "false", "n", "no"})


# A lax converter takes what its strict one takes, and also the value written another way.


def _lax_bool(value: Any, loc: tuple[str | int, ...]) -> bool:
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
        return value.lower() in _TRUE
    return _strict_bool(value, loc)


def _strict_int(value: Any, loc: tuple[str | int, ...]) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise Invalid(loc, "Input should be a valid integer")


def _lax_int(value: Any, loc: tuple[str | int, ...]) -> int:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and len(value) <= 30:
        with suppress(ValueError):
            return int(value.strip())
    return _strict_int(value, loc)


def _strict_date(value: Any, loc: tuple[str | int, ...]) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise Invalid(loc, "Input should be a valid date")


def _lax_date(value: Any, loc: tuple[str | int, ...]) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise Invalid(loc, "Input should be a valid date in the format YYYY-MM-DD")


def _strict_datetime(value: Any, loc: tuple[str | int, ...]) -> datetime:
    if isinstance(value, datetime):
        return _in_utc(value, loc)
    raise Invalid(loc, "Input should be a valid datetime")


def _lax_datetime(value: Any, loc: tuple[str | int, ...]) -> datetime:
    if isinstance(value, str) and len(value) <= 40:
        with suppress(ValueError):
            return _in_utc(datetime.fromisoformat(value), loc)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        with suppress(ValueError, OverflowError, OSError):
            return datetime.fromtimestamp(value, UTC)
    return _strict_datetime(value, loc)


def _in_utc(moment: datetime, loc: tuple[str | int, ...]) -> datetime:
    try:
        return as_utc(moment)
    except ValueError as exc:
        raise Invalid(loc, str(exc)) from None


_STRICT: dict[Any, Converter] = {
    str: _string, bool: _strict_bool, int: _strict_int, date: _strict_date,
    datetime: _strict_datetime,
}  # fmt: skip
_LAX: dict[Any, Converter] = {
    str: _string, bool: _lax_bool, int: _lax_int, date: _lax_date, datetime: _lax_datetime,
}  # fmt: skip
