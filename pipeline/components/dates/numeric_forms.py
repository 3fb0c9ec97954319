"""The numeric forms of the date stage ("2026-03-15", "14/03/2024", "3/21", "11/2024", and the spaced page stamps
"12.11. 2025", "2023. 7. 7. 09:54"): their regex templates and normalisers (``forms.FORMS`` takes them first).

Templates are filled like every form's (``forms.compile_forms``): ``{Y}`` a year, ``{W}`` weekdays.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from pipeline.components.dates import days, numeric
from pipeline.components.dates.form_kinds import NEAR_YEAR, Form

# A clock time after a page stamp, its seconds dropped: " 09:54", " - 17:42:09".
_STAMP_CLOCK = r"(?:(?:[ \t]+[-–—|][ \t]+|[ \t]+)(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::[0-5]\d)?(?!\d))?"

NUMERIC_FORMS: Mapping[str, Form] = MappingProxyType({
    # A letter may stand glued before it: scraping joins a site's name to its timestamp ("Example.com2026/04/15").
    "iso_day": Form(
        r"(?<![\d_.])(?P<year>{Y})(?P<sep>[-/.])(?P<month>0?[1-9]|1[0-2])(?P=sep)(?P<day>0?[1-9]|[12]\d|3[01])"
        r"(?:[T ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?:\s*(?P<ampm>[AaPp]\.?[Mm]\b\.?))?)?(?![\d])",
        days.iso_day, NEAR_YEAR),
    "numeric_day": Form(
        r"(?<![\w./-])(?P<first>0?[1-9]|[12]\d|3[01])(?P<sep>[/.-])(?P<second>0?[1-9]|[12]\d|3[01])(?P=sep)"
        r"(?P<year>{Y}|\d{{2}})(?![\w/-]|[.,]\d)(?:(?:\s+[-–—|]\s+|\s+)(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::[0-5]\d)?(?!\d)"
        r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\b\.?))?)?",
        numeric.numeric_day, re.compile(r"\d[/.-]\d{1,2}[/.-]\d\d")),
    "numeric_month_day": Form(
        r"(?<![\w./-])(?:(?P<weekday>{W})\.?,?\s+)?(?P<first>0?[1-9]|[12]\d|3[01])(?P<sep>[/-])"
        r"(?P<second>0?[1-9]|[12]\d|3[01])(?![\w/%-]|[.,]\d|\s*%)",
        numeric.numeric_month_day, re.compile(r"\d[/-]\d"), cues=('/', '-')),
    "numeric_month_year": Form(
        r"(?<![\w./-])(?P<month>0?[1-9]|1[0-2])/(?P<year>{Y})(?![\w/%-]|[.,]\d|\s*%)",
        numeric.numeric_month_year, re.compile(r"\d/(?:1[89]|20)\d\d"), cues=('/',), digit=True),
    # A page's stamp with a space after its dots, first on its line: "12.11. 2025 / A. Writer" (day, month, year: the
    # dotted European order) and "2023. 7. 7. 09:54" (year, month, day, each closed by a dot: the Korean order).
    "spaced_dmy": Form(
        r"(?<![\w./-])(?P<first>0?[1-9]|[12]\d|3[01])\.(?P<second>0?[1-9]|[12]\d|3[01])\.[ \t](?P<year>{Y})"
        r"(?![\w/-]|[.,]\d)" + _STAMP_CLOCK,
        numeric.spaced_stamp, NEAR_YEAR, digit=True),
    "spaced_ymd": Form(
        r"(?<![\w./-])(?P<year>{Y})\.[ \t](?P<first>0?[1-9]|1[0-2])\.[ \t](?P<second>0?[1-9]|[12]\d|3[01])\.(?![\w/-]|[.,]?\d)"
        + _STAMP_CLOCK,
        numeric.spaced_stamp, NEAR_YEAR, digit=True),
})
