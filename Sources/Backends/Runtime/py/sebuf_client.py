from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import math
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from datetime import datetime, timedelta, timezone
from enum import IntEnum
from types import TracebackType
from typing import Any, Callable, Generic, Iterator, Mapping, Optional, Protocol, Sequence, TypeVar, Union

# The static part of every module protoc-gen-py-client (sebuf's py-client backend) writes:
# transports, errors, the event-stream reader and the JSON helpers of sebuf's annotations.
# Python 3.10+, standard library only.

_T = TypeVar("_T")
_E = TypeVar("_E", bound=IntEnum)


@dataclasses.dataclass
class HttpResponse:
    """Minimal HTTP response shape returned by every HttpTransport."""

    status: int
    headers: Mapping[str, str]
    body: bytes


class HttpTransport(Protocol):
    """Duck-typed HTTP transport. Implement this to plug in requests/httpx/aiohttp."""

    def request(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: Optional[float],
    ) -> HttpResponse: ...


@dataclasses.dataclass
class StreamingHttpResponse:
    """An open response whose body is read as it arrives (event streams).

    `read_chunk` returns the next bytes available (b"" at the end); `close` closes the
    connection, which is how the server learns that the client went away.
    """

    status: int
    headers: Mapping[str, str]
    read_chunk: Callable[[], bytes]
    close: Callable[[], None]


class StreamingHttpTransport(HttpTransport, Protocol):
    """A transport that can also hand over a response before its body has arrived."""

    def open_stream(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: Optional[float],
    ) -> StreamingHttpResponse: ...


class UrllibTransport:
    """Default transport built on the Python standard library."""

    def request(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: Optional[float],
    ) -> HttpResponse:
        req = urllib.request.Request(url=url, method=method, data=body, headers=dict(headers))
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                data: bytes = resp.read()
                return HttpResponse(status=int(resp.status), headers=dict(resp.headers.items()), body=data)
        except urllib.error.HTTPError as exc:
            with exc:
                return HttpResponse(
                    status=exc.code,
                    headers=dict(exc.headers.items()) if exc.headers else {},
                    body=exc.read(),
                )

    def open_stream(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: Optional[float],
    ) -> StreamingHttpResponse:
        req = urllib.request.Request(url=url, method=method, data=body, headers=dict(headers))
        try:
            resp = urllib.request.urlopen(req, timeout=timeout)
        except urllib.error.HTTPError as exc:
            with exc:
                return _buffered_stream(
                    exc.code, dict(exc.headers.items()) if exc.headers else {}, exc.read())

        def read_chunk() -> bytes:
            # read1 returns what one read of the socket (or one chunk) holds: events are
            # seen as soon as they arrive, with no limit on a line's length.
            chunk: bytes = resp.read1(65536)
            return chunk

        def close() -> None:
            resp.close()

        return StreamingHttpResponse(
            status=int(resp.status), headers=dict(resp.headers.items()), read_chunk=read_chunk, close=close)


def _buffered_stream(status: int, headers: Mapping[str, str], body: bytes) -> StreamingHttpResponse:
    """A StreamingHttpResponse over a body that has already been read whole."""
    pending = [body]

    def read_chunk() -> bytes:
        return pending.pop() if pending else b""

    return StreamingHttpResponse(status=status, headers=headers, read_chunk=read_chunk, close=pending.clear)


@dataclasses.dataclass
class FieldViolation:
    """Single validation violation, matching sebuf.http.FieldViolation."""

    field: str
    description: str = ""


class ApiError(Exception):
    """Base exception for any non-2xx HTTP response (and for an event stream's error frame)."""

    def __init__(
        self,
        status: int,
        body: bytes,
        headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        self.status = status
        self.body = body
        self.headers: Mapping[str, str] = headers or {}
        self.message = _error_message(body)
        super().__init__(f"HTTP {status}: {self.message}" if self.message else f"HTTP {status}")

    @classmethod
    def populate(
        cls, status: int, body: bytes, headers: Optional[Mapping[str, str]], data: Mapping[str, Any]
    ) -> ApiError:
        """Builds the error from a response whose JSON body is `data`."""
        return cls(status, body, headers)


class ValidationError(ApiError):
    """Raised on HTTP 400 when the server returns sebuf.http.ValidationError JSON."""

    def __init__(
        self,
        status: int,
        body: bytes,
        headers: Optional[Mapping[str, str]] = None,
        violations: Optional[Sequence[FieldViolation]] = None,
    ) -> None:
        super().__init__(status, body, headers)
        self.violations: list[FieldViolation] = list(violations or [])


class StreamError(ApiError):
    """The server's `event: error` frame after a stream started (`status` is the stream's, 200)."""

    def __init__(self, message: str, data: str, headers: Optional[Mapping[str, str]] = None) -> None:
        super().__init__(200, data.encode("utf-8"), headers)
        self.message = message
        self.data = data
        self.args = (message,)


def _error_message(body: bytes) -> str:
    try:
        parsed = json.loads(body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return ""
    if isinstance(parsed, dict) and isinstance(parsed.get("message"), str):
        return str(parsed["message"])
    return ""


def _match_error(
    error_classes: Sequence[tuple[type[ApiError], frozenset[str]]], parsed: Mapping[str, Any]
) -> Optional[type[ApiError]]:
    """The declared error whose JSON keys the body has; the one with the most keys wins."""
    best: Optional[type[ApiError]] = None
    best_size = 0
    for cls, keys in error_classes:
        if keys and len(keys) > best_size and keys.issubset(parsed.keys()):
            best, best_size = cls, len(keys)
    return best


def _raise_for_status(resp: HttpResponse, error_classes: Sequence[tuple[type[ApiError], frozenset[str]]]) -> None:
    """Raises the most specific exception for a non-2xx response."""
    body = resp.body or b""
    parsed: Any = None
    try:
        parsed = json.loads(body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        parsed = None
    if resp.status == 400 and isinstance(parsed, dict) and isinstance(parsed.get("violations"), list):
        violations = [
            FieldViolation(field=str(v.get("field", "")), description=str(v.get("description", "")))
            for v in parsed["violations"]
            if isinstance(v, dict)
        ]
        raise ValidationError(resp.status, body, resp.headers, violations)
    if isinstance(parsed, dict):
        cls = _match_error(error_classes, parsed)
        if cls is not None:
            raise cls.populate(resp.status, body, resp.headers, parsed)
    raise ApiError(resp.status, body, resp.headers)


def _stream_error(
    data: str, headers: Mapping[str, str], error_classes: Sequence[tuple[type[ApiError], frozenset[str]]]
) -> ApiError:
    """The error an `event: error` frame carries: a declared error, or StreamError."""
    try:
        parsed: Any = json.loads(data)
    except ValueError:
        return StreamError(data, data, headers)
    if isinstance(parsed, dict):
        cls = _match_error(error_classes, parsed)
        if cls is not None:
            return cls.populate(200, data.encode("utf-8"), headers, parsed)
        if isinstance(parsed.get("message"), str):
            return StreamError(str(parsed["message"]), data, headers)
    if isinstance(parsed, str):
        return StreamError(parsed, data, headers)
    return StreamError(data, data, headers)


@dataclasses.dataclass
class _SSEFrame:
    event: str
    data: str


class _SSEParser:
    """Incremental text/event-stream parser over bytes; lines may be of any length."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self._scanned = 0
        self._data: list[str] = []
        self._event = ""

    def push(self, chunk: bytes) -> list[_SSEFrame]:
        buf = self._buf
        buf += chunk
        frames: list[_SSEFrame] = []
        start = 0
        i = self._scanned
        n = len(buf)
        # Next CR and LF at or after i (-1: none in the buffer): each byte is scanned once.
        cr = buf.find(b"\r", i)
        lf = buf.find(b"\n", i)
        while i < n:
            if 0 <= cr < i:
                cr = buf.find(b"\r", i)
            if 0 <= lf < i:
                lf = buf.find(b"\n", i)
            ends = [p for p in (cr, lf) if p >= 0]
            if not ends:
                i = n
                break
            j = min(ends)
            if buf[j] == 13 and j + 1 == n:
                # A CR at the end may be the first half of a CRLF: wait for more.
                i = j
                break
            self._line(bytes(buf[start:j]), frames)
            i = j + 2 if buf[j] == 13 and buf[j + 1] == 10 else j + 1
            start = i
        del buf[:start]
        self._scanned = i - start
        return frames

    def finish(self) -> list[_SSEFrame]:
        """The stream ended: a last line or frame without its terminator still counts."""
        frames: list[_SSEFrame] = []
        rest = bytes(self._buf)
        if rest.endswith(b"\r"):
            rest = rest[:-1]
        self._buf = bytearray()
        self._scanned = 0
        if rest:
            self._line(rest, frames)
        self._line(b"", frames)
        return frames

    def _line(self, raw: bytes, frames: list[_SSEFrame]) -> None:
        if not raw:
            if self._data:
                frames.append(_SSEFrame(self._event or "message", "\n".join(self._data)))
            self._data = []
            self._event = ""
            return
        line = raw.decode("utf-8", "replace")
        if line.startswith(":"):
            return
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value


class EventStream(Iterator[_T], Generic[_T]):
    """The typed events of one Server-Sent Events response.

    Iterate it (`for event in stream`); stopping early (`break`, `close()`, leaving a
    `with` block, or dropping the stream) closes the connection so the server's handler
    is cancelled. An `event: error` frame raises the typed error. `last_event` is the
    event name (`message` unless the server named it) of the value just returned.
    """

    def __init__(
        self,
        response: StreamingHttpResponse,
        decode: Callable[[Any], _T],
        error_classes: Sequence[tuple[type[ApiError], frozenset[str]]],
    ) -> None:
        self._response = response
        self._decode = decode
        self._error_classes = error_classes
        self._parser = _SSEParser()
        self._frames: deque[_SSEFrame] = deque()
        self._closed = False
        self._ended = False
        self.last_event = ""

    def __iter__(self) -> EventStream[_T]:
        return self

    def __next__(self) -> _T:
        while True:
            if self._frames:
                frame = self._frames.popleft()
                if frame.event == "error":
                    self.close()
                    raise _stream_error(frame.data, self._response.headers, self._error_classes)
                self.last_event = frame.event
                return self._decode(json.loads(frame.data))
            if self._ended or self._closed:
                self.close()
                raise StopIteration
            try:
                chunk = self._response.read_chunk()
            except BaseException:
                self.close()
                raise
            if chunk:
                self._frames.extend(self._parser.push(chunk))
            else:
                self._ended = True
                self._frames.extend(self._parser.finish())

    def close(self) -> None:
        """Closes the connection; further iteration ends at once."""
        if not self._closed:
            self._closed = True
            self._frames.clear()
            self._response.close()

    def __enter__(self) -> EventStream[_T]:
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def __del__(self) -> None:
        if not getattr(self, "_closed", True):
            self.close()


def _open_event_stream(
    transport: HttpTransport,
    method: str,
    url: str,
    headers: Mapping[str, str],
    body: Optional[bytes],
    timeout: Optional[float],
    decode: Callable[[Any], _T],
    error_classes: Sequence[tuple[type[ApiError], frozenset[str]]],
) -> EventStream[_T]:
    """Sends a streaming request; an HTTP error before the first event raises as a unary call's."""
    open_stream = getattr(transport, "open_stream", None)
    if open_stream is not None:
        response: StreamingHttpResponse = open_stream(
            method=method, url=url, headers=headers, body=body, timeout=timeout)
    else:
        # A transport without streaming support: the whole body, read at once, is the stream.
        whole = transport.request(method=method, url=url, headers=headers, body=body, timeout=timeout)
        response = _buffered_stream(whole.status, whole.headers, whole.body)
    if response.status >= 400:
        parts: list[bytes] = []
        try:
            while True:
                chunk = response.read_chunk()
                if not chunk:
                    break
                parts.append(chunk)
        finally:
            response.close()
        _raise_for_status(HttpResponse(response.status, response.headers, b"".join(parts)), error_classes)
    return EventStream(response, decode, error_classes)


def _check_content_type(content_type: str) -> None:
    if content_type != "application/json":
        raise ValueError(
            f"content_type {content_type!r} is not supported: the generated Python client speaks application/json")


def _url(base_url: str, path: str, query: Sequence[tuple[str, str]]) -> str:
    if not query:
        return base_url + path
    return base_url + path + "?" + urllib.parse.urlencode(query)


def _path_value(value: str) -> str:
    return urllib.parse.quote(value, safe="")


def _bool_text(value: bool) -> str:
    return "true" if value else "false"


def _float_out(value: float) -> Union[float, str]:
    """protojson writes NaN and the infinities as strings."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def _float_in(value: Any) -> float:
    return float(value)


def _float_text(value: float) -> str:
    out = _float_out(value)
    if isinstance(out, str):
        return out
    return repr(out)[:-2] if repr(out).endswith(".0") else repr(out)


def _int_in(value: Any) -> int:
    return int(value)


def _str_in(value: Any) -> str:
    return str(value)


def _bool_in(value: Any) -> bool:
    if isinstance(value, str):
        return value == "true"
    return bool(value)


def _bytes_out(value: bytes, encoding: str) -> str:
    if encoding == "hex":
        return binascii.hexlify(value).decode("ascii")
    if encoding in ("base64url", "base64url_raw"):
        text = base64.urlsafe_b64encode(value).decode("ascii")
    else:
        text = base64.b64encode(value).decode("ascii")
    return text.rstrip("=") if encoding.endswith("_raw") else text


def _bytes_in(value: Any, encoding: str) -> bytes:
    text = str(value)
    if encoding == "hex":
        return binascii.unhexlify(text)
    padded = text + "=" * (-len(text) % 4)
    # Like protojson, accept either alphabet whatever the declared encoding.
    return base64.urlsafe_b64decode(padded.replace("+", "-").replace("/", "_"))


def _enum_out(values: Mapping[_E, str], value: _E) -> str:
    return values.get(value, value.name)


def _enum_in(enum: type[_E], values: Mapping[_E, str], value: Any) -> _E:
    if isinstance(value, bool):
        raise TypeError(f"cannot decode {enum.__name__} from bool")
    if isinstance(value, int):
        return enum(value)
    if isinstance(value, str):
        for member, json_value in values.items():
            if json_value == value:
                return member
        try:
            return enum[value]
        except KeyError:
            raise ValueError(f"unknown {enum.__name__} value: {value!r}") from None
    raise TypeError(f"cannot decode {enum.__name__} from {type(value).__name__}")


_RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$")
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _timestamp_out(value: datetime, fmt: str) -> Union[str, int]:
    """A datetime (naive ones are UTC) in a timestamp_format: rfc3339, unix_seconds, unix_millis or date."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    value = value.astimezone(timezone.utc)
    delta = value - _EPOCH
    if fmt == "unix_seconds":
        return delta.days * 86400 + delta.seconds
    if fmt == "unix_millis":
        return (delta.days * 86400 + delta.seconds) * 1000 + delta.microseconds // 1000
    if fmt == "date":
        return value.strftime("%Y-%m-%d")
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += "." + f"{value.microsecond:06d}".rstrip("0")
    return text + "Z"


def _timestamp_in(value: Any, fmt: str) -> datetime:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if fmt == "unix_millis":
            return _EPOCH + timedelta(milliseconds=value)
        return _EPOCH + timedelta(seconds=value)
    text = str(value)
    if fmt in ("unix_seconds", "unix_millis"):
        number = int(text)
        return _EPOCH + (timedelta(milliseconds=number) if fmt == "unix_millis" else timedelta(seconds=number))
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return datetime(int(text[0:4]), int(text[5:7]), int(text[8:10]), tzinfo=timezone.utc)
    m = _RFC3339.match(text)
    if m is None:
        raise ValueError(f"not an RFC 3339 timestamp: {text!r}")
    micros = int((m.group(7) or "0").ljust(6, "0")[:6])
    offset = timedelta(0)
    if m.group(9):
        offset = timedelta(hours=int(m.group(10)), minutes=int(m.group(11)))
        if m.group(9) == "-":
            offset = -offset
    local = datetime(
        int(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5)), int(m.group(6)),
        micros, tzinfo=timezone(offset))
    return local.astimezone(timezone.utc)


def _is_empty(value: Any) -> bool:
    """Whether a message value is its default (what empty_behavior looks at)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return bool(value == type(value)())
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)) == _EPOCH
    return not value


def _dict_in(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"expected a JSON object, got {type(value).__name__}")
    return dict(value)


def _list_in(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"expected a JSON array, got {type(value).__name__}")
    return list(value)


def _any_in(value: Any) -> Any:
    return value
