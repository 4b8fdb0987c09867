"""Dutch display and input formats of the application (``FORMAT_MODULE_PATH``), used by Django's
``date``/``localize`` machinery, the forms, and :mod:`noordwijk_migratie.getallen`."""

DATE_FORMAT = "j F Y"  # 1 juli 2025 (reports, long form)
SHORT_DATE_FORMAT = "d-m-Y"  # 01-07-2025 (pages, tables, exports)
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATETIME_FORMAT = "d-m-Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1  # maandag
# What users may type or paste (HTML date inputs send ISO, which Django always accepts too)
DATE_INPUT_FORMATS = ["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%y"]
DATETIME_INPUT_FORMATS = ["%d-%m-%Y %H:%M", "%d-%m-%Y %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
