"""Pages measured by `make bench`; the first one is the bare baseline (see noordwijk_migratie/testdata/paginas.py)."""

from noordwijk_migratie.testdata.paginas import bench_paginas

PAGINAS = bench_paginas()
