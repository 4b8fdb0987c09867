"""Pages of at most 1000 rows (``?pagina=2&per_pagina=500``); the JSON carries ``count``, ``next`` and
``previous``, and every response — the CSV too — a ``Link`` header with the next page (RFC 8288)."""

from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class Paginering(PageNumberPagination):
    page_size = 100
    page_query_param = "pagina"
    page_size_query_param = "per_pagina"
    max_page_size = 1000
    page_query_description = _("Het nummer van de pagina (vanaf 1).")
    page_size_query_description = _("Aantal rijen per pagina (standaard 100, hoogstens 1000).")
    invalid_page_message = _("Deze pagina bestaat niet.")

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        links = [
            f'<{url}>; rel="{rel}"'
            for rel, url in (("next", self.get_next_link()), ("prev", self.get_previous_link()))
            if url
        ]
        if links:
            response["Link"] = ", ".join(links)
        response["X-Total-Count"] = str(self.page.paginator.count)
        return response
