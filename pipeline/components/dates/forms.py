"""The absolute and period forms of the date stage: one small regex per written form, the
function that normalises its matches, and where in the text the form can match.

The table is explicit (form name → ``Form``) so a regex and its normaliser cannot drift apart.
Templates are filled from the word tables: ``{M}`` months, ``{FM}`` months of other languages, ``{W}`` weekdays, ``{O}`` ordinals,
``{Y}`` a year, ``{D}`` a day of the month, ``{DW}`` a day as an ordinal word, ``{H}`` holiday names,
``{N}`` number words, ``{CN}`` count nouns ("couple"), ``{U}`` unit words (and "fortnight"), ``{R}`` relative days
(today, tomorrow, ...), ``{S}`` seasons, ``{FD}`` the deictic words of a fiscal year ("this fiscal", "the previous
financial year"). Order matters: on candidates of equal length and start, the earlier form wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from pipeline.components.dates import (
    clock,
    days,
    everyday,
    fiscal,
    foreign,
    labels,
    months,
    parts,
    relative,
    seasons,
    weeks,
    years,
)
from pipeline.components.dates.form_kinds import (
    NEAR_GLUED,
    NEAR_HOLIDAY,
    NEAR_MONTH,
    NEAR_SEASON,
    NEAR_UNIT,
    NEAR_YEAR,
    NEVER,
    Form,
)
from pipeline.components.dates.numeric_forms import NUMERIC_FORMS
from pipeline.components.dates.words import DateWords
from pipeline.text.regex import alternation

YEAR = r"(?:1[89]\d\d|20\d\d)"
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
# A clock time after the date: "16:05", "at 9:30", "/ 3:36 PM", "— 07:54 am EDT" (datelines), "[10:14]".
_CLOCK = r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?!\d)(?:\s*(?P<ampm>[ap]\.?m\b\.?))?"
# ... and in brackets after the date: "Tue 14 Oct, 2014 [10:14]" (page timestamps)
_TIME = r"(?:(?:,?\s+(?:at\s+)?|\s*[/|—–-]\s*|\s*\[)" + _CLOCK + r"\]?)?"
_YEAR_END = r"(?![\w%]|[.,]\d|[/–\u2212-]\d|\s?%)"
_SHORT_YEAR = (
    r"(?:(?:[\s-]+|\s+of\s+)(?:CY\s?|calendar\s+)?(?P<year>{Y})|\s*CY\s?['’]?(?P<cyear>\d{{2}})"
    r"|\s*(?P<fy>FY)\s*['’]?(?P<fyear>\d{{4}}|\d{{2}})(?:[/-](?P<fyear2>\d{{4}}|\d{{2}}))?|['’]?(?P<syear>\d{{2}})"
    r"|\s+(?:of\s+)?(?P<ydeictic>this|next|last)\s+year(?![\w-]|['’]s))"
)
_OF_YEAR = (
    r"(?:\s+(?:of|in)\s+(?:(?P<fy>fiscal(?:\s+year)?|FY)\s*['’]?(?P<fyear>\d{{4}}|\d{{2}})(?:[/-](?P<fyear2>\d{{4}}|\d{{2}}))?"
    r"|(?:the\s+)?(?P<fdeictic>{FD})\s+(?:fiscal(?:\s+year)?|financial\s+year|FY)(?![\w-])|(?P<year>{Y})"
    r"|(?:(?:the\s+)?calendar\s+(?:year\s+)?)?(?P<cal>{Y})|(?P<deictic>this|next|last|the)\s+year)|,?\s+(?P<year2>{Y})"
    r"|\s+(?P<ydeictic>this|next|last)\s+year(?![\w-]|['’]s))?(?!\d)"
)


# A two-digit year after a day and month: "14 April '15", or bare where it ends the sentence or line ("the 14th
# April 15."); before a word the number counts something ("on 14 April 15 workers").
_TWO_DIGIT_YEAR = r"\s+['’](?P<short_year>\d\d)(?![\d\w])|[ \t]+(?P<short_year2>\d\d)(?=[ \t]*(?:$|[.;)\n]))"


# A count of units: digits, a number word, or a count noun with "of" ("a couple of weeks").
_COUNT = r"(?:(?:a\s+)?(?P<noun>{CN})\s+of|(?P<count>\d{{1,3}}|{N}))"


def _fy(year: str, second_year: str) -> str:
    """A fiscal label ("FY2026", "FY'25", "FY2026-27") with its years in the named groups."""
    return r"FY\s?['’]?(?P<" + year + r">\d{{4}}|\d{{2}})(?:[/–-](?P<" + second_year + r">\d{{4}}|\d{{2}}))?"


FORMS: Mapping[str, Form] = MappingProxyType({
    **NUMERIC_FORMS,  # first: on equal candidates the earlier form wins
    "ordinal_day": Form(
        r"(?<![\w])(?:(?P<weekday>{W})\.?,?\s+(?:the\s+)?|(?P<on>on|by|from|until|till|since|before|after|as\s+of)\s+the\s+)"
        r"(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|{DW})(?![\w-])",
        days.ordinal_day, re.compile(r"(?i)\d(?:st|nd|rd|th)\b|\b(?:first|second|third|[a-z]+th)\b")),
    "month_ordinal": Form(
        r"(?<![\w])(?P<month>{M})\.?\s+(?:the\s+)?(?P<day>{DW})(?![\w-])(?:,?\s+(?P<year>{Y})(?!\d))?",
        days.month_ordinal, NEAR_MONTH),
    "month_the_day": Form(
        r"(?<![\w])(?P<month>{M})\.?\s+the\s+(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))(?![\w-])"
        r"(?:,?\s+(?P<year>{Y})(?!\d))?",
        days.month_ordinal, NEAR_MONTH, digit=True),
    "ordinal_of_month": Form(
        r"(?<![\w])(?P<day>{DW})\s+of\s+(?P<month>{M})\b\.?(?:,?\s+(?P<year>{Y})(?!\d))?",
        days.month_ordinal, NEAR_MONTH),
    "deictic_month": Form(
        r"(?<![\w])(?:(?P<day>{D})\s+of\s+)?(?P<deictic>last|next|this(?:\s+past|\s+coming)?)\s+(?P<month>{M})\b"
        r"(?![\w-]|\.?\s*\d)",
        months.deictic_month, NEAR_MONTH, cues=('last', 'next', 'this')),
    "month_deictic_year": Form(
        r"(?<![\w.,])(?:(?P<day0>{D})\s+(?:of\s+)?)?(?P<month>{M})\b\.?(?:\s+(?P<day>{D})(?![\d\w]))?,?\s+(?:of\s+)?(?P<deictic>last|next|this)\s+year"
        r"(?![\w-]|['’]s)",
        months.month_deictic_year, NEAR_MONTH),
    "mdy": Form(
        r"(?<![\w])(?:(?P<weekday>{W})\.?,?\s+)?(?P<month>{M})\.?\s+(?P<day>{D})(?![\d\w])"
        r"(?:(?:,\s*|\s+)(?P<year>{Y})(?!\d)" + _TIME + r"|\s+['’](?P<short_year>\d\d)(?![\d\w]))?"
        r"(?:,\s*(?P<weekday2>{W})\.?(?=\s*$|\s*[,;)\n]))?",
        days.month_day, NEAR_MONTH, digit=True),
    "glued_dmy": Form(
        r"(?<![\w.,])(?P<day>{D})(?P<month>{M})\b\.?,?\s+(?P<year>{Y})(?!\d)" + _TIME,
        days.day_month, NEAR_GLUED, digit=True),
    "glued_mdy": Form(
        r"(?<![\w])(?:(?P<weekday>{W})\.?,?\s+)?(?P<month>{M})\.?(?P<day>{D})(?![\d\w])"
        r"(?:,\s*(?P<year>{Y})(?!\d)" + _TIME + r")?",
        days.glued_month_day, NEAR_MONTH, digit=True),
    "week_of_day": Form(
        r"(?<![\w])week\s+of\s+(?:(?P<weekday>{W})\.?,?\s+)?(?:(?P<month>{M})\.?\s+(?P<day>{D})"
        r"|(?P<day2>{D})\s+(?:of\s+)?(?P<month2>{M})\b\.?)(?![\d\w])(?:,?\s+(?P<year>{Y})(?!\d))?",
        weeks.week_of_day, re.compile(r"(?i)week\s+of\s"), cues=('week',), digit=True),
    "season": Form(
        # "winter 2024-25", "the 2024/25 winter": a season running from the first year into the next
        r"(?<![\w-])(?:(?P<deictic>last|next|this(?:\s+past|\s+coming)?|coming|past)\s+"
        r"|(?P<split0>{Y})[/–-](?P<split0_end>\d{{4}}|\d{{2}})\s+(?:(?:northern|southern)\s+)?)?(?P<season>{S})(?![\w-])"
        r"(?:,?\s+(?:of\s+)?(?P<year>{Y})(?:[/–-](?P<year_end>\d{{4}}|\d{{2}}))?(?![\d/–-]))?",
        seasons.season, NEAR_SEASON),
    "mdy_hyphen": Form(
        r"(?<![\w-])(?P<month>{M})-(?P<day>{D})-(?P<year>{Y})(?![\w-])" + _TIME,
        days.month_day, NEAR_MONTH, cues=('-',), digit=True),
    "dmy_hyphen": Form(
        # "31-Oct-2019", "31/Oct/1974", "31.Oct.74": one separator twice, a two-digit year too (filings, tables)
        r"(?<![\w./-])(?P<day>{D})(?P<sep>[-/.])(?P<month>{M})\.?(?P=sep)(?:(?P<year>{Y})|(?P<table_year>\d\d))"
        r"(?![\w/-]|\.\d)" + _TIME,
        days.day_month, NEAR_MONTH, cues=('-', '/', '.'), digit=True),
    "clock_mdy": Form(
        r"(?<![\w:])" + _CLOCK + r",?\s+(?:(?P<weekday>{W}),?\s+)?(?P<month>{M})\.?\s+(?P<day>{D})(?![\d\w])"
        r",?\s+(?P<year>{Y})(?!\d)",
        days.month_day, NEAR_MONTH, cues=(':',), digit=True),
    "foreign_dmy": Form(  # "16:38, 11 октября 2017", "3 de mayo de 2021": a month of another language (foreign.py)
        r"(?<![\w.,:])(?:" + _CLOCK + r",?\s+)?(?P<day>{D})\.?\s+(?:de\s+)?(?P<month>{FM})(?:\s+de)?\s+(?P<year>{Y})(?!\d)",
        foreign.foreign_day, NEAR_YEAR, digit=True),
    "foreign_mdy": Form(r"(?<![\w])(?=[^\W\d_]+\s+\d)(?P<month>{FM})\s+(?P<day>{D}),?\s+(?P<year>{Y})(?!\d)" + _TIME,
                        foreign.foreign_day, NEAR_YEAR, digit=True),  # the lookahead: a word, then a digit (~3x faster)
    "dmy": Form(
        r"(?<![\w.,])(?:(?P<weekday>{W})\.?,?\s+)?"  # "Tue, 18 Jun 2019": the weekday belongs to the date
        r"(?P<day>{D})(?P<comma>,)?\s+(?:of\s+)?(?P<month>{M})\b\.?(?:,?\s+(?P<year>{Y})(?!\d)" + _TIME
        + r"|" + _TWO_DIGIT_YEAR + r")?",
        days.day_month, NEAR_MONTH, digit=True),
    "day_range": Form(
        r"(?<![\w])(?P<month>{M})\.?\s+(?P<day>{D})\s*(?P<sep>-|–|to|through|thru|and)\s*(?:(?P=month)\.?\s+)?(?P<day2>{D})(?![\d\w])"
        r"(?:,?\s+(?P<year>{Y})(?!\d))?",
        days.day_range, NEAR_MONTH, digit=True),
    "cross_month_range": Form(
        r"(?<![\w])(?P<month>{M})\.?\s+(?P<day>{D})(?:,?\s+(?P<year>{Y})(?!\d))?\s*(?P<sep>-|–|to|through|thru|until|and)\s*"
        r"(?P<month2>{M})\.?\s+(?P<day2>{D})(?![\d\w])(?:,?\s+(?P<year2>{Y})(?!\d))?",
        days.cross_month_range, NEAR_MONTH, digit=True),
    "dmy_cross_range": Form(
        r"(?<![\w.,])(?P<day>{D})\s+(?:of\s+)?(?P<month>{M})\b\.?(?:,?\s+(?P<year>{Y})(?!\d))?"
        r"\s*(?P<sep>-|–|to|through|thru|until|and)\s*"
        r"(?P<day2>{D})\s+(?:of\s+)?(?P<month2>{M})\b\.?(?:,?\s+(?P<year2>{Y})(?!\d))?",
        days.day_first_range, NEAR_MONTH, digit=True),
    "dmy_range": Form(
        r"(?<![\w.,])(?P<day>{D})\s*(?P<sep>-|–|to|through|thru|and)\s*(?P<day2>{D})\s+(?:of\s+)?(?P<month>{M})\b\.?"
        r"(?:,?\s+(?P<year>{Y})(?!\d))?",
        days.day_month_range, NEAR_MONTH, digit=True),
    "week_of": Form(
        r"(?<![\w])(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+week\s+of\s+"
        r"(?P<month>{M})\b\.?(?:,?\s+(?P<year>{Y})(?!\d))?",
        weeks.week_of, NEAR_MONTH, cues=('week',)),
    "week_to": Form(
        r"(?<![\w])week\s+(?:to|ended|ending|through)\s+(?:(?P<weekday>{W})\b"
        r"|(?P<month>{M})\.?\s+(?P<day>{D})(?![\d\w])(?:,?\s+(?P<year>{Y})(?!\d))?"
        r"|(?P<day2>{D})\s+(?P<month2>{M})\b\.?(?:,?\s+(?P<year2>{Y})(?!\d))?)",
        weeks.week_to, re.compile(r"(?i)week (?:to|ended|ending|through) "), cues=('week',)),
    "holiday": Form(
        r"(?<![\w])(?:(?P<deictic>last|next|this(?:\s+past|\s+coming)?)\s+)?(?P<name>{H})(?![\w'’-])"
        r"(?:\s+(?:of|in)\s+(?:(?P<year>{Y})|(?P<ydeictic>this|next|last)\s+year)(?!\d)|,?\s+(?P<year2>{Y})(?![\d\w]))?",
        everyday.holiday, NEAR_HOLIDAY),
    "nth_of_month": Form(
        r"(?<![\w])(?P<ord>{DW}|[1-9](?:st|nd|rd|th)|[12]\d(?:st|nd|rd|th)|3[01](?:st|nd|rd|th)|last|final)\s+"
        r"(?P<what>{W}|day)\.?\s+(?:of|in)\s+(?P<month>{M})\b\.?(?:,?\s+(?P<year>{Y})(?!\d))?",
        everyday.nth_of_month, NEAR_MONTH),
    "after_next": Form(
        r"(?<![\w])(?P<name>{W}|{M})\.?\s+after\s+next(?![\w-])",
        everyday.after_next, re.compile(r"(?i)after\s+next"), cues=('next',)),
    "unit_after_next": Form(
        r"(?<![\w])(?P<unit>week|month|quarter|year)\s+(?P<side>after\s+next|before\s+last)"
        r"(?![\w-]|\s+(?:{U}|{W}|{M})\b)",  # not "the week before last year's vote": "last year" is the date
        everyday.unit_after_next, re.compile(r"(?i)after\s+next|before\s+last"), cues=('next', 'last')),
    "nth_of_period": Form(
        r"(?<![\w])(?P<ord>{DW}|[1-9](?:st|nd|rd|th)|[12]\d(?:st|nd|rd|th)|3[01](?:st|nd|rd|th)|last|final)\s+"
        r"(?P<what>{W}|day|week)\.?\s+(?:of|in)\s+(?P<deictic>this|next|last|the)\s+(?P<unit>month|year)(?![\w-]|['’]s)",
        everyday.nth_of_period, re.compile(r"(?i)\s(?:of|in)\s+(?:this|next|last|the)\s+(?:month|year)"),
        cues=('month', 'year')),
    "day_of_period": Form(
        r"(?<![\w])(?P<day>{D}|{DW})\s+of\s+(?:the\s+)?(?P<deictic>this|next|last|current|previous|coming)\s+month"
        r"(?![\w-]|['’]s)",
        everyday.day_of_period, re.compile(r"(?i)\sof\s+(?:the\s+)?(?:this|next|last|current|previous|coming)\s+month"),
        cues=('month',)),
    "day_after": Form(
        r"(?<![\w])day\s+(?P<side>after|before)\s+(?:(?P<rel>{R})|(?P<name>{H})(?:,?\s+(?P<year>{Y})(?!\d))?)(?![\w'’-])",
        everyday.day_after, re.compile(r"(?i)day\s+(?:after|before)\s"), cues=('after', 'before')),
    "weekday_of_week": Form(
        r"(?<![\w])(?:(?P<weekday>{W})\.?,?\s+(?:(?:of|from)\s+)?(?P<deictic>this|next|last)\s+week(?![\w-])"
        r"|(?P<deictic2>this|next|last)\s+week['’]s\s+(?P<weekday2>{W})\b\.?)",
        everyday.weekday_of_week, NEAR_UNIT, cues=('week',)),
    "in_units": Form(
        r"(?<=\bin )" + _COUNT + r"\s+(?P<unit>{U})(?:['’]s?\s+time)?(?![\w-])",
        everyday.in_units, NEAR_UNIT),
    "units_from": Form(
        r"(?<![\w])" + _COUNT + r"\s+(?P<unit>{U})\s+(?:from\s+(?:now|(?P<rel>{R}))|hence)(?![\w-])",
        everyday.units_from, NEAR_UNIT, cues=('from', 'hence')),
    "decade_part": Form(
        r"(?<![\w-])(?:(?P<word>early|mid|late)[- ](?P<unit>decade)\b(?!-)|(?P<mid>mid)[- ]?(?P<mid_unit>year|quarter|month|week)\b"
        r"(?![\w-]|\s+\d))",  # "mid-year", "midmonth": the middle of the reference's period; not "mid-year 2026"
        relative.decade_part, re.compile(r"(?i)decade|mid[- ]?(?:year|quarter|month|week)"), cues=('decade', 'mid')),
    "year_to_date": Form(
        r"(?<![\w-])(?:year[- ]to[- ]date|YTD)(?![\w-])",
        relative.year_to_date, re.compile(r"(?i)year.to.date|ytd"), cues=('year', 'ytd')),
    "month_range": Form(
        r"(?<![\w])(?P<month>{M})\b\.?(?:,?\s+(?P<year>{Y}))?\s*"
        r"(?P<sep>-to-|-|–|—|to|through|until|and)\s*(?P<month2>{M})\b\.?"
        r"(?:,?\s+(?P<year2>{Y})(?!\d)|,?\s+(?P<deictic>last|this|next)\s+year\b(?![\'’]s))?"  # "July to September last year"
        r"(?:[\s-]+(?:quarter|half)\b)?",  # "the April-June quarter": the months, "quarter" inside the span
        months.month_range, NEAR_MONTH),
    "month": Form(
        r"(?<![\w])(?P<month>{M})\b\.?(?:(?:,?\s+|-)(?P<year>{Y})(?![\d-]))?",
        months.month, NEAR_MONTH),
    "quarter_abbr": Form(
        r"(?<![\w$])(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)" + _SHORT_YEAR + r"?(?![\w%])",
        parts.quarter_abbr, re.compile(r"(?i)\b(?:q[1-4]|[1-4]q)"), cues=('q',)),
    "year_part_abbr": Form(
        r"(?<![\w.,/$€£¥#+-])(?P<year>{Y})[\s-]?(?:Q(?P<q>[1-4])|H(?P<h>[12]))(?![\w%])",
        parts.year_part_abbr, NEAR_YEAR, cues=('q', 'h'), digit=True),
    "quarter_words": Form(
        r"(?<![\w])(?:(?P<year0>{Y})\s+)?(?P<ord>{O})[\s-]+(?P<fiscal>fiscal\s+)?(?:quarter|qtr)\b" + _OF_YEAR,
        parts.quarter_words, re.compile(r"(?i)quarter|\bqtr\b"), cues=('quarter', 'qtr')),
    "quarter_month": Form(
        r"(?<![\w])(?P<month>{M})[\s-]+(?:(?P<year0>{Y})\s+)?(?P<part>quarter|half)\b(?:\s+(?:of\s+)?(?P<year>{Y})(?!\d)"
        r"|\s+of\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?['’]?)(?P<fyear>\d{{4}}|\d{{2}})(?:[/-](?P<fyear2>\d{{4}}|\d{{2}}))?(?![\w/-]))?",
        parts.quarter_month, NEAR_MONTH, cues=('quarter', 'half')),
    "half_abbr": Form(
        r"(?<![\w$])(?:H(?P<h>[12])|(?P<h2>[12])H)" + _SHORT_YEAR + r"(?![\w%])",
        parts.half_abbr, re.compile(r"(?i)\b(?:h[12]|[12]h)"), cues=('h1', 'h2', '1h', '2h')),
    "decade_half": Form(
        r"(?<![\w])(?P<ord>{HO})[\s-]+half\s+of\s+(?:(?:the\s+)?(?P<deictic>this|current|next|coming|last|previous)\s+decade"
        r"|the\s+decade|(?:the\s+)?(?P<year>(?:1[89]|20)\d0)['’]?s)\b(?!['’]s)",
        years.decade_half, re.compile(r"(?i)half\s+of"), cues=('decade', '0s')),
    "half_words": Form(
        # "the first half-yearly payment" is a frequency (twice a year), no half
        r"(?<![\w])(?:(?P<year0>{Y})\s+)?(?P<ord>{HO})[\s-]+half\b(?!-yearly)" + _OF_YEAR,
        parts.half_words, re.compile(r"(?i)half"), cues=('half',)),
    "fiscal_abbr": Form(
        r"(?<![\w$])" + _fy("year", "year2") + r"(?![\w%])",
        fiscal.fiscal_abbr, re.compile(r"FY")),
    "fiscal_range": Form(
        r"(?<![\w$])" + _fy("year", "year2") + r"\s*(?:to|through|until|-|–)\s*" + _fy("year3", "year4")
        + r"(?![\w%])",
        fiscal.fiscal_range, re.compile(r"FY")),
    "year_ending": Form(
        r"(?<![\w])(?:(?:(?P<fiscal_word>financial|fiscal)\s+)?(?P<half>half[\s-]?)?year|(?P<quarter>quarter)"
        r"|(?P<count>three|six|nine|twelve|3|6|9|12)\s+months)\s+(?:to|ended|ending|through)\s+"
        r"(?:end[- ])?(?:(?P<first_day>[0-3]?\d)\s+)?(?P<month>{M})\.?"
        r"(?:\s+(?P<day>[0-3]?\d))?,?\s+(?P<year>{Y})(?!\d)",
        fiscal.year_ending, NEAR_MONTH, cues=('year', 'quarter', 'months'), digit=True),
    "unit_part": Form(
        r"(?<![\w])(?:(?P<phrase>beginning|start|end|middle|close|rest|remainder|(?:early|earlier|later|latter)\s+part)"
        r"\s+of\s+(?P<the>the\s+)?"
        r"|(?P<to_phrase>start|finish|end)\s+to\s+the\s+)"  # "a strong start to the year", "a busy finish to the week"
        r"(?:calendar\s+(?=year\b))?(?P<unit>week|month|quarter|year|decade)\b",  # "the end of the calendar year"
        relative.unit_part, re.compile(r"(?i) (?:of|to) (?:the )?(?:calendar )?(?:week|month|quarter|year|decade)"),
        cues=(' of ', ' to ')),
    "within_period": Form(
        r"(?<=\bwithin the )(?P<unit>week|month|quarter|year)(?![\w-])",
        relative.within_period, re.compile(r"(?i)within the "), cues=('within the ',)),
    "course_of_period": Form(
        r"(?<=\bcourse of the )(?P<unit>week|month|quarter|year)(?![\w-])",
        relative.within_period, re.compile(r"(?i)course of the "), cues=('course of the ',)),
    "period_end": Form(
        r"(?<![\w-])(?P<unit>year|month|quarter)(?:['’]s\s+|[- ])(?P<phrase>end|start)(?![\w-])",
        relative.period_end, re.compile(r"(?i)(?:year|month|quarter)(?:['’]s\s+|[- ])(?:end|start)"), cues=('end', 'start')),
    "quarter_range": Form(
        r"(?<![\w$])Q(?P<q>[1-4])\s*(?P<sep>-|–|to|through|and)\s*Q(?P<q2>[1-4])(?:,?\s+(?P<year>{Y}))?(?![\w%])",
        parts.quarter_range, re.compile(r"Q[1-4]\s*(?:-|–|to|through|and)\s*Q")),
    "months_of": Form(
        r"(?<![\w])(?P<side>first|last|final)\s+"
        r"(?P<count>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}})\s+(?P<unit>months|quarters)\s+of\s+"
        r"(?:(?P<year>{Y})(?!\d)|(?P<deictic>this|last|next|the)\s+year(?![\w-]))",
        months.months_of, re.compile(r"(?i)(?:months|quarters) of"), cues=('months of', 'quarters of')),
    "first_months": Form(
        r"(?:" + "|".join(rf"(?<=\b{word} the )" for word in ("in", "for", "during", "over", "through", "across", "from"))
        + r")(?P<side>first)\s+"
        r"(?P<count>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}})\s+months(?![\w-])",
        months.first_months, re.compile(r"(?i)first\s+\w+\s+months"), cues=('first',)),
    "deictic_fiscal": Form(
        r"(?<![\w])(?P<deictic>{FD})\s+(?:fiscal(?:\s+year)?|financial\s+year|FY)(?![\w-])"
        r"(?!\s*['’]?\d)",
        fiscal.deictic_fiscal, re.compile(r"(?i)\bfiscal\b|\bfinancial\s+year\b|\bfy\b")),
    "fiscal_split_words": Form(
        r"(?<![\w])(?:(?:financial|fiscal)\s+(?:year\s+)?(?P<year>{Y})[/-](?P<year2>\d{{4}}|\d{{2}})"
        r"|(?P<year3>{Y})[/-](?P<year4>\d{{4}}|\d{{2}})\s+(?:financial|fiscal)(?:\s+year)?)(?![\w%-])",
        fiscal.fiscal_split_words, NEAR_YEAR),
    "year_fiscal_words": Form(
        r"(?<![\w.,/$€£¥#+-])(?P<year>{Y})\s+(?:fiscal|financial)\s+year\b",
        fiscal.year_fiscal_words, NEAR_YEAR, cues=('year',)),
    "fiscal_words": Form(
        r"(?<![\w])fiscal\s+(?:year\s+)?(?P<year>{Y})(?:[/-](?P<year2>\d{{4}}|\d{{2}}))?(?![\w%])",
        fiscal.fiscal_words, NEAR_YEAR, cues=('fiscal',)),
    # Report labels and clock times (``labels``, ``clock``): "2018 H1", a bare "H1", "9M 2021", "the second quarter
    # of the 2027 financial year", "12:30 p.m. EDT Friday".
    "year_half": Form(
        r"(?<![\w.,/$€£¥#+])(?P<year>{Y})\s+(?P<h>H)(?P<half>[12])(?![\w%]|-\w)",
        labels.year_half, NEAR_YEAR, cues=('h1', 'h2'), digit=True),
    "bare_half": Form(
        r"(?<![\w$-])(?P<h>H)(?P<half>[12])(?=\s*(?:[,.;:()]|$))",  # "in H1, ...": not "H2 production" (hydrogen)
        labels.bare_half, re.compile(r"\bH[12]\b"), cues=('h1', 'h2')),
    "months_label": Form(
        r"(?<![\w$.,])(?P<count>1[01]|[2-9])(?P<mm>M)\s*(?:(?P<year>{Y})|['’]?(?P<syear>\d\d))(?![\w%])",
        labels.months_label, re.compile(r"\b(?:1[01]|[2-9])M\s*['’]?\d\d"), digit=True),
    "part_of_fiscal_year": Form(
        r"(?<![\w])(?P<ord>{O})[\s-]+(?P<part>quarter|half)\s+of\s+(?:the\s+)?(?P<year>{Y})\s+(?:financial|fiscal)"
        r"\s+year\b",
        labels.part_of_fiscal_year, re.compile(r"(?i)(?:financial|fiscal)\s+year"), cues=('year',), digit=True),
    "clock_weekday": Form(
        r"(?<![\w:.])" + _CLOCK + r"(?:\s+\(?(?:[ECMP][SD]T|GMT|UTC|BST|CES?T|AE[SD]T|AWST|HKT|SGT|JST|KST)\)?)?"
        r",?\s+(?:on\s+)?(?P<weekday>{W})\b\.?",
        clock.clock_weekday, re.compile(r"\d:\d\d"), cues=(':',), digit=True),
    "clock_alone": Form(  # "at 5:50 p.m.": am/pm makes it a time; no day beside it, the reference day's
        r"(?<![\w:.])(?P<hour>1[0-2]|0?[1-9]):(?P<minute>[0-5]\d)\s*(?P<ampm>[ap]\.m\.|[ap]m\b)",
        clock.clock_alone, re.compile(r"\d:\d\d"), cues=(':',), digit=True),
    "year_range": Form(
        r"(?<![\w.,/$€£¥#+])(?<!\d-)(?P<year>{Y})\s*"
        r"(?P<sep>-|–|—|\u2212|/|to|through|until|and)\s*(?P<year2>{Y}|\d{{2}})" + _YEAR_END,
        years.year_range, NEAR_YEAR),
    "decade": Form(
        r"(?<![\w])(?P<year>(?:1[89]|20)\d0)['’]?s\b",
        years.decade, NEAR_YEAR),
    "calendar_year": Form(
        r"(?<![\w])CY\s?['’]?(?P<year>{Y}|\d{{2}})(?![\w%/–-]|[.,]\d)",
        years.calendar_year, re.compile(r"CY"), digit=True),
    "short_decade": Form(
        r"(?<![\w'’])['’](?P<decade>\d0)s\b",
        years.short_decade, re.compile(r"['’]\d0s\b"), digit=True),
    "year": Form(
        r"(?<![\w.,/$€£¥#+])(?<!\d-)(?<!\d–)(?<!\d\u2212)(?P<year>{Y})" + _YEAR_END,
        years.year, NEAR_YEAR),
})


def compile_forms(words: DateWords) -> dict[str, re.Pattern[str]]:
    """Every form's regex, filled from the word tables (case-insensitive; normalisers check case)."""
    fill = {
        "Y": YEAR,
        "D": _D,
        "M": "(?:" + alternation(words.months) + ")",
        "FM": foreign.month_pattern(words.foreign_months),
        "W": "(?:" + alternation(words.weekdays) + ")",
        "O": "(?:" + alternation(words.lexicon.ordinals) + ")",
        "HO": "(?:" + alternation(words.lexicon.half_ordinals) + ")",
        "DW": "(?:" + alternation(words.lexicon.day_ordinals) + ")",
        "H": "(?:" + (words.holidays.alternation() if words.holidays else NEVER) + ")",
        "N": "(?:" + alternation(words.lexicon.numbers) + ")",
        "U": "(?:" + alternation(words.unit_words()) + ")",
        "CN": "(?:" + (alternation(words.lexicon.count_nouns) if words.lexicon.count_nouns else NEVER) + ")",
        "R": "(?:" + alternation(words.lexicon.relative_days) + ")",
        "S": "(?:" + (alternation(words.lexicon.seasons) if words.lexicon.seasons else NEVER) + ")",
        "FD": "(?:" + (alternation(words.lexicon.fiscal_deictics) if words.lexicon.fiscal_deictics else NEVER) + ")",
    }
    return {name: re.compile(form.template.format(**fill), re.IGNORECASE) for name, form in FORMS.items()}
