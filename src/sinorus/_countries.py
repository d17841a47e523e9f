# ruff: noqa: RUF001  (Chinese and Russian names)
"""The table of countries: the rows of :class:`~sinorus.Country`, built on first use.

:mod:`sinorus.countries` is the public face (``sinorus.country``,
``sinorus.countries``, the record class); this module holds the rows so
that ``import sinorus`` does not pay for building them.

Sources, for the whole table (each row carries them in ``sources``):

- COW numeric and letter codes: Correlates of War Project, *State System
  Membership List, v2016*;
- Gleditsch–Ward numeric codes: K. S. Gleditsch and M. D. Ward, *List of
  independent states* (``iisystem.dat``);
- ISO 3166-1 alpha-3 codes: ISO's Online Browsing Platform;
- the Chinese and Russian names: Unicode CLDR territory names (``zh``,
  ``ru``); the official names among the aliases: the United Nations' list of
  Member States in English, Chinese and Russian;
- all of these read from two machine-readable copies, marked ``secondary``:
  the ``countrycode`` R package's codelist and dictionaries, and the
  ``states`` R package's ``gwstates`` and ``cowstates`` (with dates).

>>> from sinorus._countries import TABLE
>>> {country.key: country.ccode for country in TABLE}["china"]
710
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from .countries import Country
from .model import Source

__all__ = ["SOURCES", "TABLE", "Country"]

_DAY: Final = date(2026, 12, 2)


def _source(title: str, url: str, publisher: str, *, secondary: bool = False) -> Source:
    return Source(title=title, url=url, publisher=publisher, accessed=_DAY, secondary=secondary)


#: The sources of the whole table.
SOURCES: Final = (
    _source(
        "State System Membership List, v2016",
        "https://correlatesofwar.org/data-sets/state-system-membership",
        "Correlates of War Project",
    ),
    _source(
        "Independent States in the International System (list of independent states)",
        "http://www.ksgleditsch.com/data-4.html",
        "Kristian Skrede Gleditsch and Michael D. Ward",
    ),
    _source(
        "ISO 3166 Country Codes (Online Browsing Platform)",
        "https://www.iso.org/obp/ui/#search",
        "International Organization for Standardization",
    ),
    _source(
        "Unicode CLDR: territory display names (en, zh, ru)",
        "https://cldr.unicode.org/",
        "Unicode Consortium",
    ),
    _source(
        "Member States",
        "https://www.un.org/en/about-us/member-states",
        "United Nations",
    ),
    _source(
        "countrycode: dictionary/codelist_without_cldr.csv, data_cldr.csv, data_cow.csv, "
        "data_gw.csv (commit 284d6a2)",
        "https://github.com/vincentarelbundock/countrycode",
        "Vincent Arel-Bundock",
        secondary=True,
    ),
    _source(
        "states: data/gwstates.rda and data/cowstates.rda (commit b154482)",
        "https://github.com/andybega/states",
        "Andreas Beger",
        secondary=True,
    ),
)

_SOVIET_SOURCES: Final = (
    _source(
        "Soviet Union: Polity Style: 1922-1991",
        "https://archontology.org/nations/ussr/01_polity.php",
        "Archontology.org",
    ),
    _source(
        "Союз Советских Социалистических Республик",
        "https://old.bigenc.ru/text/4245858",
        "Большая российская энциклопедия",
    ),
    _source("苏联", "https://m.baike.so.com/doc/5177272-5408193.html", "360百科"),
    _source(
        "TCVN 7217-3:2013 (ISO 3166-3:2013), Mã thể hiện tên và vùng lãnh thổ – Phần 3: "
        "Mã tên các nước trước đây",
        "https://m.thuvienphapluat.vn/TCVN/Linh-vuc-khac/"
        "TCVN-7217-3-2013-Ma-the-hien-ten-vung-lanh-tho-Phan-3-Ma-ten-cac-nuoc-truoc-day-911196.aspx",
        "Thư Viện Pháp Luật",
        secondary=True,
    ),
    _source(
        "Russia and the United Nations",
        "https://en.wikipedia.org/wiki/Russia_and_the_United_Nations",
        "Wikipedia",
    ),
)

_CHINA_SOURCES: Final = (
    _source(
        "China",
        "https://www.onenewspage.com/current/m3w50d0/China.htm",
        "One News Page",
        secondary=True,
    ),
    _source(
        "The People's Republic of China",
        "http://www.foreignercn.com/index.php?option=com_content&view=section&layout=blog"
        "&id=1&Itemid=53&limitstart=12",
        "ForeignerCN",
    ),
)


# key, English, Chinese, Russian, COW number, COW letters, GW number, ISO alpha-3, aliases
_ROWS: Final[tuple[tuple[str, str, str, str, int, str, int, str, tuple[str, ...]], ...]] = (
    ("algeria", "Algeria", "阿尔及利亚", "Алжир", 615, "ALG", 615, "DZA", ()),
    ("armenia", "Armenia", "亚美尼亚", "Армения", 371, "ARM", 371, "ARM", ()),
    ("australia", "Australia", "澳大利亚", "Австралия", 900, "AUL", 900, "AUS", ()),
    ("azerbaijan", "Azerbaijan", "阿塞拜疆", "Азербайджан", 373, "AZE", 373, "AZE", ()),
    ("belarus", "Belarus", "白俄罗斯", "Беларусь", 370, "BLR", 370, "BLR", ()),
    ("bhutan", "Bhutan", "不丹", "Бутан", 760, "BHU", 760, "BTN", ()),
    (
        "brunei",
        "Brunei",
        "文莱",
        "Бруней-Даруссалам",
        835,
        "BRU",
        835,
        "BRN",
        ("Brunei Darussalam", "文莱达鲁萨兰国"),
    ),
    ("cambodia", "Cambodia", "柬埔寨", "Камбоджа", 811, "CAM", 811, "KHM", ()),
    ("canada", "Canada", "加拿大", "Канада", 20, "CAN", 20, "CAN", ()),
    (
        "china",
        "China",
        "中国",
        "Китай",
        710,
        "CHN",
        710,
        "CHN",
        ("People's Republic of China", "PRC", "China (the People's Republic of)", "中华人民共和国"),
    ),
    ("france", "France", "法国", "Франция", 220, "FRN", 220, "FRA", ()),
    ("germany", "Germany", "德国", "Германия", 255, "GMY", 260, "DEU", ()),
    ("india", "India", "印度", "Индия", 750, "IND", 750, "IND", ()),
    ("indonesia", "Indonesia", "印度尼西亚", "Индонезия", 850, "INS", 850, "IDN", ()),
    (
        "iran",
        "Iran",
        "伊朗",
        "Иран",
        630,
        "IRN",
        630,
        "IRN",
        ("Iran (Islamic Republic of)", "伊朗（伊斯兰共和国）", "Иран (Исламская Республика)"),
    ),
    ("japan", "Japan", "日本", "Япония", 740, "JPN", 740, "JPN", ()),
    ("kazakhstan", "Kazakhstan", "哈萨克斯坦", "Казахстан", 705, "KZK", 705, "KAZ", ()),
    (
        "kyrgyzstan",
        "Kyrgyzstan",
        "吉尔吉斯斯坦",
        "Киргизия",
        703,
        "KYR",
        703,
        "KGZ",
        ("Kyrgyz Republic", "Кыргызстан"),
    ),
    (
        "laos",
        "Laos",
        "老挝",
        "Лаос",
        812,
        "LAO",
        812,
        "LAO",
        (
            "Lao People's Democratic Republic",
            "老挝人民民主共和国",
            "Лаосская Народно-Демократическая Республика",
        ),
    ),
    ("malaysia", "Malaysia", "马来西亚", "Малайзия", 820, "MAL", 820, "MYS", ()),
    (
        "maldives",
        "Maldives",
        "马尔代夫",
        "Мальдивы",
        781,
        "MAD",
        781,
        "MDV",
        ("Мальдивские Острова",),
    ),
    ("mongolia", "Mongolia", "蒙古", "Монголия", 712, "MON", 712, "MNG", ()),
    (
        "myanmar",
        "Myanmar",
        "缅甸",
        "Мьянма (Бирма)",
        775,
        "MYA",
        775,
        "MMR",
        ("Myanmar (Burma)", "Мьянма"),
    ),
    ("new-zealand", "New Zealand", "新西兰", "Новая Зеландия", 920, "NEW", 920, "NZL", ()),
    ("nicaragua", "Nicaragua", "尼加拉瓜", "Никарагуа", 93, "NIC", 93, "NIC", ()),
    ("pakistan", "Pakistan", "巴基斯坦", "Пакистан", 770, "PAK", 770, "PAK", ()),
    ("philippines", "Philippines", "菲律宾", "Филиппины", 840, "PHI", 840, "PHL", ()),
    ("qatar", "Qatar", "卡塔尔", "Катар", 694, "QAT", 694, "QAT", ()),
    (
        "russia",
        "Russia",
        "俄罗斯",
        "Россия",
        365,
        "RUS",
        365,
        "RUS",
        ("Russian Federation", "俄罗斯联邦", "Российская Федерация"),
    ),
    ("singapore", "Singapore", "新加坡", "Сингапур", 830, "SIN", 830, "SGP", ()),
    (
        "south-africa",
        "South Africa",
        "南非",
        "Южно-Африканская Республика",
        560,
        "SAF",
        560,
        "ZAF",
        ("Южная Африка",),
    ),
    (
        "south-korea",
        "South Korea",
        "韩国",
        "Республика Корея",
        732,
        "ROK",
        732,
        "KOR",
        ("Republic of Korea", "Korea, Republic of", "大韩民国"),
    ),
    (
        "soviet-union",
        "Soviet Union",
        "苏联",
        "Советский Союз",
        365,
        "RUS",
        365,
        "SUN",
        (
            "USSR",
            "Union of Soviet Socialist Republics",
            "苏维埃社会主义共和国联盟",
            "СССР",
            "Союз ССР",
            "Союз Советских Социалистических Республик",
        ),
    ),
    ("sri-lanka", "Sri Lanka", "斯里兰卡", "Шри-Ланка", 780, "SRI", 780, "LKA", ()),
    (
        "syria",
        "Syria",
        "叙利亚",
        "Сирия",
        652,
        "SYR",
        652,
        "SYR",
        ("Syrian Arab Republic", "阿拉伯叙利亚共和国", "Сирийская Арабская Республика"),
    ),
    ("tajikistan", "Tajikistan", "塔吉克斯坦", "Таджикистан", 702, "TAJ", 702, "TJK", ()),
    ("thailand", "Thailand", "泰国", "Таиланд", 800, "THI", 800, "THA", ()),
    ("turkey", "Turkey", "土耳其", "Турция", 640, "TUR", 640, "TUR", ("Türkiye",)),
    (
        "united-kingdom",
        "United Kingdom",
        "英国",
        "Великобритания",
        200,
        "UKG",
        200,
        "GBR",
        (
            "UK",
            "United Kingdom of Great Britain and Northern Ireland",
            "大不列颠及北爱尔兰联合王国",
            "Британия",
            "Соединенное Королевство Великобритании и Северной Ирландии",
        ),
    ),
    (
        "united-states",
        "United States",
        "美国",
        "Соединенные Штаты",
        2,
        "USA",
        2,
        "USA",
        ("US", "United States of America", "美利坚合众国", "США", "Соединенные Штаты Америки"),
    ),
    ("uzbekistan", "Uzbekistan", "乌兹别克斯坦", "Узбекистан", 704, "UZB", 704, "UZB", ()),
    ("vietnam", "Vietnam", "越南", "Вьетнам", 816, "DRV", 816, "VNM", ("Viet Nam",)),
)

#: What a row says beyond its codes: spans, succession, row sources and notes.
_MORE: Final[dict[str, dict[str, Any]]] = {
    "china": {
        "sources": (*SOURCES, *_CHINA_SOURCES),
        "notes": "People's Republic of China, PRC and 中华人民共和国 are the state's full name "
        "and its abbreviation as the pages cited give them.",
    },
    "germany": {
        "notes": "COW codes Germany 255 (GMY) from 3 October 1990; the Gleditsch–Ward list "
        "continues the German Federal Republic, 260 (GFR), as today's Germany.",
    },
    "vietnam": {
        "notes": "The Gleditsch–Ward list codes today's Vietnam 816 (DRV, the Democratic "
        "Republic of Vietnam, from 1954); countrycode's codelist gives 815, the list's entry "
        "for Vietnam before 1893, and is not followed here.",
    },
    "russia": {
        "predecessor": "soviet-union",
        "succession": date(1991, 12, 26),
        "sources": (*SOURCES, _SOVIET_SOURCES[-1]),
        "notes": "The Russian Federation continued the Soviet Union's membership of the United "
        "Nations, including its permanent seat on the Security Council (Yeltsin's letter of 24 "
        "December 1991 to the Secretary-General). COW (365, RUS) and the Gleditsch–Ward list "
        "(365, 'Russia (Soviet Union)') give one code to Russia and the Soviet Union alike; "
        "this table keeps them as two countries with that code.",
    },
    "soviet-union": {
        "start": date(1922, 12, 30),
        "end": date(1991, 12, 26),
        "successor": "russia",
        "succession": date(1991, 12, 26),
        "sources": (*SOURCES, *_SOVIET_SOURCES),
        "notes": "Founded on 30 December 1922 (the First Congress of Soviets approved the "
        "declaration and treaty of union). Gorbachev resigned as president on 25 December 1991, "
        "ceding power to the authorities of the Russian Federation; on 26 December the Council "
        "of the Republics of the Supreme Soviet declared that the Soviet Union had ceased to "
        "exist. ISO 3166-1 coded it SU / SUN / 810 from 1974 until 1992; ISO 3166-3 keeps the "
        "withdrawn code as SUHH. COW and Gleditsch–Ward code it 365, as Russia.",
    },
}


def _build() -> tuple[Country, ...]:
    rows = []
    for key, name, zh, ru, ccode, letters, gwcode, iso3, aliases in _ROWS:
        more = _MORE.get(key, {})
        rows.append(
            Country(
                key=key,
                name=name,
                name_zh=zh,
                name_ru=ru,
                ccode=ccode,
                stateabb=letters,
                gwcode=gwcode,
                iso3=iso3,
                aliases=aliases,
                **{"sources": SOURCES, **more},
            )
        )
    return tuple(rows)


#: Every country in the table, by English name.
TABLE: Final = _build()
