from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import generic


class IndexView(generic.AppIndexView):
    titel = _("Opvang")
    inleiding = _("Opvanglocaties, capaciteit en bezetting voor Oekraïense ontheemden, asielzoekers (Spreidingswet) en statushouders, tegen hun opgaven.")
    secties = ()
