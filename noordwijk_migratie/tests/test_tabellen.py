"""The list tables (BaseTable, generic/tabel.html): a cell's attributes are decided once per column, and the
cells read exactly as django-tables2's own table template writes them."""

import re

import django_tables2 as tables
import pytest
from django.template.loader import get_template
from django.test import RequestFactory

from taakstelling.models import Plaatsing
from taakstelling.tables import PlaatsingTable
from taakstelling.tests.factories import PlaatsingFactory


class GeteldeTabel(PlaatsingTable):
    """PlaatsingTable counting how often django-tables2 asks for its cells' class names."""

    gevraagd = 0

    class Meta(PlaatsingTable.Meta):
        pass

    def get_column_class_names(self, classes_set, bound_column):
        GeteldeTabel.gevraagd += 1
        return super().get_column_class_names(classes_set, bound_column)


class PerRijTabel(PlaatsingTable):
    """A column whose cell attributes depend on the record (a callable, as django-tables2 allows)."""

    volgnummer = tables.Column(attrs={"td": {"data-volgnummer": lambda record: record.volgnummer}})

    class Meta(PlaatsingTable.Meta):
        pass


def tbody(tabel, template) -> str:
    html = get_template(template).render({"table": tabel, "request": RequestFactory().get("/")})
    deel = re.search(r"<tbody.*?</tbody>", html, re.S).group(0)
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", deel))


def tabel(klasse, rijen):
    t = klasse(Plaatsing.objects.order_by("pk")[:rijen], perioden=[])
    t.paginate(per_page=rijen)
    return t


@pytest.mark.django_db
def test_celattributen_eens_per_kolom_en_gelijk_aan_die_van_django_tables2():
    PlaatsingFactory.create_batch(30)
    gevraagd = {}
    for rijen in (3, 30):
        GeteldeTabel.gevraagd = 0
        eigen = tbody(tabel(GeteldeTabel, rijen), "generic/tabel.html")
        gevraagd[rijen] = GeteldeTabel.gevraagd
        assert eigen == tbody(tabel(PlaatsingTable, rijen), "django_tables2/table.html")
        assert eigen.count("<tr") == rijen and 'class="nw-kort"' in eigen and 'class="nw-num"' in eigen
    assert gevraagd[3] == gevraagd[30], f"klassen per cel gevraagd (3 en 30 rijen): {gevraagd}"

    per_rij = tbody(tabel(PerRijTabel, 30), "generic/tabel.html")
    assert per_rij == tbody(tabel(PerRijTabel, 30), "django_tables2/table.html")
    assert len(set(re.findall(r'data-volgnummer="(\d+)"', per_rij))) > 1
