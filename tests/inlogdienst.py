"""The gemeente's identity provider in the tests: a real OpenID Connect provider process
(tests/oidc_provider.mjs, node-oidc-provider from package.json) on a free loopback port, and logging in
through its own login page in Chromium."""

import json
import os
import secrets
import shutil
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from .server import HOST, vrije_poort

BASIS = Path(__file__).resolve().parent.parent
CLIENT_ID = "migratie-noordwijk"


def installeer_provider() -> None:
    """node-oidc-provider is a devDependency: `npm ci` when it is missing (CI starts from a clean checkout)."""
    if not (BASIS / "node_modules" / "oidc-provider" / "package.json").exists():
        npm = shutil.which("npm")
        assert npm, "npm ontbreekt: installeer Node.js met npm (de OIDC-tests starten een echte provider)."
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=BASIS, check=True, timeout=600)


@dataclass
class Inlogdienst:
    issuer: str
    client_secret: str
    accounts: Path

    def zet_account(self, sub: str, **claims) -> None:
        """The claims the provider gives ``sub`` from its next login on."""
        alle = json.loads(self.accounts.read_text())
        alle[sub] = claims
        self.accounts.write_text(json.dumps(alle))


@contextmanager
def inlogdienst(map_: Path, app_url: str):
    installeer_provider()
    poort = vrije_poort()
    accounts = map_ / "accounts.json"
    accounts.write_text("{}")
    geheim = secrets.token_urlsafe(32)
    omgeving = {
        "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
        "POORT": str(poort),
        "CLIENT_ID": CLIENT_ID,
        "CLIENT_SECRET": geheim,
        "REDIRECT_URI": f"{app_url}/inloggen/gemeente/terug/",
        "POST_LOGOUT_REDIRECT_URI": f"{app_url}/inloggen/",
        "ACCOUNTS": str(accounts),
    }
    log = (map_ / "provider.log").open("w")
    proces = subprocess.Popen(
        [shutil.which("node") or "node", str(BASIS / "tests" / "oidc_provider.mjs")],
        cwd=BASIS,
        env=omgeving,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    issuer = f"http://{HOST}:{poort}"
    try:
        for _ in range(100):
            assert proces.poll() is None, (map_ / "provider.log").read_text()
            try:
                if requests.get(f"{issuer}/.well-known/openid-configuration", timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        else:
            raise AssertionError("De OIDC-provider startte niet: " + (map_ / "provider.log").read_text())
        yield Inlogdienst(issuer, geheim, accounts)
    finally:
        proces.terminate()
        proces.wait(timeout=10)
        log.close()


def inloggen_bij_provider(page, sub: str) -> None:
    """On the provider's own pages: sign in as ``sub`` and, the first time, give consent."""
    page.locator("input[name=login]").fill(sub)
    page.locator("input[name=password]").fill("wat-dan-ook")
    page.get_by_role("button", name="Sign-in").click()
    page.wait_for_load_state()
    doorgaan = page.get_by_role("button", name="Continue")
    if doorgaan.count():
        doorgaan.click()
