"""Query budgets: the one helper every test that counts SQL queries uses (after NetBox's
``utilities/testing/query_counts``). A page must cost the same number of queries on little and on
much data (no query per row: the N+1 that makes lists slow as they grow), and at most a budget.

    from tests.queries import assert_vast_aantal_queries, queries_van

    assert_vast_aantal_queries(client, reverse("opvang:bezetting_list"), BezettingFactory.create_batch, budget=15)
    assert queries_van(client, reverse("dashboard")).aantal <= 6
"""

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from auditlog.context import disable_auditlog
from django.db import connection
from django.test.utils import CaptureQueriesContext

from noordwijk_migratie.cache import een_versiesprong
from noordwijk_migratie.generic import MAX_PER_PAGINA

PER_PAGINA = {"per_page": MAX_PER_PAGINA}  # the largest page a list shows
KLEIN = 10  # part of one page
GROOT = MAX_PER_PAGINA + 50  # a full page and a second one: a query per row or per page shows


@dataclass
class Telling:
    queries: list[dict]
    response: object = None

    @property
    def aantal(self) -> int:
        return len(self.queries)

    def sql(self, maximaal: int = 40) -> str:
        """The queries, numbered and shortened, for a failure message."""
        regels = [f"  {i}. {q['sql'][:240]}" for i, q in enumerate(self.queries[:maximaal], start=1)]
        return "\n".join(regels)


@contextmanager
def geteld():
    """The queries run inside the block, as a :class:`Telling` (filled when the block ends)."""
    telling = Telling([])
    with CaptureQueriesContext(connection) as ctx:
        yield telling
    telling.queries = ctx.captured_queries


def queries_van(client, pad: str, params: dict | None = None, *, status: int = 200) -> Telling:
    """The queries of one GET of ``pad`` (which must answer ``status``), with its response."""
    with geteld() as telling:
        telling.response = client.get(pad, params or {})
    assert telling.response.status_code == status, f"{pad}: {telling.response.status_code}, verwacht {status}"
    return telling


def assert_vast_aantal_queries(
    client,
    pad: str,
    maak: Callable[[int], object],
    *,
    klein: int = KLEIN,
    groot: int = GROOT,
    params: dict | None = None,
    budget: int | None = None,
) -> Telling:
    """``maak(n)`` adds n rows; ``pad`` costs as many queries after ``klein`` rows as after ``groot``
    (and at most ``budget``). Returns the count on the larger data, with its response.

    The rows are made without audit entries and with one data-version raise (as an import makes
    them): the page is what is measured, and making hundreds of rows one audited save at a time
    would cost the suite minutes."""
    params = PER_PAGINA if params is None else params
    client.get(pad, params)  # what a session pays once (its rights into the cache, the session's idle end)
    _maak(maak, klein)  # both counts are the first request after a change of data
    weinig = queries_van(client, pad, params)
    _maak(maak, groot - klein)
    veel = queries_van(client, pad, params)
    assert veel.aantal == weinig.aantal, (
        f"{pad}: {weinig.aantal} queries bij {klein} rijen, {veel.aantal} bij {groot}:\n{veel.sql()}"
    )
    if budget is not None:
        assert veel.aantal <= budget, f"{pad}: {veel.aantal} queries, budget {budget}:\n{veel.sql()}"
    return veel


def _maak(maak, aantal):
    with disable_auditlog(), een_versiesprong():
        maak(aantal)
