import pytest

from tests.conftest import app_server, static_root  # noqa: F401  (the real gunicorn, for the concurrency tests)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes its PDFs to its own MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
