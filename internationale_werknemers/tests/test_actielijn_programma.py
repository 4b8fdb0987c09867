"""Programme actions of line 3 are linked to an actielijn of the beleidsplan and shown on it."""

import pytest
from django.core.exceptions import ValidationError

from internationale_werknemers.models import Actielijn
from programma.models import Actie

pytestmark = pytest.mark.django_db


def test_actie_van_lijn_3_verschijnt_op_de_actielijn(adviseur_client, basisgegevens):
    actielijn = Actielijn.objects.get(nummer=2)
    actie = Actie.objects.filter(programmalijn__nummer=3).first()
    actie.actielijn = actielijn
    actie.full_clean()
    actie.save()
    html = adviseur_client.get(actielijn.get_absolute_url()).content.decode()
    assert actie.get_absolute_url() in html


def test_actie_van_andere_lijn_kan_niet_aan_actielijn(basisgegevens):
    actie = Actie.objects.filter(programmalijn__nummer=1).first()
    actie.actielijn = Actielijn.objects.get(nummer=1)
    with pytest.raises(ValidationError) as fout:
        actie.full_clean()
    assert "programmalijn 3" in str(fout.value)
