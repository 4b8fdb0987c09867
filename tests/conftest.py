"""Fixtures for the fault and load tests: a real gunicorn against the test database."""

import pytest

from .server import server


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """collectstatic runs once per test session (production settings use the manifest storage)."""
    return tmp_path_factory.mktemp("static")


@pytest.fixture
def app_server(transactional_db, tmp_path, static_root, settings):
    """gunicorn with 2 workers and production settings on a free loopback port."""
    settings.MEDIA_ROOT = tmp_path / "media"
    with server(tmp_path, static_root) as s:
        yield s
