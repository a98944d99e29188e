"""`raci serve`: the app in a browser on this machine, for colleagues without a terminal.

textual-serve runs one `raci edit` per browser tab and streams it to the
page. Only this machine can reach it (127.0.0.1), and only with the token
printed at start: the first page load exchanges it for a cookie that the
app's connection must carry. Without `--write` every tab is read-only.
"""

from __future__ import annotations

import secrets
import shlex
import sys
from collections.abc import Awaitable, Callable

from aiohttp import web
from textual_serve.server import Server

from raci.i18n import _, current_language

HOST = "127.0.0.1"
TOKEN_COOKIE = "raci_token"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class TokenServer(Server):
    """textual-serve's server, behind a one-time token: made at start, printed,
    never stored."""

    def __init__(self, command: str, port: int, title: str) -> None:
        super().__init__(command, host=HOST, port=port, title=title)
        self.token = secrets.token_urlsafe(24)

    @property
    def address(self) -> str:
        return f"{self.public_url}/?token={self.token}"

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._check_token)
        return app

    @web.middleware
    async def _check_token(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith("/static/"):
            return await handler(request)  # textual-serve's own scripts and styles
        given = request.query.get("token") or request.cookies.get(TOKEN_COOKIE) or ""
        if not secrets.compare_digest(given, self.token):
            raise web.HTTPForbidden(text="raci serve: open the address it printed, with its "
                                         "token\n")
        response = await handler(request)
        if request.path == "/" and not response.prepared:
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="Strict")
        return response

    async def on_startup(self, app: web.Application) -> None:
        # Each a whole line, however narrow the terminal or file it goes to.
        for line in (_("Serving {title} on {url}; ctrl+c stops.").format(
                         title=self.title, url=self.public_url),
                     _("Open this address in a browser on this machine:"),
                     self.address):
            self.console.print(line, soft_wrap=True, highlight=False, markup=False)


def serve(model: str, *, port: int, write: bool, theme: str | None) -> None:
    """Serve the app on `model` (a database) until ctrl+c."""
    # each browser tab's app speaks the language `raci serve` was started in
    command = [sys.executable, "-m", "raci", "--lang", current_language(), "edit", model]
    if not write:
        command.append("--read-only")
    if theme is not None:
        command += ["--theme", theme]
    title = f"raci {model}" + ("" if write else " (" + _("read-only") + ")")
    TokenServer(shlex.join(command), port, title).serve()
