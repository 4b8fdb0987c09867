"""A real SMTP server for the tests (aiosmtpd, in a thread, on a free loopback port): the application
and a Celery worker subprocess deliver to it over TCP, exactly as to the gemeente's mail server.

It can be down (port closed: connection refused), refuse with a temporary error (421) from some
message on (an outage in the middle of a run), or hold a message without answering (the sender waits, as on a slow server,
so a worker can be killed mid-run). A message counts as received only once the server answered 250.
"""

import email
import socket
import threading
import time
from email.policy import default

from aiosmtpd.controller import Controller


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postbus:
    def __init__(self):
        self.berichten: list[email.message.EmailMessage] = []
        self.weiger_na: int | None = None  # once this many are received, answer 421 (temporary); 0: all
        self.aannemen_tot: int | None = None  # accept this many, then hold the next without answering
        self.houdt_vast = threading.Event()  # set while a message is held
        self._los = threading.Event()
        self.vertraging = 0.0  # seconds before answering (a slow server)
        self.onbekend: set[str] = set()  # addresses refused for good (550)
        self._slot = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.onbekend:
            return "550 5.1.1 Onbekende ontvanger"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        import asyncio

        if self.vertraging:
            await asyncio.sleep(self.vertraging)
        if self.weiger_na is not None and len(self.berichten) >= self.weiger_na:
            return "421 4.3.2 Dienst tijdelijk niet beschikbaar"
        if self.aannemen_tot is not None and len(self.berichten) >= self.aannemen_tot:
            self.houdt_vast.set()
            while not self._los.is_set():
                await asyncio.sleep(0.05)
            return "451 4.3.0 Bericht niet aangenomen"
        with self._slot:
            self.berichten.append(email.message_from_bytes(envelope.original_content, policy=default))
        return "250 2.0.0 Aangenomen"

    def houd_vast_na(self, aantal: int):
        """Accept ``aantal`` messages in all, then hold the next one without answering."""
        self._los.clear()
        self.houdt_vast.clear()
        self.aannemen_tot = aantal

    def laat_los(self):
        """Answer the held message with a temporary error (not received) and accept again."""
        self.aannemen_tot = None
        self._los.set()

    def aan(self, ontvanger: str) -> list:
        return [b for b in self.berichten if b["To"] == ontvanger]

    def wacht_op(self, aantal: int, timeout: float = 60) -> None:
        eind = time.monotonic() + timeout
        while time.monotonic() < eind:
            if len(self.berichten) >= aantal:
                return
            time.sleep(0.1)
        raise AssertionError(f"{len(self.berichten)} van {aantal} e-mails ontvangen na {timeout}s")


class SmtpServer:
    """``start()``/``stop()`` open and close the port (a server that is down refuses connections)."""

    def __init__(self):
        self.poort = vrije_poort()
        self.postbus = Postbus()
        self._controller = None

    def start(self):
        self._controller = Controller(self.postbus, hostname="127.0.0.1", port=self.poort)
        self._controller.start()

    def stop(self):
        if self._controller is not None:
            self.postbus.laat_los()
            self._controller.stop()
            self._controller = None
