"""English dates as the portal has always shown them ("2 December 2026"), rather than
Django's American defaults; other languages use Django's formats for their locale.
Templates name these formats (`date:"DATE_FORMAT"`), never a pattern of their own."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
YEAR_MONTH_FORMAT = "F Y"
