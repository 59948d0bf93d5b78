"""Running the site under uvicorn, in one process or several.

With several worker processes uvicorn binds the listening socket itself, with protocol
number 0; asyncio then leaves Nagle's algorithm on for every accepted connection (it
only sets ``TCP_NODELAY`` on sockets whose protocol is TCP), and a keep-alive client
waits ~40 ms for each response's second packet. The protocol classes here set the option
on every connection themselves, so one process or many answer alike.

The HTTP parser is httptools (C) and the event loop uvloop when they are installed (the
``web`` extra installs both): under load the pure-Python h11 parser and asyncio's loop
were a fifth of a search page's server CPU. Without them the site runs on h11 and
asyncio, answering alike.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import socket
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from ganjina.errors import GanjinaError
from ganjina.web.processes import reuse_port_supported, serve_processes


def _no_delay(transport: asyncio.Transport) -> None:
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class NoDelayH11(H11Protocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        _no_delay(transport)
        super().connection_made(transport)


try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # httptools is not installed: h11 serves
    HTTP_PROTOCOL: type[asyncio.Protocol] = NoDelayH11
else:

    class NoDelayHttpTools(HttpToolsProtocol):
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            _no_delay(transport)
            super().connection_made(transport)

    HTTP_PROTOCOL = NoDelayHttpTools


def event_loop() -> str:
    """uvloop when installed, else asyncio (uvicorn's names)."""
    return "uvloop" if importlib.util.find_spec("uvloop") is not None else "asyncio"


def check_address(host: str, port: int) -> None:
    """Raise a one-line ``GanjinaError`` unless ``host:port`` can be listened on now.

    uvicorn reports a busy port only after start-up, with a log line of its own and a
    plain ``sys.exit``; a trial bind here says it first, in our words. (Another process
    could still take the port in between: uvicorn then still fails, just less kindly.)
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as err:
        raise GanjinaError(f"cannot listen on {host}:{port}: {err.strerror}") from None
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as trial:
        # what uvicorn sets too, so a port in TIME_WAIT is not mistaken for a busy one
        trial.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            trial.bind(address)
        except OSError as err:
            raise GanjinaError(f"cannot listen on {host}:{port}: {err.strerror}") from None


def serve(archive_url: str | None, host: str, port: int, workers: int = 1) -> None:
    """Serve the archive until interrupted; ``workers`` processes share the port."""
    from ganjina.web.app import create_app

    # made here even when workers make their own: a wrong archive fails at once, once
    app = create_app(archive_url)
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "warning",
        "http": HTTP_PROTOCOL,
        "loop": event_loop(),
        # behind a proxy that adds TLS, links keep the scheme the visitor used
        "proxy_headers": True,
    }
    if workers == 1:
        uvicorn.run(app, **options)
        return
    # each process opens the archive itself (reads need no lock): uvicorn imports the
    # factory in each, which finds the archive through the GANJINA_ARCHIVE setting
    app.state.ganjina.archive.close()
    if archive_url:
        os.environ["GANJINA_ARCHIVE"] = archive_url
    factory = "ganjina.web.app:create_app"
    if reuse_port_supported():
        # a socket per process, so that connections opened at once are spread over them
        # (ganjina/web/processes.py says why uvicorn's shared socket does not)
        options.pop("host"), options.pop("port")
        serve_processes(factory, host, port, workers, options)
        return
    uvicorn.run(factory, factory=True, workers=workers, **options)
