"""docs/openapi.yaml is the schema of the code: regenerated here (with the test settings: PostgreSQL, as in
production, which sets the integer ranges) and compared. ``OPENAPI_SCHRIJVEN=1`` writes it instead."""

import os
from pathlib import Path

from django.core.management import call_command

BESTAND = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"
COMMANDO = 'OPENAPI_SCHRIJVEN=1 make test ARGS="api/tests/test_openapi.py"'


def test_vastgelegd_schema_is_dat_van_de_code(tmp_path):
    nieuw = tmp_path / "openapi.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(nieuw))
    if os.environ.get("OPENAPI_SCHRIJVEN"):
        BESTAND.write_text(nieuw.read_text())
    assert BESTAND.exists(), f"docs/openapi.yaml ontbreekt; maak het met:\n  {COMMANDO}"
    assert nieuw.read_text() == BESTAND.read_text(), (
        f"docs/openapi.yaml wijkt af van de code; maak het opnieuw met:\n  {COMMANDO}"
    )
