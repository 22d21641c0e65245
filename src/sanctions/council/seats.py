"""Who sat on the Security Council on a given day: the permanent members and each year's elected ten."""

# Elected members serve two-year terms from 1 January to 31 December, so membership changes on
# 1 January. The one change within a year is the Soviet seat: held by the USSR (SU) until the
# Russian Federation (RU) continued its membership by the letter of 24 December 1991 (the
# Repertoire 1989-1992, quoted at https://ask.un.org/faq/378083). Members are ISO 3166-1 alpha-2
# codes as they stood then (Zaire is ZR, not CD). The table covers 1991 to 2026; `members_on`
# answers None for any other year rather than guess.
#
# Each year is the five elected that year's autumn (from 2016, June) election plus the five
# elected the year before; each election was read in a report that names both halves (the five
# elected and the five "remaining" or "continuing"), the UN's own where one was found:
#
#   terms from  elected                 source read
#   1990, 1991  CI CU RO YE ZR          S/PV.2932 (2 August 1990), which lists all fifteen members:
#                                       https://en.wikisource.org/wiki/United_Nations_Security_Council_Meeting_2932
#   1991        AT BE EC IN ZW          the members before the 1992 election:
#                                       https://en.wikipedia.org/wiki/1992_United_Nations_Security_Council_election
#   1992        CV HU JP MA VE          AFP, 29 October 1993: https://francegenocidetutsi.org/fgtshowdoc.php?num=33240
#   1993        BR DJ NZ PK ES          the same AFP dispatch; https://en.wikipedia.org/wiki/1992_United_Nations_Security_Council_election
#   1994        AR CZ NG OM RW          https://press.un.org/en/1995/19951108.ga8989.html (GA/8989)
#   1995        BW DE HN ID IT          GA/8989; Reuters: https://jawawa.id/newsitem/indonesia-admitted-to-un-security-council-1447893297
#   1996        CL EG GW PL KR          GA/8989; https://press.un.org/en/1996/19961021.ga9138.p2.html (GA/9138)
#   1997        CR JP KE PT SE          GA decision 51/306, listing the fifteen of 1997:
#                                       http://www.un.org/documents/ga/dec/51/adec51-306.htm
#   1998        BH BR GA GM SI          https://press.un.org/en/1998/19981008.ga9474.html (GA/9474)
#   1999        AR CA MY NA NL          GA/9474
#   2000        BD JM ML TN UA          AP: http://oldtmt.vedomosti.ru/news/article/tmt/271228.html;
#                                       http://unis.unvienna.org/unis/en/pressrels/2000/ga1705.html
#   2001        CO IE MU NO SG          http://unis.unvienna.org/unis/en/pressrels/2000/ga1705.html
#   2002        BG CM GN MX SY          https://news.un.org/en/story/2001/10/16762
#   2003        AO CL DE PK ES          https://news.un.org/en/story/2003/10/83362-five-new-non-permanent-members-elected-security-council
#   2004        DZ BJ BR PH RO          the same UN News story
#   2005        AR DK GR JP TZ          https://unis.unvienna.org/unis/en/pressrels/2005/ga10401.html (GA/10401)
#   2006        CG GH PE QA SK          GA/10401
#   2007        BE ID IT PA ZA          dpa: https://www.rawstory.com/news/2006/Panama_elected_to_UN_Security_Counc_11072006.html
#   2008        BF CR HR LY VN          Reuters: https://mg.co.za/article/2007-10-16-libya-vietnam-burkina-faso-elected-to-un-council/
#   2009        AT JP MX TR UG          RIA: https://sputnikglobe.com/20081017/117809299.html
#   2010        BA BR GA LB NG          UN News, copied at http://afrol.com/articles/34437
#   2011        CO DE IN PT ZA          https://una.org.uk/news/new-security-council-members-elected
#   2012        AZ GT MA PK TG          UN News, copied at http://thesop.org/story/20111021/guatemala-morocco-and-pakistan-join-un-security-council.html;
#                                       http://www.cnn.com/2011/10/24/world/europe/un-security-council
#   2013        AR AU LU KR RW          http://www.reuters.com/article/un-council-vote-final-idUSL1E8LI9L420121018
#   2014        TD CL JO LT NG          https://rferl.org/amp/security-council-new-members/25140081.html (Saudi Arabia,
#                                       elected, declined the seat; Jordan was elected on 6 December 2013:
#                                       https://business-standard.com/amp/article/pti-stories/jordan-elected-to-un-security-council-113120700445_1.html)
#   2015        AO MY NZ ES VE          https://domain-b.com/economy/world-economy/un-elects-five-new-non-permanent-members-to-security-council
#   2016        EG JP SN UA UY          Xinhua: http://ecns.cn/2015/10-16/184532.shtml
#   2017        BO ET KZ SE, IT         https://business-standard.com/amp/article/pti-stories/italy-the-netherlands-to-share-2-yr-term-on-unsc-116062900910_1.html
#                                       (Italy and the Netherlands split the term: Italy sat in 2017,
#                                       the Netherlands in 2018)
#   2018        CI GQ KW PE PL          https://sputnikglobe.com/20170602/unsc-poland-elections-member-1054259056.html
#   2019        BE DO DE ID ZA          https://news.un.org/en/story/2018/06/1011731
#   2020        EE NE VC TN VN          https://www.un.org/press/en/2019/ga12152.doc.htm (GA/12152)
#   2021        IN IE KE MX NO          China News Service: https://www.tellerreport.com/news/2020-06-18-five-countries-including-india-elected-as-non-permanent-members-of-the-un-security-council.Hkf0eBKTL.html
#   2022        AL BR GA GH AE          UN News, copied at https://www.globalissues.org/amp/news/2021/06/11/28061
#   2023        EC JP MT MZ CH          AP: https://www.journal-news.com/nation-world/un-elects-new-council-members-including-japan-switzerland/77GYJRAA2ZE2HGE646FYO7ID5Y/
#   2024        DZ GY KR SL SI          https://www.newarab.com/news/algeria-among-new-countries-elected-un-security-council
#   2025        DK GR PK PA SO          https://anba.com.br/en/somalia-elected-to-un-security-council
#   2026        BH CO CD LV LR          press.un.org meetings coverage of 3 June 2025, as copied at
#                                       https://2x5yujeygj7rc.jollibeefood.rest/en/content/meetings-coverage?page=3;
#                                       dpa-AFX: https://www.finanznachrichten.de/nachrichten-2025-06/65585169-5-new-non-permanent-members-elected-to-un-security-council-020.htm
#
# Cross-checked against Global Policy Forum's table of elected members, which agrees for every year
# (its "2012-2014" for the 2012 intake is a typo for 2012-2013):
# https://archive.globalpolicy.org/security-council/security-council-as-an-institution/membership-of-the-security-council/40015.html
#
# Not yet in the table: 1946 to 1990 (eleven members until 1965). Sources found for them: Global
# Policy Forum's table, Wikipedia's page on each election, the meeting records on Wikisource.
# Whether Democratic Yemen (YD) held the 1990 seat before unification on 22 May 1990 was not
# established.

from __future__ import annotations

import datetime as dt

#: The permanent members other than the Soviet seat.
PERMANENT = ("CN", "FR", "GB", "US")

#: The Russian Federation continued the USSR's membership from this day.
RUSSIA_CONTINUES = dt.date(1991, 12, 24)

#: Elected members by year, in the codes of the day.
ELECTED: dict[int, tuple[str, ...]] = {
    1991: ("CI", "CU", "RO", "YE", "ZR", "AT", "BE", "EC", "IN", "ZW"),
    1992: ("AT", "BE", "EC", "IN", "ZW", "CV", "HU", "JP", "MA", "VE"),
    1993: ("CV", "HU", "JP", "MA", "VE", "BR", "DJ", "NZ", "PK", "ES"),
    1994: ("BR", "DJ", "NZ", "PK", "ES", "AR", "CZ", "NG", "OM", "RW"),
    1995: ("AR", "CZ", "NG", "OM", "RW", "BW", "DE", "HN", "ID", "IT"),
    1996: ("BW", "DE", "HN", "ID", "IT", "CL", "EG", "GW", "PL", "KR"),
    1997: ("CL", "EG", "GW", "PL", "KR", "CR", "JP", "KE", "PT", "SE"),
    1998: ("CR", "JP", "KE", "PT", "SE", "BH", "BR", "GA", "GM", "SI"),
    1999: ("BH", "BR", "GA", "GM", "SI", "AR", "CA", "MY", "NA", "NL"),
    2000: ("AR", "CA", "MY", "NA", "NL", "BD", "JM", "ML", "TN", "UA"),
    2001: ("BD", "JM", "ML", "TN", "UA", "CO", "IE", "MU", "NO", "SG"),
    2002: ("CO", "IE", "MU", "NO", "SG", "BG", "CM", "GN", "MX", "SY"),
    2003: ("BG", "CM", "GN", "MX", "SY", "AO", "CL", "DE", "PK", "ES"),
    2004: ("AO", "CL", "DE", "PK", "ES", "DZ", "BJ", "BR", "PH", "RO"),
    2005: ("DZ", "BJ", "BR", "PH", "RO", "AR", "DK", "GR", "JP", "TZ"),
    2006: ("AR", "DK", "GR", "JP", "TZ", "CG", "GH", "PE", "QA", "SK"),
    2007: ("CG", "GH", "PE", "QA", "SK", "BE", "ID", "IT", "PA", "ZA"),
    2008: ("BE", "ID", "IT", "PA", "ZA", "BF", "CR", "HR", "LY", "VN"),
    2009: ("BF", "CR", "HR", "LY", "VN", "AT", "JP", "MX", "TR", "UG"),
    2010: ("AT", "JP", "MX", "TR", "UG", "BA", "BR", "GA", "LB", "NG"),
    2011: ("BA", "BR", "GA", "LB", "NG", "CO", "DE", "IN", "PT", "ZA"),
    2012: ("CO", "DE", "IN", "PT", "ZA", "AZ", "GT", "MA", "PK", "TG"),
    2013: ("AZ", "GT", "MA", "PK", "TG", "AR", "AU", "LU", "KR", "RW"),
    2014: ("AR", "AU", "LU", "KR", "RW", "TD", "CL", "JO", "LT", "NG"),
    2015: ("TD", "CL", "JO", "LT", "NG", "AO", "MY", "NZ", "ES", "VE"),
    2016: ("AO", "MY", "NZ", "ES", "VE", "EG", "JP", "SN", "UA", "UY"),
    2017: ("EG", "JP", "SN", "UA", "UY", "BO", "ET", "IT", "KZ", "SE"),
    2018: ("BO", "ET", "NL", "KZ", "SE", "CI", "GQ", "KW", "PE", "PL"),
    2019: ("CI", "GQ", "KW", "PE", "PL", "BE", "DO", "DE", "ID", "ZA"),
    2020: ("BE", "DO", "DE", "ID", "ZA", "EE", "NE", "VC", "TN", "VN"),
    2021: ("EE", "NE", "VC", "TN", "VN", "IN", "IE", "KE", "MX", "NO"),
    2022: ("IN", "IE", "KE", "MX", "NO", "AL", "BR", "GA", "GH", "AE"),
    2023: ("AL", "BR", "GA", "GH", "AE", "EC", "JP", "MT", "MZ", "CH"),
    2024: ("EC", "JP", "MT", "MZ", "CH", "DZ", "GY", "KR", "SL", "SI"),
    2025: ("DZ", "GY", "KR", "SL", "SI", "DK", "GR", "PK", "PA", "SO"),
    2026: ("DK", "GR", "PK", "PA", "SO", "BH", "CO", "CD", "LV", "LR"),
}


def permanent_on(day: dt.date) -> tuple[str, ...]:
    """The permanent members on a day."""
    return (*PERMANENT, "RU" if day >= RUSSIA_CONTINUES else "SU")


def members_on(day: dt.date) -> frozenset[str] | None:
    """Every member of the Council on a day, or None for a year the table does not cover."""
    elected = ELECTED.get(day.year)
    if elected is None:
        return None
    return frozenset((*permanent_on(day), *elected))
