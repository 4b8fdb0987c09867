from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import generic


class IndexView(generic.AppIndexView):
    titel = _("Programma")
    inleiding = _("Programmalijnen, acties uit Bijlage 1 en de indicatoren 'Meetbaar door' met metingen.")
    secties = ()
