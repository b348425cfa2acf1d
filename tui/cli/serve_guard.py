"""Who may drive ``paperdeck serve``: a token, the page's own origin, a cap on sessions.

textual-serve has no login, and its websocket takes a connection from any web page: a
page on another site could read the reader's screen and type keys into it. So, as Jupyter
does, each start draws a random token that the announced address carries
(``http://127.0.0.1:8000/?token=…``). The page is served only with it (from that address,
or from the cookie the page sets for the browser session) and hands it on in the address
of the websocket it opens; a websocket is refused without it, and from any origin other
than the server's own and ``--public-url``'s. Each websocket runs a reader process, so at
most ``max_sessions`` run at once, and the page says so when that many are open.

This is textual-serve 1.1's :class:`Server` with its public handlers overridden
(``handle_index``, ``handle_websocket``, ``on_startup``) and one private method extended:
``_make_app`` gains the route ``/ws/{token}``. The token goes in the path because the
page's script appends ``?width=…&height=…`` to the websocket address it is given. The page
needs nothing from any other host: its font comes from this server (:func:`own_fonts`).
"""

from __future__ import annotations

import hmac
import html
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import WSCloseCode, web
from textual_serve.server import Server, to_int

PAGE_TEMPLATE = "app_index.html"
"""textual-serve's page; its variables are filled in as its own ``handle_index`` does."""
DEFAULT_MAX_SESSIONS = 4
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
SECURITY_HEADERS = {
    "Referrer-Policy": "no-referrer",  # the token in the address goes nowhere else
    "X-Frame-Options": "DENY",  # no other site shows the page in a frame
    "Cache-Control": "no-store",
}


# textual-serve's page loads its font from Google's font service: every reader would tell
# that host who reads, and offline the page waits for it. The font ships with textual-serve
# (static/fonts/), so the page takes it from this server instead.
OUTSIDE_FONTS = re.compile(r"<link\b[^>]*\bhref=\"https?://fonts\.googleapis\.com/[^\"]*\"[^>]*>")
FONT_FACES = """<style>
      @font-face {{
        font-family: "Roboto Mono"; font-style: normal; font-weight: 100 700;
        src: url("{static}fonts/RobotoMono-VariableFont_wght.ttf") format("truetype");
      }}
      @font-face {{
        font-family: "Roboto Mono"; font-style: italic; font-weight: 100 700;
        src: url("{static}fonts/RobotoMono-Italic-VariableFont_wght.ttf") format("truetype");
      }}
    </style>"""


def own_fonts(page: str, static: str) -> str:
    """``page`` with its font taken from this server's ``static`` folder, not from Google."""
    return OUTSIDE_FONTS.sub(lambda _: FONT_FACES.format(static=html.escape(static)), page)


def origin_of(url: str) -> str:
    """The origin a browser sends for pages under ``url``: scheme, host, port if not default."""
    parts = urlsplit(url)
    host = bracketed(parts.hostname or "")
    default = {"http": 80, "https": 443}.get(parts.scheme)
    port = "" if parts.port in (None, default) else f":{parts.port}"
    return f"{parts.scheme}://{host}{port}"


def bracketed(host: str) -> str:
    """``host`` as a URL writes it: an IPv6 address in brackets."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


@dataclass(frozen=True)
class Guard:
    """What a request must bring: the token (None: no token asked) and an allowed origin."""

    token: str | None
    origins: frozenset[str]
    max_sessions: int = DEFAULT_MAX_SESSIONS

    @classmethod
    def for_server(
        cls,
        token: str | None,
        host: str,
        port: int,
        *,
        loopback: bool,
        public_url: str | None = None,
        max_sessions: int = DEFAULT_MAX_SESSIONS,
    ) -> Guard:
        """The server's own origin (each name of this machine when it listens on
        ``loopback``) and the public URL's."""
        names = LOOPBACK_NAMES if loopback else (host,)
        origins = {origin_of(f"http://{bracketed(name)}:{port}") for name in names}
        if public_url:
            origins.add(origin_of(public_url))
        return cls(token, frozenset(origins), max_sessions)

    def token_ok(self, given: str | None) -> bool:
        if self.token is None:
            return True
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def origin_ok(self, origin: str | None) -> bool:
        """Browsers always send ``Origin`` on a websocket; a script without one needs the
        token all the same."""
        return origin is None or origin in self.origins


class GuardedServer(Server):
    """textual-serve's server, opened only to those who bring the token from its origins."""

    def __init__(self, command: str, guard: Guard, **options: Any) -> None:
        super().__init__(command, **options)
        self.guard = guard
        self.sessions = 0
        self.cookie = f"paperdeck-token-{self.port}"  # cookies ignore ports: one per server

    def page_url(self) -> str:
        """The address to open: the page, with the token."""
        page = f"{self.public_url.rstrip('/')}/"
        return page if self.guard.token is None else f"{page}?token={self.guard.token}"

    def websocket_url(self) -> str:
        """The websocket the page opens, the token in its path."""
        path = "/ws" if self.guard.token is None else f"/ws/{self.guard.token}"
        scheme, rest = f"{self.public_url.rstrip('/')}{path}".split(":", 1)
        return f"{'wss' if scheme == 'https' else 'ws'}:{rest}"

    def full(self) -> str:
        """What the page and a refused websocket say when the cap is reached."""
        return (
            f"paperdeck serve: {self.sessions} readers are open, as many as --max-sessions "
            "allows; close one and reload"
        )

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get("/ws/{token}", self.handle_websocket, name="session")
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Announce the address to open (textual-serve's own banner names the command)."""
        print(f"paperdeck serve: open {self.page_url()}", flush=True)
        print("Press Ctrl+C to stop.", flush=True)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        token = request.query.get("token") or request.cookies.get(self.cookie)
        if not self.guard.token_ok(token):
            return web.Response(
                status=403,
                text="paperdeck serve: this page needs the token of the address that "
                "paperdeck serve printed when it started (…/?token=…)\n",
                headers=SECURITY_HEADERS,
            )
        if self.sessions >= self.guard.max_sessions:
            return web.Response(status=503, text=f"{self.full()}\n", headers=SECURITY_HEADERS)
        static_path = request.app.router["static"].url_for(filename="/")
        static = f"{self.public_url}{static_path}".rstrip("/") + "/"
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": self.websocket_url(),
            "config": {"static": {"url": static}},
            "application": {"name": self.title},
        }
        page = own_fonts(aiohttp_jinja2.render_string(PAGE_TEMPLATE, request, context), static)
        response = web.Response(text=page, content_type="text/html", headers=SECURITY_HEADERS)
        if self.guard.token is not None:
            response.set_cookie(self.cookie, self.guard.token, httponly=True, samesite="Strict")
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not self.guard.token_ok(request.match_info.get("token")):
            raise web.HTTPForbidden(text="paperdeck serve: no reader without the token\n")
        if not self.guard.origin_ok(request.headers.get("Origin")):
            raise web.HTTPForbidden(text="paperdeck serve: no reader for another site's page\n")
        if self.sessions >= self.guard.max_sessions:
            refused = web.WebSocketResponse()
            await refused.prepare(request)
            await refused.close(code=WSCloseCode.TRY_AGAIN_LATER, message=self.full().encode())
            return refused
        self.sessions += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions -= 1
