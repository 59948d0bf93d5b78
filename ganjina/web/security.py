"""Headers on every response, and the site's read-only rule.

The pages use no JavaScript at all, so the Content-Security-Policy allows none (and no
inline style): even a piece of article text that escaped escaping could not run. JSON-LD
is a data block, which the policy does not govern. Written as plain ASGI middleware,
not ``BaseHTTPMiddleware``, which would cost a task per request.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
#: the public site changes nothing; OAI-PMH may be asked by POST (the protocol allows
#: it), and the editors' desk takes forms (each checked for its session and CSRF token)
READ_METHODS = frozenset({"GET", "HEAD"})
POST_PATHS = frozenset({"/oai"})
POST_PREFIXES = ("/desk/",)


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        path = scope["path"]
        may_post = path in POST_PATHS or path.startswith(POST_PREFIXES)
        if method not in READ_METHODS and not (method == "POST" and may_post):
            # answered here, before any route: a read-only site has nothing to change
            await send(
                {
                    "type": "http.response.start",
                    "status": 405,
                    "headers": [
                        *HEADERS,
                        (b"allow", b"GET, HEAD"),
                        (b"content-type", b"text/plain; charset=utf-8"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b"read-only: use GET\n"})
            return

        head = method == "HEAD"
        if head:
            # routes are declared for GET; HEAD is the same answer without its body
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                # a response with a policy of its own (a published HTML page) keeps it
                have = {bytes(k).lower() for k, _ in message.get("headers", ())}
                extra = [(k, v) for k, v in HEADERS if k not in have]
                message["headers"] = [*message.get("headers", ()), *extra]
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_headers)
