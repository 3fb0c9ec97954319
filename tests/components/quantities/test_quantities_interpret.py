"""The quantity grammar end to end: a table of real-world-style sentences (type, value, unit,
qualifier, per, range ends) and sentences whose numbers are no quantities.

``benchmarks/quantities.py`` reads ``CASES`` and ``NEGATIVES`` from this file as fallback gold.
"""

from __future__ import annotations

import pytest
from support import make_block_doc

from pipeline.schema.labels import QUANTITY_GROUP

LB = 0.00045359237
# (sentence, span text, quantity_type, value, unit, extra fields expected)
CASES: list[tuple[str, str, str, float | None, str | None, dict]] = [
    # --- issue 13: every ISO 4217 currency, glued codes and symbols, spaced thousands, scales, ranges
    ("The hotel charges MYR450 a night.", "MYR450", "money", 450, "MYR", {"currency": "MYR"}),
    ("The tender was priced at RM12 million.", "RM12 million", "money", 12000000, "MYR", {"currency": "MYR"}),
    ("Fuel cost USD3.20 per litre at the port.", "USD3.20", "money", 3.2, "USD", {"currency": "USD"}),
    ("A taxi fare of 18€ surprised visitors.", "18€", "money", 18, "EUR", {"currency": "EUR"}),
    ("The permit fee is 950 ₽ this year.", "950 ₽", "money", 950, "RUB", {"currency": "RUB"}),
    ("The utility owes 3 billion kenyan shillings.", "3 billion kenyan shillings", "money", 3000000000, "KES",
     {"currency": "KES"}),
    ("Royalties reached 40 million pesos mexicanos.", "40 million", "count", 40000000, None, {}),
    ("The ministry budgeted 7 billion rupiah for roads.", "7 billion rupiah", "money", 7000000000, "IDR",
     {"currency": "IDR"}),
    ("The new line adds 250 000 t/y of capacity.", "250 000 t/y", "mass", 250000, "t", {"per": "year"}),
    ("Stockpiles hold 7\u2009800 t of ore.", "7\u2009800 t", "mass", 7800, "t", {}),
    ("Analysts value the sector at $4.1T.", "$4.1T", "money", 4.1e12, "USD", {"currency": "USD"}),
    ("The buyer agreed a $2.4-billion deal.", "$2.4-billion", "money", 2400000000, "USD", {"currency": "USD"}),
    ("A 12 billion-pound bid for the miner failed.", "12 billion-pound", "money", 12000000000, "GBP",
     {"currency": "GBP"}),
    ("They paid 15 million pounds for the stake.", "15 million pounds", "money", 15000000, "GBP", {"currency": "GBP"}),
    ("Fees ranging from 40 to 60 dollars apply.", "40 to 60 dollars", "money", None, "USD",
     {"currency": "USD", "low": 40, "high": 60}),
    ("The mine sold 2,300 tU last year.", "2,300 tU", "mass", 2300, "t", {}),
    ("The port lies 120 miles south of the pit.", "120 miles", "other", 193121.28, "m", {}),
    ("Each dose holds 20 mg of the salt.", "20 mg", "mass", 2e-08, "t", {}),
    # a later plain amount in a price's sentence is a price too; a bracketed conversion as well
    ("Zinc touched $3,100 a tonne before slipping to $3,050.", "$3,050", "price", 3050, "USD/t", {"currency": "USD"}),
    ("Tin settled at 250,000 yuan a tonne, then 248,000 yuan (about $34,500).", "$34,500", "price", 34500, "USD/t",
     {"currency": "USD", "qualifier": "approx"}),
    ("Cobalt sold at $30 per kg, up from $25.", "$25", "price", 25000, "USD/t", {"currency": "USD"}),
    # --- mass: units, scale words, conversions
    ("Customs data showed imports of 3,860 mt of ore.", "3,860 mt", "mass", 3860, "t", {"unit_text": "mt"}),
    ("Reserves stand at about 3.5 million mt.", "3.5 million mt", "mass", 3500000, "t", {"qualifier": "approx"}),
    ("The deposit hosts 74.5 Mt at 1.21% Li2O.", "74.5 Mt", "mass", 74500000, "t", {"unit_text": "Mt"}),
    ("The plant shipped 500 MT in March.", "500 MT", "mass", 500, "t", {}),
    ("Output reached 51.6 kt in the quarter.", "51.6 kt", "mass", 51600, "t", {}),
    ("It shipped 48,200 dmt of spodumene concentrate.", "48,200 dmt", "mass", 48200, "t", {}),
    ("The cargo held 60,000 wmt of nickel ore.", "60,000 wmt", "mass", 60000, "t", {}),
    ("The smelter produced 32,500 t of nickel pig iron.", "32,500 t", "mass", 32500, "t", {}),
    ("The mine produced 12,000 tonnes of copper.", "12,000 tonnes", "mass", 12000, "t", {}),
    ("The mine produced 12,000 tons of copper.", "12,000 tons", "mass", 12000, "t", {}),
    ("Exports were 8,000 metric tons last year.", "8,000 metric tons", "mass", 8000, "t", {}),
    ("The lab received 250 kg of samples.", "250 kg", "mass", 0.25, "t", {}),
    ("Inventories fell to 1.2 million pounds of U3O8.", "1.2 million pounds", "mass", 544.310844, "t", {}),
    ("The vault holds 20,000 lb of cobalt.", "20,000 lb", "mass", 9.0718474, "t", {}),
    ("The mine poured 150,000 oz of gold.", "150,000 oz", "mass", 4.66552152, "t", {}),
    ("Stocks rose by 2.5 Mt last year.", "2.5 Mt", "mass", 2500000, "t", {}),
    ("It holds 2 million tonnes of graphite.", "2 million tonnes", "mass", 2000000, "t", {}),
    ("It holds 2m tonnes of graphite.", "2m tonnes", "mass", 2000000, "t", {}),
    ("It holds 2mn tonnes of graphite.", "2mn tonnes", "mass", 2000000, "t", {}),
    ("Output of 1.5 billion tonnes of coal.", "1.5 billion tonnes", "mass", 1500000000, "t", {}),
    ("The 10,000-tonne plant opens next year.", "10,000-tonne", "mass", 10000, "t", {}),
    ("A 5 kilotonnes shipment arrived.", "5 kilotonnes", "mass", 5000, "t", {}),
    ("Two million tonnes of ore were mined.", "Two million tonnes", "mass", 2000000, "t", {}),
    ("They moved five tonnes of samples.", "five tonnes", "mass", 5, "t", {}),
    ("It sold 700 kilograms of scandium oxide.", "700 kilograms", "mass", 0.7, "t", {}),
    ("The resource contains 1.1 Moz of gold.", "1.1 Moz", "mass", 34.21382448, "t", {}),
    # --- rates and per
    ("The plant has 320,000 tpa design capacity.", "320,000 tpa", "mass", 320000, "t", {"per": "year"}),
    ("The expansion will lift capacity to 400 ktpa.", "400 ktpa", "mass", 400000, "t", {"per": "year"}),
    ("The mill runs at 2,000 t/y.", "2,000 t/y", "mass", 2000, "t", {"per": "year"}),
    ("The mill runs at 2,000 t/a.", "2,000 t/a", "mass", 2000, "t", {"per": "year"}),
    ("It will produce 52,000 tonnes per year.", "52,000 tonnes", "mass", 52000, "t", {"per": "year"}),
    ("It will produce 6,000 tonnes per annum.", "6,000 tonnes", "mass", 6000, "t", {"per": "year"}),
    ("It will produce 96,600 t a year.", "96,600 t", "mass", 96600, "t", {"per": "year"}),
    ("A refinery with an annual capacity of 400 mt.", "400 mt", "mass", 400, "t", {"per": "year"}),
    ("A refinery with annual output of about 100 mt.", "100 mt", "mass", 100, "t",
     {"per": "year", "qualifier": "approx"}),
    ("Volumes stay below 4,000 mt a month.", "4,000 mt", "mass", 4000, "t",
     {"per": "month", "qualifier": "lt"}),
    ("The kiln handles 900 tpd of ore.", "900 tpd", "mass", 900, "t", {"per": "day"}),
    ("The mine yields 300 tonnes per day.", "300 tonnes", "mass", 300, "t", {"per": "day"}),
    ("The plant will make 5,000 t annually.", "5,000 t", "mass", 5000, "t", {"per": "year"}),
    ("The project targets 10 Mtpa of iron ore.", "10 Mtpa", "mass", 10000000, "t", {"per": "year"}),
    ("The refinery makes 25,000 tonnes/year of lithium hydroxide.", "25,000 tonnes/year", "mass", 25000, "t",
     {"per": "year"}),
    # --- forms common in mining/price news (issue 4 generalisation)
    ("The deposit hosts 5Mt of ore.", "5Mt", "mass", 5000000, "t", {"unit_text": "Mt"}),
    ("The plant has 2.5 Mtpa capacity.", "2.5 Mtpa", "mass", 2500000, "t", {"per": "year"}),
    ("A 10ktpa hydroxide plant is planned.", "10ktpa", "mass", 10000, "t", {"per": "year"}),
    ("It has an annual capacity of 20,000 t.", "20,000 t", "mass", 20000, "t", {"per": "year"}),
    ("It could process up to 4,000 mt of mixed rare earth feed a year.", "4,000 mt", "mass", 4000, "t",
     {"per": "year", "qualifier": "le"}),
    ("The mine will yield 119 mt of dysprosium and 17.8 mt of terbium per year.", "119 mt", "mass", 119, "t",
     {"per": "year"}),
    ("It set yearly capacity targets of Pr-Nd alloy (400 mt), dysprosium oxide (30 mt) and terbium oxide (15 mt).",
     "30 mt", "mass", 30, "t", {"per": "year"}),
    ("It kept its FY2026 production guidance of 190-210 kt.", "190-210 kt", "mass", None, "t",
     {"per": "year", "low": 190000, "high": 210000}),
    ("It compares with 171 kt produced in FY25.", "171 kt", "mass", 171000, "t", {"per": "year"}),
    ("It expects full-year 2026 output of 360,000 t.", "360,000 t", "mass", 360000, "t", {"per": "year"}),
    ("China exported about 12.8 mt of gallium in 2025.", "12.8 mt", "mass", 12.8, "t", {"qualifier": "approx"}),
    # --- money
    ("The government awarded C$101 million of funding.", "C$101 million", "money", 101000000, "CAD",
     {"currency": "CAD", "unit_text": "C$"}),
    ("It signed a US$6 billion financing intent.", "US$6 billion", "money", 6000000000, "USD", {"currency": "USD"}),
    ("Revenue rose to A$68.4 million.", "A$68.4 million", "money", 68400000, "AUD", {"currency": "AUD"}),
    ("The grant of NZ$12 million was approved.", "NZ$12 million", "money", 12000000, "NZD", {"currency": "NZD"}),
    ("The bank lent HK$800 million to the miner.", "HK$800 million", "money", 800000000, "HKD",
     {"currency": "HKD"}),
    ("Temasek put in S$50 million.", "S$50 million", "money", 50000000, "SGD", {"currency": "SGD"}),
    ("The state bank lent R$2.9 billion.", "R$2.9 billion", "money", 2900000000, "BRL", {"currency": "BRL"}),
    ("The EU will spend €3 billion on projects.", "€3 billion", "money", 3000000000, "EUR", {"currency": "EUR"}),
    ("The EU will spend €3bn on projects.", "€3bn", "money", 3000000000, "EUR", {"currency": "EUR"}),
    ("The miner raised £8.5 million in a placing.", "£8.5 million", "money", 8500000, "GBP", {"currency": "GBP"}),
    ("The ministry approved Rs 7,280 crore for magnets.", "Rs 7,280 crore", "money", 72800000000, "INR",
     {"currency": "INR"}),
    ("The scheme is worth ₹1,500 crore.", "₹1,500 crore", "money", 15000000000, "INR", {"currency": "INR"}),
    ("The grant was ₹50 lakh.", "₹50 lakh", "money", 5000000, "INR", {"currency": "INR"}),
    ("The fund holds USD 5 million in cash.", "USD 5 million", "money", 5000000, "USD", {"currency": "USD"}),
    ("The fund holds 5 million USD in cash.", "5 million USD", "money", 5000000, "USD", {"currency": "USD"}),
    ("Brussels pledged 5 million euros to research.", "5 million euros", "money", 5000000, "EUR",
     {"currency": "EUR"}),
    ("Beijing set aside 20 billion yuan for reserves.", "20 billion yuan", "money", 20000000000, "CNY",
     {"currency": "CNY"}),
    ("The provincial fund added RMB 3 billion.", "RMB 3 billion", "money", 3000000000, "CNY", {"currency": "CNY"}),
    # the style sheets of British and wire papers write the renminbi as "Rmb"
    ("The county fund paid Rmb1.2bn for the plant.", "Rmb1.2bn", "money", 1200000000, "CNY", {"currency": "CNY"}),
    ("Spot terbium fetched Rmb 7,100/kg on Monday.", "Rmb 7,100/kg", "price", 7100000, "CNY/t", {}),
    # working, business and calendar days are days
    ("The regulator has 30 working days to reply.", "30 working days", "duration", 30, "day", {}),
    ("Objections close after 15 business days.", "15 business days", "duration", 15, "day", {}),
    ("Sojitz and JOGMEC invested ¥45 billion in Japan.", "¥45 billion", "money", 45000000000, "JPY",
     {"currency": "JPY"}),
    ("Chinese separators paid ¥2 billion for feed.", "¥2 billion", "money", 2000000000, "CNY",
     {"currency": "CNY"}),
    ("The firm spent $1.25 billion on the mine.", "$1.25 billion", "money", 1250000000, "USD", {"currency": "USD"}),
    ("The stock traded at about $10.", "$10", "money", 10, "USD", {"currency": "USD", "qualifier": "approx"}),
    ("Shares fell 7.4% to A$1.38.", "A$1.38", "money", 1.38, "AUD", {"currency": "AUD"}),
    ("The company raised $5m from investors.", "$5m", "money", 5000000, "USD", {"currency": "USD"}),
    ("The company raised $5M from investors.", "$5M", "money", 5000000, "USD", {"currency": "USD"}),
    ("The company raised $750k from investors.", "$750k", "money", 750000, "USD", {"currency": "USD"}),
    ("The company raised $2.5bn from investors.", "$2.5bn", "money", 2500000000, "USD", {"currency": "USD"}),
    ("Costs were 40 million Australian dollars.", "40 million Australian dollars", "money", 40000000, "AUD",
     {"currency": "AUD"}),
    ("Seoul budgeted 1 trillion won for stockpiles.", "1 trillion won", "money", 1000000000000, "KRW",
     {"currency": "KRW"}),
    ("The loan of CHF 30 million closed.", "CHF 30 million", "money", 30000000, "CHF", {"currency": "CHF"}),
    ("The placing was priced at 4.2p a share in London.", "4.2p", "money", 0.042, "GBP", {"currency": "GBP"}),
    # a share price in pence needs no British cue elsewhere; a full stop after the "p" ends the sentence
    ("Its shares closed up 6% at 38.5p.", "38.5p", "money", 0.385, "GBP", {"currency": "GBP"}),
    ("The deal is worth US$520 million.", "US$520 million", "money", 520000000, "USD", {"currency": "USD"}),
    ("It raised C$28.7 million at C$0.90 per share.", "C$28.7 million", "money", 28700000, "CAD",
     {"currency": "CAD"}),
    ("It paid 5,000 dollars in fees.", "5,000 dollars", "money", 5000, "USD", {"currency": "USD"}),
    ("The company raised US$1.2bn last year.", "US$1.2bn", "money", 1200000000, "USD", {"currency": "USD"}),
    ("The loan of A$350m was approved.", "A$350m", "money", 350000000, "AUD", {"currency": "AUD"}),
    ("It raised £12.5mn in the placing.", "£12.5mn", "money", 12500000, "GBP", {"currency": "GBP"}),
    ("An option could raise up to a further C$5.25 million.", "C$5.25 million", "money", 5250000, "CAD",
     {"currency": "CAD", "qualifier": "le"}),
    # --- bare $ in an Australian/Canadian context
    ("Karratha raised A$45 million and later spent $12 million more.", "$12 million", "money", 12000000, "AUD",
     {"currency": "AUD"}),
    ("Karratha raised A$45 million and US$10 million, then $12 million.", "$12 million", "money", 12000000,
     "USD", {"currency": "USD"}),
    ("All figures are in Canadian dollars; the mine cost $800 million.", "$800 million", "money", 800000000,
     "CAD", {"currency": "CAD"}),
    # --- prices
    ("Pr-Nd oxide was assessed at 433,000-437,000 yuan/mt.", "433,000-437,000 yuan/mt", "price", None, "CNY/t",
     {"low": 433000, "high": 437000, "currency": "CNY", "unit_text": "yuan/mt"}),
    ("Terbium oxide held at 1.68-1.7 million yuan/mt.", "1.68-1.7 million yuan/mt", "price", None, "CNY/t",
     {"low": 1680000, "high": 1700000}),
    ("Dysprosium oxide traded at 1,390-1,410 yuan/kg.", "1,390-1,410 yuan/kg", "price", None, "CNY/t",
     {"low": 1390000, "high": 1410000}),
    ("Pr-Nd metal traded at 532,000 to 538,000 yuan/mt.", "532,000 to 538,000 yuan/mt", "price", None, "CNY/t",
     {"low": 532000, "high": 538000}),
    ("In China neodymium oxide rose to ¥441,000/mt.", "¥441,000/mt", "price", 441000, "CNY/t",
     {"currency": "CNY"}),
    ("China Northern raised the price by RMB 8,000/mt.", "RMB 8,000/mt", "price", 8000, "CNY/t", {}),
    ("The company received US$905/t for concentrate.", "US$905/t", "price", 905, "USD/t", {"unit_text": "US$/t"}),
    ("Offers firmed to US$1,050-1,100/t in January.", "US$1,050-1,100/t", "price", None, "USD/t",
     {"low": 1050, "high": 1100}),
    ("Unit costs are forecast at A$690-740/t.", "A$690-740/t", "price", None, "AUD/t", {"low": 690, "high": 740}),
    ("Dysprosium in Europe sold for $780-820/kg.", "$780-820/kg", "price", None, "USD/t",
     {"low": 780000, "high": 820000}),
    ("Prices reached $140-160/kg in Rotterdam.", "$140-160/kg", "price", None, "USD/t",
     {"low": 140000, "high": 160000}),
    ("Cobalt was quoted at $21/lb.", "$21/lb", "price", 21 / LB, "USD/t", {}),
    ("Uranium rose to US$80 per pound.", "US$80 per pound", "price", 80 / LB, "USD/t", {}),
    ("Iron ore sold at $105 a tonne.", "$105 a tonne", "price", 105, "USD/t", {}),
    ("Iron ore sold at $105 per tonne.", "$105 per tonne", "price", 105, "USD/t", {}),
    ("APT was quoted at $600/mtu.", "$600/mtu", "price", 60000, "USD/t", {}),
    ("Gold traded at US$2,400/oz.", "US$2,400/oz", "price", 2400 / 0.0000311034768, "USD/t", {}),
    ("Lithium carbonate fell to 75,000 yuan per tonne.", "75,000 yuan per tonne", "price", 75000, "CNY/t", {}),
    ("Vanadium was $6.50/lb in Europe.", "$6.50/lb", "price", 6.5 / LB, "USD/t", {}),
    ("Spodumene fell to US$780/dmt.", "US$780/dmt", "price", 780, "USD/t", {}),
    ("Uranium traded at US$4.50/lb.", "US$4.50/lb", "price", 4.5 / LB, "USD/t", {"currency": "USD"}),
    ("Copper hit $12,000/t on Friday.", "$12,000/t", "price", 12000, "USD/t", {"currency": "USD"}),
    ("Lithium carbonate rose to RMB 450/kg.", "RMB 450/kg", "price", 450000, "CNY/t", {"currency": "CNY"}),
    ("Prices rose to CNY 1.2 million/mt.", "CNY 1.2 million/mt", "price", 1200000, "CNY/t", {"currency": "CNY"}),
    # --- percent and percentage points
    ("Output rose 12 per cent in the year.", "12 per cent", "percent", 12, "%", {"unit_text": "per cent"}),
    ("Margins widened by 3 percentage points.", "3 percentage points", "percent", 3, "pp", {}),
    ("The stock is still up nearly 60% over the past six months.", "60%", "percent", 60, "%", {"qualifier": "approx"}),
    ("Exports were down more than 50% from 2023 levels.", "50%", "percent", 50, "%", {"qualifier": "gt"}),
    ("Output was up roughly 40% over five years.", "40%", "percent", 40, "%", {"qualifier": "approx"}),
    ("Prices were about 3.1% higher.", "3.1%", "percent", 3.1, "%", {"qualifier": "approx"}),
    ("Plants cut run rates by 20%-30%.", "20%-30%", "percent", None, "%", {"low": 20, "high": 30}),
    ("Plans were lifted by 10-15%.", "10-15%", "percent", None, "%", {"low": 10, "high": 15}),
    ("Output rose 12 per cent on the quarter.", "12 per cent", "percent", 12, "%", {}),
    ("Output rose 12 percent on the quarter.", "12 percent", "percent", 12, "%", {}),
    ("Output rose 12pc on the quarter.", "12pc", "percent", 12, "%", {}),
    ("The grade is 0.31% TREO.", "0.31%", "percent", 0.31, "%", {}),
    ("Margins widened by 2.5 percentage points.", "2.5 percentage points", "percent", 2.5, "pp", {}),
    ("Margins widened by 3 pp.", "3 pp", "percent", 3, "pp", {}),
    ("Rates rose 25 basis points.", "25 basis points", "percent", 0.25, "pp", {"unit_text": "basis points"}),
    ("The spread narrowed 40 bps in a week.", "40 bps", "percent", 0.4, "pp", {"unit_text": "bps"}),
    ("Its share slipped 1.5 pct points to 31%.", "1.5 pct points", "percent", 1.5, "pp", {"unit_text": "pct points"}),
    ("It bought a 15 per cent stake in the miner.", "15 per cent", "percent", 15, "%", {}),
    # --- ranges: a bare year is not the low end of an amount range
    ("The ministry cut the quota for 2026 to 6,800 mt of ore.", "6,800 mt", "mass", 6800, "t", {}),
    ("Guidance in 2027 to 14,500 tonnes was kept.", "14,500 tonnes", "mass", 14500, "t", {}),
    ("The group lifted its budget for 2026 to US$45 million.", "US$45 million", "money", 45000000, "USD", {}),
    ("Shipments went from 2024 to 3,100 t.", "3,100 t", "mass", 3100, "t", {}),
    ("The plan targets 1,800 to 2,400 mt of oxide.", "1,800 to 2,400 mt", "mass", None, "t",
     {"low": 1800, "high": 2400}),
    ("The mill will treat 1900-2100 t a day.", "1900-2100 t", "mass", None, "t",
     {"low": 1900, "high": 2100, "per": "day"}),
    # --- multiples and more currencies
    ("The stock trades at 1.5x book value.", "1.5x", "other", 1.5, "x", {}),
    ("Bids covered the offer 2-3x over.", "2-3x", "other", None, "x", {"low": 2, "high": 3}),
    ("Spodumene was quoted at US$0.85/lb.", "US$0.85/lb", "price", 0.85 / LB, "USD/t", {}),
    ("The Brazilian group raised R$2.1 billion.", "R$2.1 billion", "money", 2100000000, "BRL", {}),
    ("The explorer raised NZ$40m from investors.", "NZ$40m", "money", 40000000, "NZD", {}),
    ("The offer values the company at HK$3.2 per share.", "HK$3.2", "money", 3.2, "HKD", {}),
    ("The plant has 10,000 tonnes per annum of capacity.", "10,000 tonnes", "mass", 10000, "t", {"per": "year"}),
    ("It keeps more than 40% of the market.", "40%", "percent", 40, "%", {"qualifier": "gt"}),
    ("It holds at least 20% of the project.", "20%", "percent", 20, "%", {"qualifier": "ge"}),
    ("It may take up to 40% of the output.", "40%", "percent", 40, "%", {"qualifier": "le"}),
    ("The discount was less than 14%.", "14%", "percent", 14, "%", {"qualifier": "lt"}),
    ("The stake is between 45% and 50%.", "45% and 50%", "percent", None, "%", {"low": 45, "high": 50}),
    ("Recovery is nearly 2% better.", "2%", "percent", 2, "%", {"qualifier": "approx"}),
    # --- qualifiers on other types
    ("It has roughly 52 Mt in the indicated category.", "52 Mt", "mass", 52000000, "t", {"qualifier": "approx"}),
    ("It wiped more than A$90 million from its value.", "A$90 million", "money", 90000000, "AUD",
     {"qualifier": "gt"}),
    ("The facility is worth up to C$120 million.", "C$120 million", "money", 120000000, "CAD",
     {"qualifier": "le"}),
    ("Shipments were under 500 t.", "500 t", "mass", 500, "t", {"qualifier": "lt"}),
    ("Exports exceeding 2,000 t need a licence.", "2,000 t", "mass", 2000, "t", {"qualifier": "gt"}),
    ("Shipments of over 300 tonnes were blocked.", "300 tonnes", "mass", 300, "t", {"qualifier": "gt"}),
    ("The plan needs some 6,500 t of feed.", "6,500 t", "mass", 6500, "t", {"qualifier": "approx"}),
    ("It needs approximately 220,000 t of ore.", "220,000 t", "mass", 220000, "t", {"qualifier": "approx"}),
    ("It needs around 31,000 t of ore.", "31,000 t", "mass", 31000, "t", {"qualifier": "approx"}),
    ("A minimum of 1,000 tonnes is required.", "1,000 tonnes", "mass", 1000, "t", {"qualifier": "ge"}),
    ("Dysprosium oxide edged up to 1,390 yuan/kg.", "1,390 yuan/kg", "price", 1390000, "CNY/t",
     {"qualifier": None}),
    # --- ranges
    ("Guidance is 190-210 kt for the year.", "190-210 kt", "mass", None, "t", {"low": 190000, "high": 210000}),
    ("Shipments of between 45,000 and 50,000 dmt are expected.", "45,000 and 50,000 dmt", "mass", None, "t",
     {"low": 45000, "high": 50000}),
    ("Output of 360,000-380,000 t is expected.", "360,000-380,000 t", "mass", None, "t",
     {"low": 360000, "high": 380000}),
    ("Each grant is €250 million to €400 million.", "€250 million to €400 million", "money", None, "EUR",
     {"low": 250000000, "high": 400000000}),
    ("Prices ranged 95%–97% for the week.", "95%–97%", "percent", None, "%", {"low": 95, "high": 97}),
    ("Capex is US$1.2-1.5 billion.", "US$1.2-1.5 billion", "money", None, "USD",
     {"low": 1200000000, "high": 1500000000}),
    ("Output will be 500,000-1.2 million t.", "500,000-1.2 million t", "mass", None, "t",
     {"low": 500000, "high": 1200000}),
    ("It takes two to three years to build.", "two to three years", "duration", None, "year",
     {"low": 2, "high": 3}),
    ("Prices of 1,000 to 1,200 yuan/kg were heard.", "1,000 to 1,200 yuan/kg", "price", None, "CNY/t",
     {"low": 1000000, "high": 1200000}),
    # --- durations
    ("They signed a five-year procurement agreement.", "five-year", "duration", 5, "year", {}),
    ("The project moved forward two years.", "two years", "duration", 2, "year", {}),
    ("Output slowed over the past six months.", "six months", "duration", 6, "month", {}),
    ("The loan has a 22-year tenor.", "22-year", "duration", 22, "year", {}),
    ("Construction takes 27 months.", "27 months", "duration", 27, "month", {}),
    ("The ban lasts three weeks.", "three weeks", "duration", 3, "week", {}),
    ("The inspection took 30 days.", "30 days", "duration", 30, "day", {}),
    ("The payback period is 3.9 years.", "3.9 years", "duration", 3.9, "year", {}),
    ("A 10-year offtake was signed.", "10-year", "duration", 10, "year", {}),
    ("A twelve-month extension was granted.", "twelve-month", "duration", 12, "month", {}),
    ("A twenty-five-year lease was granted.", "twenty-five-year", "duration", 25, "year", {}),
    ("The permit runs for a dozen years.", "a dozen years", "duration", 12, "year", {}),
    ("The dispute had run for more than a decade.", "a decade", "duration", 10, "year", {"qualifier": "gt"}),
    ('The stoppage could last "at least two weeks" unless talks progress.', "two weeks", "duration", 2, "week",
     {"qualifier": "ge"}),
    # --- counts
    ("Of the 594 blocks sold since 2015, just 82 are producing.", "82", "count", 82, None, {}),
    ("The batch includes 11 projects inside the EU and eight in partner countries.", "eight", "count", 8, None, {}),
    ("It selected 19 more projects, bringing the number of schemes to 85.", "85", "count", 85, None, {}),
    ("Chile named 14 critical minerals in its strategy.", "14", "count", 14, None,
     {"unit_text": "minerals"}),
    ("The batch includes 11 projects inside the EU.", "11", "count", 11, None, {"unit_text": "projects"}),
    ("It halted four extraction lines.", "four", "count", 4, None, {"unit_text": "lines"}),
    ("It drilled 27 reverse-circulation holes.", "27", "count", 27, None, {"unit_text": "holes"}),
    ("About 50 companies applied.", "50", "count", 50, None, {"qualifier": "approx"}),
    ("The ministry offered 594 blocks at auction.", "594", "count", 594, None, {}),
    ("The company issued 41.2 million shares.", "41.2 million", "count", 41200000, None, {}),
    ("It cut 1,200 jobs at the smelter.", "1,200", "count", 1200, None, {}),
    ("Shareholders approved the deal with 3.5 million votes.", "3.5 million", "count", 3500000, None, {}),
    ("It halted two of its four extraction lines.", "two", "count", 2, None, {}),
    ("Kazakhstan holds 19 of the 34 raw materials on the list.", "19", "count", 19, None, {}),
    ("Its four rotary kiln-electric furnace lines ran well.", "four", "count", 4, None, {"unit_text": "lines"}),
    ("The kiln added 3 new lines and 2 dryers.", "3", "count", 3, None, {"unit_text": "lines"}),
    ("It drilled more than 1,900 auger and diamond holes.", "1,900", "count", 1900, None, {"qualifier": "gt"}),
    ("It will produce 250,000 ounces of gold a year.", "250,000 ounces", "mass", 7.7758692, "t", {"per": "year"}),
    # precious-metal reports count in equivalent ounces: the mass of the reference metal
    ("Quarterly output reached 2.5 million silver equivalent ounces.", "2.5 million silver equivalent ounces", "mass",
     77.758692, "t", {}),
    ("The mill poured 41,000 GEOs in the half.", "41,000 GEOs", "mass", 1.27524255, "t", {}),
    ("The plant will store 3 million litres of electrolyte.", "3 million litres", "other", 3000000, "l", {}),
    ("The dam holds 12 ML of process water.", "12 ML", "other", 12000000, "l", {}),
    ("Workers downed tools for 48 hours at the smelter.", "48 hours", "duration", 48, "hour", {}),
    # a price quoted per a number of units is per that mass
    ("Traders quoted $880 per 10 kg for the concentrate.", "$880 per 10 kg", "price", 88000, "USD/t", {}),
    ("Scrap fetched €45 per 100 kg.", "€45 per 100 kg", "price", 450, "EUR/t", {}),
    ("Output fell to 8.5mt from 9.1mt a year earlier.", "9.1mt", "mass", 9.1, "t", {"per": None}),
    ("Revenue compares with $980 million a year ago.", "$980 million", "money", 980000000, "USD",
     {"currency": "USD", "per": None}),
    ("The deal, valued at A$1.1bn ($720m), closed.", "$720m", "money", 720000000, "USD", {"currency": "USD"}),
    ("Shares closed at 45 cents on Friday.", "45 cents", "money", 0.45, "USD", {"currency": "USD"}),
    ("It will invest $2 billion over 10 years.", "10 years", "duration", 10, "year", {"qualifier": None}),
    ("The permit must be granted within 90 days.", "90 days", "duration", 90, "day", {"qualifier": "le"}),
    ("Lithium carbonate fell 2.3% to CNY 74,500/t.", "CNY 74,500/t", "price", 74500, "CNY/t", {"currency": "CNY"}),
    ("The company expects 1.2-1.4 Mt of iron ore.", "1.2-1.4 Mt", "mass", None, "t",
     {"low": 1200000, "high": 1400000}),
    ("The tender covers 30,000t of cobalt hydroxide.", "30,000t", "mass", 30000, "t", {}),
    ("Antimony hit US$60,000 a tonne in Rotterdam.", "US$60,000 a tonne", "price", 60000, "USD/t", {}),
    ("Jakarta approved 2.3 trillion rupiah for the smelter.", "2.3 trillion rupiah", "money", 2.3e12, "IDR",
     {"currency": "IDR"}),
    ("A 5,000-tpa plant is planned.", "5,000-tpa", "mass", 5000, "t", {"per": "year"}),
    ("The transition will take a decade or two decades.", "two decades", "duration", 20, "year", {}),
    # --- other units
    ("Drilling intersected 18 m at 36.2% Mn.", "18 m", "other", 18, "m", {}),
    ("The mine lies about 180 km from the port.", "180 km", "other", 180000, "m", {"qualifier": "approx"}),
    ("The licence covers 2,500 hectares.", "2,500 hectares", "other", 2500, "ha", {}),
    ("Intercepts graded 4.5 g/t gold.", "4.5 g/t", "other", 4.5, "ppm", {}),  # grams per tonne = ppm
    ("Soil samples peaked at 900 ppb gold.", "900 ppb", "other", 0.9, "ppm", {}),
    ("The deposit averages 1,530 ppm TREO.", "1,530 ppm", "other", 1530, "ppm", {}),
    ("A 50 MW solar plant will power the site.", "50 MW", "other", 50, "MW", {}),
]

# Sentences whose numbers are not quantities (none of them may appear in a span).
NEGATIVES: list[tuple[str, str]] = [
    # a glued "p" is pence only in a sentence quoting a share or in a British block
    ("The firm holds 45p in cash.", "45"),
    ("The interest is 5 p.a. on the stock.", "5"),
    ("Approvals may slow in Yunnan and Guangxi, two of the main germanium-producing provinces.", "two"),
    ("Of the 594 blocks sold, the company said in 2015 that 2026 would be key.", "2026"),
    ("The ban takes effect in 2028.", "2028"),
    ("On December 11, the assembly voted.", "11"),
    ("Published: Jan 8, 2026 17:02", "8"),
    ("Published: Jan 8, 2026 17:02", "17:02"),
    ("The meeting starts at 10:45 in Sydney.", "10:45"),
    ("Price desk: +86 21 5155 0306 | prices@orewire.example", "5155"),
    ("Price desk: +86 21 5155 0306 | prices@orewire.example", "21"),
    ("1. Vietnam Passes Rare Earth Export Ban", "1"),
    ("See Section 3 of the act for details.", "3"),
    ("Japan ranks sixth in the world.", "sixth"),
    ("It finished 2nd in the tender.", "2"),
    ("Plans for Q1 were lifted.", "1"),
    ("The FY2026 guidance was kept.", "2026"),
    ("It is priced on an SC6-equivalent basis.", "6"),
    ("The grade is reported as Li2O.", "2"),
    ("The sample contained 65% WO3.", "3"),
    ("Boeing 737 deliveries resumed.", "737"),
    ("The firmware v2.1.3 was released.", "2.1"),
    ("The 2026 mining quotas were cut.", "2026"),
    ("The G7 leaders met in Italy.", "7"),
    ("He was born on 28 Jan 1960.", "28"),
    ("The 2025-2026 season ended.", "2025"),
    ("One mid-sized separator halted output.", "One"),
    ("Two-thirds of the output is exported.", "Two"),
    ("COVID-19 disrupted the supply chain.", "19"),
    ("Phase 2 of the project starts soon.", "2"),
    ("Call 1 800 555 0199 for details.", "555"),
    ("The 3D model shows the ore body.", "3"),
    ("The ratio was 3/4 of last year's.", "3"),
    ("On 12/11/2025 the decree was published.", "12"),
    ("The MP44 magnet grade sold well.", "44"),
    ("New projects for the three metals need approval.", "three"),
    ("It banned shipments of all three metals.", "three"),
    ("The quota was cut, two sources said.", "two"),
    ("Two officials said the plan was delayed.", "Two"),
    ("The two said on Thursday that talks continue.", "two"),
    ("Of the blocks sold, just 82 are producing.", "82"),
    ("The ministry cut the quota for 2026 to 6,800 mt of ore.", "2026"),
    ("Output in 2025 to 12,000 tonnes was a record.", "2025"),
    ("A third of output is exported.", "third"),
    ("It will cost tens of millions of dollars.", "tens"),
    ("The claims cover a 3 x 4 grid.", "3"),
    ("The note is dated 2026-01-14 in the header.", "01"),
    ("The summit named COP29 a success.", "29"),
    ("The TOP 10 list came out.", "10"),
    # a page's age when read ("published 4 years ago") is no span of the article's facts
    ("This story was published 4 years ago", "4"),
    ("Posted 2 days ago by the desk.", "2"),
]


def _quantities(doc):
    return {span.text: span._.orewire_quantity for span in doc.spans[QUANTITY_GROUP]}


@pytest.mark.parametrize(("sentence", "span_text", "kind", "value", "unit", "extra"), CASES,
                         ids=[f"{i:03d}-{case[1]}" for i, case in enumerate(CASES)])
def test_quantity_table(nlp, sentence, span_text, kind, value, unit, extra):
    found = _quantities(make_block_doc(nlp, sentence))
    assert span_text in found, f"{span_text!r} not in {list(found)}"
    info = found[span_text]
    assert info["quantity_type"] == kind
    assert info["unit"] == unit
    if value is None:
        assert info["value"] is None
    else:
        assert info["value"] == pytest.approx(value, rel=1e-9)
    expected = {"qualifier": None, "per": None, "low": None, "high": None, **extra}
    if kind not in ("money", "price"):
        expected.setdefault("currency", None)
    for key, wanted in expected.items():
        got = info[key]
        if isinstance(wanted, float | int) and not isinstance(wanted, bool) and got is not None:
            assert got == pytest.approx(wanted, rel=1e-9), key
        else:
            assert got == wanted, key


@pytest.mark.parametrize(("sentence", "number"), NEGATIVES, ids=[f"{i:02d}-{n}" for i, (_, n) in enumerate(NEGATIVES)])
def test_not_quantities(nlp, sentence, number):
    doc = make_block_doc(nlp, sentence)
    position = sentence.index(number)
    covered = [span.text for span in doc.spans[QUANTITY_GROUP] if span.start_char <= position < span.end_char]
    assert covered == []


def test_separate_quantities_in_one_sentence(nlp):
    doc = make_block_doc(nlp, "Shares fell 7.4% to A$1.38, and rose from 5% to 8% later.")
    assert [span.text for span in doc.spans[QUANTITY_GROUP]] == ["7.4%", "A$1.38", "5%", "8%"]


def test_movement_from_to_stays_two_amounts(nlp):
    doc = make_block_doc(nlp, "Nickel climbed from $16,000 to $17,500 a tonne.")
    assert [span.text for span in doc.spans[QUANTITY_GROUP]] == ["$16,000", "$17,500 a tonne"]


def test_every_iso_code_is_a_currency_the_english_words_only_before_a_scale(nlp):
    from pipeline.resources.quantities import load_currencies

    table = load_currencies()
    assert table.prefixes["ZMW"] == "ZMW" and table.suffixes["ringgit"] == "MYR"
    # codes that are English words are read only before a scaled number, and never after a number
    assert {"TOP", "COP"} <= set(table.scaled_prefixes)
    assert "TOP" not in table.suffixes and "COP" not in table.suffixes


@pytest.mark.parametrize(("text", "expected"), [
    ("The state mill shipped 1.5 million short tons of ore.", ("1.5 million short tons", 1360777.11, "t")),
    ("Coal cargoes of 80,000 long tons sailed.", ("80,000 long tons", 81283.752704, "t")),
    ("The budget sets aside Rs 2.4 lakh crore for rail.", ("Rs 2.4 lakh crore", 2.4e12, "INR")),
    ("The miner placed 12m shares with funds.", ("12m", 12e6, None)),
])
def test_interpreted_news_forms(nlp, text, expected):
    doc = make_block_doc(nlp, text)
    spans = [(span.text, round(span._.orewire_quantity["value"], 6), span._.orewire_quantity["unit"])
             for span in doc.spans[QUANTITY_GROUP]]
    assert spans == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Smelters there poured a million tonnes of zinc.", ("a million tonnes", 1e6, "t")),
    ("The province spent a billion dollars on roads.", ("a billion dollars", 1e9, "USD")),
])
def test_a_million_is_one_million(nlp, text, expected):
    doc = make_block_doc(nlp, text)
    assert [(span.text, span._.orewire_quantity["value"], span._.orewire_quantity["unit"])
            for span in doc.spans[QUANTITY_GROUP]] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # a change between two scaled amounts: the low end keeps its own scale and takes the unit written once
    ("Mill throughput will grow from 2.5 million to 3 million tonnes.", [("t", 2.5e6), ("t", 3e6)]),
    ("Turnover climbed from 1.1 billion to 1.4 billion euros.", [("EUR", 1.1e9), ("EUR", 1.4e9)]),
    # an unscaled measured end shares nothing with a scaled low end: that one stays a bare scaled count
    ("Stocks fell from 1.5 million to 2 tonnes.", [(None, 1.5e6), ("t", 2)]),
])
def test_scaled_low_end_of_a_change_shares_the_unit(nlp, text: str, expected: list) -> None:
    doc = make_block_doc(nlp, text)
    assert [(span._.orewire_quantity["unit"], span._.orewire_quantity["value"])
            for span in doc.spans[QUANTITY_GROUP]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # tonnes glued to the chemical symbol of the contained metal ("mtV" = metric tonnes of vanadium)
    ("The Brits plant poured 3,140 mtV last year.", [("3,140 mtV", 3140, "t")]),
    ("Reserves hold 1.2 Mt Cu and 45 tCo.", [("1.2 Mt", 1.2e6, "t"), ("45 tCo", 45, "t")]),
    ("Kestrel mined 2.5 MtNi of contained metal.", [("2.5 MtNi", 2.5e6, "t")]),
    # kilograms too, mostly in a producer's unit cost per kilogram of contained metal
    ("Cash cost fell to US$21.5/kgV in the half.", [("US$21.5/kgV", 21500, "USD/t")]),
    # a glued word that is no chemical symbol leaves the number alone
    ("The 40 mtXq code was retired.", []),
])
def test_tonnes_glued_to_a_metal_symbol(nlp, text, expected):
    doc = make_block_doc(nlp, text)
    found = [(s.text, q["value"], q["unit"]) for s in doc.spans[QUANTITY_GROUP] for q in [s._.orewire_quantity]]
    assert [item for item in found if item[2] is not None] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a day number after "to" with a month name is the end of a period, not the high end of a range
    ("Sales reached 900 t in the nine months to 30 September.", [("900 t", 900, None, None, "t"),
                                                                 ("nine months", 9, None, None, "month")]),
    ("Output was 6 to 8 tonnes a day.", [("6 to 8 tonnes", None, 6, 8, "t")]),
])
def test_a_day_before_a_month_name_ends_no_range(nlp, text, expected):
    doc = make_block_doc(nlp, text)
    assert [(s.text, q["value"], q["low"], q["high"], q["unit"])
            for s in doc.spans[QUANTITY_GROUP] for q in [s._.orewire_quantity]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the first side of an area written "A-by-B unit", "A by B unit" or "A x B unit" takes the second's length unit
    ("Crews sampled a 300-by-600-metre grid.", [(300, "m"), (600, "m")]),
    ("Soil lines cover a 150 by 450 metre block.", [(150, "m"), (450, "m")]),
    ("The anomaly measures 2 x 5 km at surface.", [(2000, "m"), (5000, "m")]),
    # a mass is no side of an area: the 4 before "x 500 kg" takes no unit
    ("Pallets were stacked 4 x 500 kg high.", [(0.5, "t")]),
])
def test_the_sides_of_an_area_share_their_length_unit(nlp, text, expected):
    doc = make_block_doc(nlp, text)
    assert [(q["value"], q["unit"]) for s in doc.spans[QUANTITY_GROUP] for q in [s._.orewire_quantity]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a space left after a compound's hyphen by a line break still joins number and unit
    ("Zinc touched a five- week low on Friday.", [("five- week", 5, "week")]),
    ("The fleet added a 40- tonne hauler.", [("40- tonne", 40, "t")]),
])
def test_a_hyphen_then_a_space_still_joins_the_unit(nlp, text, expected):
    doc = make_block_doc(nlp, text)
    assert [(s.text, q["value"], q["unit"]) for s in doc.spans[QUANTITY_GROUP] for q in [s._.orewire_quantity]] == expected
