from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import generic


class IndexView(generic.AppIndexView):
    titel = _("Statushouders")
    inleiding = _("Taakstelling huisvesting statushouders: perioden, plaatsingen, realisatie, COA-afstemming, interventieladder, regio en inburgering.")
    secties = ()
