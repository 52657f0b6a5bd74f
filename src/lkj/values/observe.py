"""A stable digest of what a read returned: the second validity rule of the notebook cache.

A notebook's cache entry holds, beside the hashes of the files it used, the digest of each
answer it was given (a registry value, an id pattern's matches, a parsed dataset; see
lkj.values.access and docs/performance.md, "The dependency rule"). When a file changed, the
entry is still valid if every answer is still the same: the same digest, computed by this
module on the current run.

The digest covers everything a notebook can see of an object: every field of a dataclass or
pydantic model (with its class), a frame's columns, dtypes, index and every cell (row
numbers `_row` and Source.rows included, so a shifted line changes it), the order of lists
and dicts. Objects of any other type raise `Undigestable`: that read then depends on its
files' content as before (no second chance). Two processes give the same digest for equal
content (no id(), no hash order); equal digests therefore mean equal answers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import hashlib
from pathlib import PurePath
from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel

ABSENT = "tidak-ada"  # the digest of an id that does not exist


class Undigestable(TypeError):
    """An object the digest does not know how to describe completely."""


def digest(obj: object) -> str:
    """sha256 of a stable, type-tagged serialisation of `obj` (raises Undigestable)."""
    h = hashlib.sha256()
    try:
        _feed(h, obj)
    except RecursionError:
        raise Undigestable("too deep") from None
    return h.hexdigest()


def _token(h: Any, tag: str, data: bytes = b"") -> None:
    # Tag and length first: no two different sequences of tokens give the same bytes.
    h.update(f"{tag}:{len(data)}:".encode())
    h.update(data)


def _name(obj: object) -> str:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


_SCALARS = (dt.date, dt.time, dt.timedelta, decimal.Decimal, pd.Timestamp, pd.Timedelta)


def _feed(h: Any, obj: object) -> None:
    if not _scalar(h, obj):
        _structure(h, obj)


def _scalar(h: Any, obj: object) -> bool:
    """Feed a scalar; False when `obj` is not one."""
    if type(obj) is float:
        _token(h, "float", obj.hex().encode())  # exact: -0.0, nan and every bit
    elif isinstance(obj, enum.Enum):
        _token(h, _name(obj), obj.name.encode())
        _feed(h, obj.value)
    elif obj is None or isinstance(obj, (str, int, float, bytes)):  # with their class
        _token(h, _name(obj), repr(obj).encode("utf-8", "surrogatepass"))
    elif isinstance(obj, PurePath):
        _token(h, _name(obj), str(obj).encode("utf-8", "surrogatepass"))
    elif obj is pd.NaT or obj is pd.NA:
        _token(h, repr(obj))
    elif isinstance(obj, _SCALARS):
        _token(h, _name(obj), repr(obj).encode())
    elif isinstance(obj, np.generic):
        _token(h, "np:" + obj.dtype.str, obj.tobytes())
    else:
        return False
    return True


def _structure(h: Any, obj: object) -> None:
    if isinstance(obj, pd.DataFrame):
        _frame(h, obj)
    elif isinstance(obj, pd.Series):
        _token(h, "Series")
        _feed(h, obj.name)
        _index(h, obj.index)
        _values(h, obj)
    elif isinstance(obj, pd.Index):
        _index(h, obj)
    elif isinstance(obj, np.ndarray):
        _array(h, obj)
    else:
        _container(h, obj)


def _container(h: Any, obj: object) -> None:
    if isinstance(obj, (list, tuple)):
        _token(h, _name(obj), str(len(obj)).encode())
        for item in obj:
            _feed(h, item)
    elif isinstance(obj, dict):
        _token(h, _name(obj), str(len(obj)).encode())
        for key, value in obj.items():  # in order: a notebook iterating it sees the order
            _feed(h, key)
            _feed(h, value)
    elif isinstance(obj, (set, frozenset)):
        items = sorted(digest(item) for item in obj)  # no order of its own to see
        _token(h, _name(obj), "\n".join(items).encode())
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        _token(h, _name(obj))
        for f in dataclasses.fields(obj):
            _token(h, "field", f.name.encode())
            _feed(h, getattr(obj, f.name))
    elif isinstance(obj, BaseModel):
        _token(h, _name(obj))
        _feed(h, dict(obj.__dict__))
        _feed(h, obj.__pydantic_extra__)
        _feed(h, obj.__pydantic_private__)
    else:
        raise Undigestable(f"no stable digest for {_name(obj)}")


def _frame(h: Any, df: pd.DataFrame) -> None:
    _token(h, _name(df), repr(df.shape).encode())
    _index(h, df.columns)
    _index(h, df.index)
    for i in range(df.shape[1]):
        _values(h, df.iloc[:, i])
    _feed(h, dict(df.attrs))


def _index(h: Any, index: pd.Index) -> None:
    _token(h, _name(index))
    _feed(h, list(index.names))
    _dtype(h, index.dtype)
    _array(h, np.asarray(index, dtype=object) if index.dtype == object else index.to_numpy())


def _dtype(h: Any, dtype: Any) -> None:
    _token(h, "dtype", repr(dtype).encode())
    if isinstance(dtype, pd.CategoricalDtype):  # its repr shortens long category lists
        _index(h, dtype.categories)
        _feed(h, dtype.ordered)


def _values(h: Any, column: pd.Series) -> None:
    _dtype(h, column.dtype)
    if isinstance(column.dtype, np.dtype) and column.dtype != object:
        _array(h, column.to_numpy())
    else:  # objects and extension arrays (nullable integers, strings, categories): per cell
        _array(h, column.to_numpy(dtype=object))


def _array(h: Any, values: Any) -> None:
    values = np.asarray(values)
    _token(h, "array:" + values.dtype.str, repr(values.shape).encode())
    if values.dtype == object:
        for item in values.ravel():
            _feed(h, item)
    elif values.dtype.hasobject or values.dtype.kind == "V":
        raise Undigestable(f"no stable digest for an array of {values.dtype}")
    else:
        _token(h, "bytes", np.ascontiguousarray(values).tobytes())
