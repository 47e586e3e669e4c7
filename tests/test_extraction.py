"""Extraction, one fact kind at a time: on the seeds, and on new text that no seed contains."""

import datetime as dt

from smartgraph.documents import parse
from smartgraph.extraction import extract
from smartgraph.model import Facts


def _posts(f: Facts) -> dict[str, tuple[str, str, str]]:
    out = {}
    for p in f.posts:
        o = f.organizations[p.organization]
        out[f.persons[p.person].name] = (o.name_zh, o.country, f.roles[p.role].name_zh)
    return out


def _doc(body: str, date: str = "112/05/02") -> Facts:
    text = f"發布機關:臺北市政府秘書處\n\n發布日期:{date}\n\n聯絡人:王小明\n\n標題文字\n\n{body}\n"
    return extract(parse(text, "t.txt"))


def test_publisher_and_contacts(summit_facts: Facts) -> None:
    pub = summit_facts.organizations[summit_facts.publisher]
    assert pub.name_zh == "臺北市政府資訊局"
    assert [c.name.text for c in summit_facts.contacts] == ["林春霞", "吳茜妮"]
    assert all(c.phones == ("02-27208889分機8554", "0975205372") for c in summit_facts.contacts)
    assert summit_facts.places[summit_facts.home_city].name_en == "Taipei"


def test_people_with_posts(summit_facts: Facts) -> None:
    posts = _posts(summit_facts)
    assert posts["Gábor Kerpel-Fronius"] == ("布達佩斯市政府", "HU", "副市長")
    assert posts["柯文哲"][1:] == ("TW", "市長")
    assert posts["Rene Beerepoot"] == ("荷蘭在臺辦事處", "NL", "副代表")
    assert posts["呂新科"] == ("臺北市政府資訊局", "TW", "局長")
    assert posts["Kwon, Young-jin"][1:] == ("KR", "市長")
    assert posts["Randall Williams"][2] == "行政市長"
    assert posts["Val van den Broek"][1] == "CA"
    assert len(summit_facts.persons) >= 34


def test_one_office_written_two_ways_is_one_entity(summit_facts: Facts) -> None:
    reeves = [p for p in summit_facts.posts if summit_facts.persons[p.person].name == "Jordan Reeves"]
    assert len({p.organization for p in reeves}) == 1
    org = summit_facts.organizations[reeves[0].organization]
    assert "加拿大駐台北貿易辦事處" in (org.name_zh, *org.alt_names)


def test_events_sessions_and_dates(summit_facts: Facts) -> None:
    ev = summit_facts.events
    summit = next(e for e in ev.values() if e.category == "summit")
    assert (summit.start, summit.end) == (dt.date(2021, 3, 23), dt.date(2021, 3, 24))
    sessions = sorted((e for e in ev.values() if e.parent == summit.key), key=lambda e: e.session or 0)
    assert [(s.session, s.start) for s in sessions] == [(1, dt.date(2021, 3, 23)), (2, dt.date(2021, 3, 24))]
    expo = ev[summit.parent]
    assert expo.category == "expo" and "2021 Smart City Summit & Expo" in expo.names_en
    figures = {(f.kind, f.value) for f in summit.figures}
    assert {("countries", 30), ("registrants", 264), ("views", 2200)} <= figures
    assert summit.mixed_mode


def test_venue_and_duration(declaration_facts: Facts) -> None:
    summit = next(e for e in declaration_facts.events.values() if e.category == "summit")
    assert summit.start == dt.date(2016, 3, 22) and summit.end == dt.date(2016, 3, 23)
    assert declaration_facts.venues[summit.venue].name_zh == "南港展覽館"


def test_participation_online_and_in_person(summit_facts: Facts) -> None:
    parts = {(summit_facts.persons[p.person].name, p.event): p for p in summit_facts.participations}
    s1 = next(k for k, e in summit_facts.events.items() if e.session == 1)
    assert ("Michael Kašpar", s1) in parts and parts[("Michael Kašpar", s1)].mode == "online"
    summit = next(k for k, e in summit_facts.events.items() if e.category == "summit")
    assert parts[("Omer Caspi", summit)].mode == "in-person"


def test_agreements_planned(summit_facts: Facts) -> None:
    got = {(a.kind, a.status, summit_facts.places[a.parties[-1]].name_en) for a in summit_facts.agreements.values()}
    assert got == {("mou", "planned", "Budapest"), ("friendship", "planned", "Daegu"),
                   ("mou", "planned", "Lalitpur"), ("mou", "planned", "Medellín")}
    topics = {a.topic for a in summit_facts.agreements.values()}
    assert "觀光交流合作" in topics


def test_declaration_with_bilingual_commitments(declaration_facts: Facts) -> None:
    (decl,) = declaration_facts.agreements.values()
    assert decl.kind == "declaration" and decl.status == "signed"
    assert decl.date == dt.date(2016, 3, 22)
    assert [c.position for c in decl.commitments] == [1, 2, 3, 4, 5]
    assert all({lang for lang, _ in c.texts} == {"zh-Hant", "en"} for c in decl.commitments)
    assert ("en", "Taipei Declaration on Smart Cities") in decl.names


def test_sister_cities(summit_facts: Facts) -> None:
    pairs = {frozenset(summit_facts.places[k].name_en for k in (s.a, s.b)) for s in summit_facts.sister_cities}
    assert pairs == {frozenset({"Taipei", "Daegu"}), frozenset({"Taipei", "Prague"})}


def test_statements_and_themes(summit_facts: Facts) -> None:
    by = {summit_facts.persons[s.speaker].name: s for s in summit_facts.statements}
    assert "Zdeněk Hřib" in by and "open-data" in by["Zdeněk Hřib"].themes
    assert by["Rene Beerepoot"].quote.text.startswith("荷蘭是以科技驅動城市治理")
    assert "；" not in by["Rene Beerepoot"].quote.text  # the next speaker's words are not his
    assert len(by) == 11


def test_new_text_people_places_and_an_mou() -> None:
    f = _doc(
        "臺北市副市長李四維今(5/2)日與日本福岡市市長 Soichiro Takashima 共同簽署智慧交通合作備忘錄，"
        "波蘭華沙副市長 Anna Nowak 亦出席。"
    )
    posts = _posts(f)
    assert posts["Soichiro Takashima"] == ("福岡市政府", "JP", "市長")
    assert posts["Anna Nowak"][1:] == ("PL", "副市長")
    assert posts["李四維"][1:] == ("TW", "副市長")
    (mou,) = f.agreements.values()
    assert mou.status == "signed" and mou.date == dt.date(2023, 5, 2)
    assert {f.places[p].name_en for p in mou.parties} == {"Taipei", "Fukuoka"}
    assert mou.topic == "智慧交通合作"


def test_new_text_unknown_city_after_a_country() -> None:
    f = _doc("烏干達坎帕拉市市長 Erias Lukwago 表示，樂見雙方交流。")
    (post,) = f.posts
    org = f.organizations[post.organization]
    assert org.country == "UG"
    assert f.persons[post.person].name == "Erias Lukwago"
    assert [s.quote.text for s in f.statements] == ["樂見雙方交流。"]


# ----------------------------------------------------------------------------- English releases (invented examples)


def _en_release(body: str, date: str = "2023-05-02", source: str = "Secretariat, Taichung City Government",
        title: str = "City News") -> Facts:
    text = f"Date: {date}\nSource: {source}\n\n{title}\n\n{body}\n"
    return extract(parse(text, "t.txt"))


def _party_names(f: Facts, keys: list[str]) -> set[str]:
    return {f.places[k].name_en if k in f.places else (f.organizations[k].name_en or f.organizations[k].name_zh) for k in keys}


def _agreements(f: Facts) -> list[tuple[str, str, dt.date | None, frozenset[str]]]:
    return sorted(((a.kind, a.status, a.date, frozenset(_party_names(f, a.parties))) for a in f.agreements.values()),
                  key=lambda x: (x[0], sorted(x[3]), str(x[2])))


def test_english_places_home_city_and_a_hint_for_a_name_two_places_bear() -> None:
    f = _en_release("Mayor Lin met the Mayor of Portland, Oregon, and officials from Aurora, Colorado, at Taichung City Hall.")
    assert f.places[f.home_city].name_en == "Taichung"
    assert f.document.language == "en"
    names = {(p.name_en, p.country) for p in f.places.values()}
    assert ("Aurora", "US") in names and ("Portland", "US") in names


def test_english_mou_signed_today_with_two_parties_and_its_topic() -> None:
    f = _en_release("Taichung Mayor Lin Mei-hua and Mayor Tom Baker of Portland, Oregon, today (2nd) signed a memorandum of "
            "understanding (MOU) on smart transport at Taichung City Hall.")
    assert _agreements(f) == [("mou", "signed", dt.date(2023, 5, 2), frozenset({"Taichung", "Portland"}))]
    assert next(iter(f.agreements.values())).topic == "smart transport"


def test_english_planned_agreement_is_planned_and_undated() -> None:
    f = _en_release("Taichung will sign a letter of intent on cultural exchanges with the City of Lyon next month, the city said.")
    assert _agreements(f) == [("mou", "planned", None, frozenset({"Taichung", "Lyon"}))]


def test_english_memorandums_with_listed_cities_are_one_agreement_each() -> None:
    f = _en_release("At the ceremony the city signed memorandums of understanding with three cities in Japan: Sendai, Kobe "
            "and Nara. The memorandums cover tourism and education.")
    assert {tuple(sorted(a[3])) for a in _agreements(f)} == {("Sendai", "Taichung"), ("Kobe", "Taichung"), ("Nara", "Taichung")}
    assert {a[0] for a in _agreements(f)} == {"mou"}


def test_english_two_memorandums_one_on_each_topic() -> None:
    f = _en_release("Taichung and Perth signed two memorandums of understanding today, one on tourism and one on sports.")
    found = sorted(a.topic for a in f.agreements.values())
    assert found == ["sports", "tourism"]
    assert all(_party_names(f, a.parties) == {"Taichung", "Perth"} for a in f.agreements.values())


def test_english_sister_cities_and_friendship_cities() -> None:
    f = _en_release("Taichung and Perth have been sister cities since 1999. Taichung and Sendai became friendship cities in 2010.")
    ties = {frozenset(_party_names(f, [s.a, s.b])) for s in f.sister_cities}
    assert ties == {frozenset({"Taichung", "Perth"})}  # a friendship city is an agreement, not a sister city
    kinds = {(a[0], a[3]) for a in _agreements(f)}
    assert ("friendship", frozenset({"Taichung", "Sendai"})) in kinds and ("friendship", frozenset({"Taichung", "Perth"})) in kinds


def test_english_a_later_definite_mention_is_the_same_agreement() -> None:
    f = _en_release("Taichung Mayor Lin and Perth Lord Mayor Basil Warrick signed a sister city agreement on Monday. "
            "Lin said the agreement would bring the two cities closer, and Warrick thanked Lin for signing the agreement.")
    assert _agreements(f) == [("friendship", "signed", dt.date(2023, 5, 1), frozenset({"Taichung", "Perth"}))]


def test_english_organisations_as_parties_and_a_declaration_of_the_home_city() -> None:
    f = _en_release("The two zoos signed an MOU on panda conservation between the Taichung Zoo and the Perth Zoo on Monday. "
            "At the closing session, Mayor Lin issued the Taichung Declaration on Clean Air.")
    kinds = _agreements(f)
    assert ("mou", "signed", dt.date(2023, 5, 1), frozenset({"Taichung Zoo", "Perth Zoo"})) in kinds
    assert ("declaration", "signed", None, frozenset({"Taichung"})) in kinds or \
        any(k[0] == "declaration" and k[3] == frozenset({"Taichung"}) for k in kinds)


def test_english_named_event_with_dates_its_ceremony_and_a_generic_mention() -> None:
    f = _en_release("The 2023 Clean Air Summit and Expo opened at the Taichung Exhibition Center on Monday (May 1) and runs until "
            "May 4. The opening ceremony of the 2023 Clean Air Summit and Expo drew 500 guests. Mayor Lin told the summit "
            "that clean air is a right.")
    names = {n: e for e in f.events.values() for n in e.names_en}
    summit = names["2023 Clean Air Summit and Expo"]
    assert (summit.start, summit.end) == (dt.date(2023, 5, 1), dt.date(2023, 5, 4))
    opening = names["opening ceremony of the 2023 Clean Air Summit and Expo"]
    assert opening.parent == summit.key and opening.start == dt.date(2023, 5, 1)
    assert "Exhibition" not in " ".join(names)  # a venue is no event
    assert len(f.events) == 2  # "the summit" is the one named


def test_english_editions_of_one_event_stay_apart() -> None:
    f = _en_release("The Harbor Forum 2023 closed today (2nd). The city hosted the first Harbor Forum in 2015, and the forum "
            "has grown every year since.")
    forums = {n: e for e in f.events.values() for n in e.names_en}
    assert forums["Harbor Forum 2023"].key != forums["first Harbor Forum"].key
    assert forums["Harbor Forum 2023"].start == dt.date(2023, 5, 2)


def test_english_words_that_are_no_events() -> None:
    f = _en_release("Officials toured the Taichung Exhibition Center and the Forum Hall, and the forum participants joined "
            "plenary debates.")
    assert not f.events


# ----------------------------------------------------------------------------- English people (invented names)


def _en(body: str) -> Facts:
    text = ("Publish Date: 2024-05-02\nData Source: Department of Information Technology\n\n"
            f"Taichung Hosts a Visiting Delegation\n\n{body}\n")
    facts = extract(parse(text, "en.txt"))
    assert facts.document.language == "en"
    return facts


def _en_posts(f: Facts) -> dict[str, tuple[str, str, str]]:
    out = {}
    for p in f.posts:
        o = f.organizations[p.organization]
        out[f.persons[p.person].name] = (o.name_zh, o.country, p.role)
    return out


def test_english_place_title_name_and_bracketed_han_name_are_one_person() -> None:
    f = _en("Taichung City Mayor Wang Mei-lan (王美蘭) and Brno Mayor Tomas Novak signed a memorandum today. "
            "Wang said the two cities share many goals.")
    posts = _en_posts(f)
    assert posts["王美蘭"] == ("臺中市政府", "TW", "mayor")
    assert posts["Tomas Novak"][1:] == ("CZ", "mayor")
    person = next(p for p in f.persons.values() if p.name == "王美蘭")
    assert person.alt_names == ("Wang Mei-lan",)
    assert {f.persons[s.speaker].name for s in f.statements} == {"王美蘭"}


def test_english_appositive_and_of_the_organisation() -> None:
    f = _en("Anna Kowalczyk, Mayor of Warsaw, met Director Chao Yu-ting of the Taichung City Government Economic "
            "Development Bureau. Peter Lund, chairman of the Nordic Harbour Association, said the port would grow.")
    posts = _en_posts(f)
    assert posts["Anna Kowalczyk"][1:] == ("PL", "mayor")
    assert posts["Chao Yu-ting"] == ("Taichung City Government Economic Development Bureau", "TW", "commissioner")
    assert posts["Peter Lund"][0] == "Nordic Harbour Association"
    assert {f.persons[s.speaker].name for s in f.statements} == {"Peter Lund"}


def test_english_short_mentions_and_family_names_find_the_full_name() -> None:
    f = _en("Deputy Mayor Hsieh Po-wen welcomed Governor Daniel Moreau of Quebec. Deputy Mayor Hsieh said the visit "
            "mattered. Moreau said he was glad to be in Taichung.")
    assert {f.persons[s.speaker].name for s in f.statements} == {"Hsieh Po-wen", "Daniel Moreau"}
    assert len(f.persons) == 2
    posts = _en_posts(f)
    assert posts["Hsieh Po-wen"] == ("臺中市政府", "TW", "deputy-mayor")


def test_english_honorific_and_a_name_repeated_with_fewer_words() -> None:
    f = _en("Ms. Julia K. Ferreira, Mayor of Porto, toured the harbour. Mayor Julia Ferreira said trade would grow. "
            "Dr. Samuel Osei also attended.")
    names = {p.name for p in f.persons.values()}
    assert "Julia K. Ferreira" in names and "Julia Ferreira" not in names
    assert "Samuel Osei" in names


def test_english_nationality_and_council_affiliations() -> None:
    f = _en("Japanese Ambassador Kenji Mori and Taichung City Council Speaker Lin Chia-hao attended the forum.")
    posts = _en_posts(f)
    assert posts["Kenji Mori"][1:] == ("JP", "ambassador")
    assert posts["Lin Chia-hao"] == ("Taichung City Council", "TW", "speaker")


def test_english_headline_words_are_no_person() -> None:
    f = _en("The city signed two agreements.\n\nDeputy Mayor Lin Leads Main Delegation\n\nThe delegation left on Monday.")
    assert not f.persons


def test_english_words_said_before_the_speaker_make_a_statement_with_its_span() -> None:
    f = _en("Deputy Mayor Hsieh Po-wen greeted the guests. \"The harbour will keep growing,\" Hsieh said.")
    (st,) = f.statements
    assert f.persons[st.speaker].name == "Hsieh Po-wen"
    assert st.quote.text.startswith("\"The harbour will keep growing")
    assert st.span.start < st.span.end and st.span.text.endswith("said")


def test_english_title_names_its_post_by_the_organisation() -> None:
    f = _en("Hall Min-seo (洪敏舒), director of the Taipei Economic and Cultural Office in Lisbon, met Ana Ribeiro, "
            "director of the Porto Youth Office. Porto Harbour Friends Association chairman Rui Costa and "
            "Porto City Council Chairwoman Maria Lopes attended, with Tomas Berg, president of the Nordic Rowing "
            "League.")
    posts = _en_posts(f)
    assert posts["洪敏舒"][2] == "director-division"  # a family name that is also a word, before a hyphenated given name
    assert posts["Ana Ribeiro"][2] == "director"
    assert posts["Rui Costa"] == ("Porto Harbour Friends Association", "PT", "president-association")
    assert posts["Maria Lopes"][2] == "speaker"
    assert posts["Tomas Berg"] == ("Nordic Rowing League", "", "president-society")


def test_english_list_after_a_plural_title_and_a_city_councilor_is_of_the_council() -> None:
    f = _en("Three Taichung City councilors, Wu Pei-lin, Kao Ming-che and Tsai Yu-hsuan, travelled with the mayor. "
            "Keelung City Councilor Ong Li-hua (翁麗華) also came.")
    posts = _en_posts(f)
    for name in ("Wu Pei-lin", "Kao Ming-che", "Tsai Yu-hsuan"):
        assert posts[name] == ("Taichung City Council", "TW", "city-councillor")
    assert posts["翁麗華"] == ("Keelung City Council", "TW", "city-councillor")


def test_english_participation_delegation_members_future_and_at_the_event() -> None:
    f = _en("Taichung City held the 2024 Harbour Lights Forum today (2nd). The delegation included Deputy Mayor "
            "Hsieh Po-wen and Commissioner Lo Chia-yi (羅佳怡). At the forum, Porto Mayor Rui Costa presented the "
            "port's plans. Brno Mayor Tomas Novak will attend the next forum in 2025.")
    took_part = {f.persons[p.person].name for p in f.participations}
    assert {"Hsieh Po-wen", "羅佳怡", "Rui Costa"} <= took_part
    assert "Tomas Novak" not in took_part


def test_english_a_tally_of_agreements_is_none_and_a_named_declaration_takes_its_ceremony_day() -> None:
    f = _en_release("The 2023 Clean Air Forum closed today (2nd). At the closing ceremony, Mayor Lin and 20 city leaders "
                    "signed the 2023 Clean Air Forum Declaration. Several agreements were signed on the sidelines of the "
                    "forum, and Taichung and Perth signed an MOU on air quality monitoring.")
    kinds = _agreements(f)
    assert ("declaration", "signed", dt.date(2023, 5, 2), frozenset({"Taichung"})) in kinds
    assert [k for k in kinds if k[0] == "mou"] == [("mou", "signed", dt.date(2023, 5, 2), frozenset({"Taichung", "Perth"}))]


def test_english_affiliation_stops_at_a_named_partner_and_a_lower_case_title_is_an_appositive() -> None:
    f = _en("Taichung Mayor Lo Wen-hao (羅文豪) arrived in Seoul. Lo and Incheon Mayor Kim Sun-ja (金善子) signed a "
            "letter. Song Min-ho, chief executive of the Incheon Art Foundation, attended.")
    posts = _en_posts(f)
    assert posts["金善子"][1:] == ("KR", "mayor")
    assert "Lo" not in posts["金善子"][0]
    assert posts["Song Min-ho"] == ("Incheon Art Foundation", "KR", "ceo")
    assert "Art Foundation" not in {p.name for p in f.persons.values()}


def test_english_list_item_takes_the_previous_body_only_for_a_title_of_its_kind() -> None:
    f = _en("The agreement was signed before Taichung City Council Speaker Chang Li-wen (張麗文), Deputy Minister "
            "Ho Yu-ting (何雨婷) and Councilor Pan Chih-hao (潘志豪).")
    posts = _en_posts(f)
    assert posts["張麗文"][0] == "Taichung City Council"
    assert posts["何雨婷"][0] != "Taichung City Council"


def test_english_statement_is_made_at_the_event_its_paragraphs_are_about() -> None:
    f = _en("The 2024 Harbour Lights Forum opened in Taichung today (2nd).\n\n"
            "The Green Port Awards ceremony was held at the forum this afternoon. Deputy Mayor Hsieh Po-wen said the "
            "winners set an example.\n\n"
            "Peter Lund, chairman of the Nordic Harbour Association, said the ports would keep working together.")
    events = {f.persons[s.speaker].name: s.event for s in f.statements}
    assert "Hsieh Po-wen" in events and "Peter Lund" in events
    assert events["Hsieh Po-wen"] == events["Peter Lund"] != ""
    assert "award" in events["Hsieh Po-wen"].lower() or "ceremony" in events["Hsieh Po-wen"].lower()


def test_english_a_signing_is_an_event_named_by_its_places_and_its_signers_took_part() -> None:
    f = _en_release("Taichung Mayor Lo Wen-hao (羅文豪) and Perth Lord Mayor Anna Greer signed a sister city agreement "
                    "at Taichung City Hall today (2nd). The two cities signed an MOU on tourism in 2019. Mayor Lo will "
                    "sign another agreement with Darwin next year.")
    signings = [e for e in f.events.values() if any("signing" in n for n in e.names_en)]
    assert len(signings) == 1
    ev = signings[0]
    assert ev.names_en == ["Taichung–Perth signing"]
    assert ev.start == dt.date(2023, 5, 2)
    took_part = {f.persons[p.person].name for p in f.participations if p.event == ev.key}
    assert took_part == {"羅文豪", "Anna Greer"}


def test_english_a_signing_no_one_is_named_at_is_no_event() -> None:
    f = _en_release("Several agreements were signed on the sidelines of the forum, and Taichung and Perth signed an "
                    "MOU on air quality monitoring.")
    assert not [e for e in f.events.values() if any("signing" in n for n in e.names_en)]


def test_english_a_trip_to_a_country_is_a_visit_its_leader_and_members_took_part_in() -> None:
    f = _en_release("From April 24 to 30, Mayor Lo Wen-hao (羅文豪) headed a city delegation on a seven-day visit to "
                    "Canada that took in Toronto and Montreal. The delegation included Councilor Pan Chih-hao (潘志豪).\n\n"
                    "Montreal Mayor Anna Greer hopes to make a return visit to Taichung next year.", date="2023-05-02")
    visits = [e for e in f.events.values() if e.category == "visit"]
    assert [v.names_en for v in visits] == [["seven-day visit to Canada"]]
    assert (visits[0].start, visits[0].end) == (dt.date(2023, 4, 24), dt.date(2023, 4, 30))
    took_part = {f.persons[p.person].name for p in f.participations if p.event == visits[0].key}
    assert {"羅文豪", "潘志豪"} <= took_part
    assert "Anna Greer" not in took_part


def test_english_a_signing_on_a_trip_is_its_own_event_and_the_delegation_went_on_the_trip() -> None:
    f = _en_release("Mayor Lo Wen-hao (羅文豪) on Monday signed a friendship city agreement with Darwin in Australia, the "
                    "first stop of a city delegation's trip to Australia this week.\n\n"
                    "The delegation included Councilor Pan Chih-hao (潘志豪) and Director Wu Mei-ling (吳美玲).",
                    date="2023-05-03")
    trips = [e for e in f.events.values() if e.category == "visit"]
    signings = [e for e in f.events.values() if any("signing" in n for n in e.names_en)]
    assert len(trips) == 1 and len(signings) == 1
    assert not any("signing" in n for n in trips[0].names_en)
    on_trip = {f.persons[p.person].name for p in f.participations if p.event == trips[0].key}
    assert {"潘志豪", "吳美玲"} <= on_trip
    at_signing = {f.persons[p.person].name for p in f.participations if p.event == signings[0].key}
    assert "羅文豪" in at_signing and "潘志豪" not in at_signing


def test_english_who_signed_an_mou_told_after_its_signing_took_part_where_it_was_signed() -> None:
    f = _en_release("The 2023 Harbor Cities Forum, held in Taichung on May 1 and 2, came to a close today (2nd). At the "
                    "closing ceremony, Mayor Lo Wen-hao (羅文豪) and Perth Lord Mayor Anna Greer witnessed the signing of an "
                    "MOU on port logistics.\n\n"
                    "The MOU was signed by Commissioner Pan Chih-hao (潘志豪) of the Taichung City Government Economic "
                    "Development Bureau and Director Wu Mei-ling (吳美玲) of the Perth port authority.")
    ceremony = next(k for k, e in f.events.items() if any("closing ceremony" in n for n in e.names_en))
    at_ceremony = {f.persons[p.person].name for p in f.participations if p.event == ceremony}
    assert {"潘志豪", "吳美玲"} <= at_ceremony


def test_english_who_travelled_with_the_leader_and_whom_they_met_took_part_in_the_trip() -> None:
    f = _en_release("From April 24 to 30, Mayor Lo Wen-hao (羅文豪) headed a city delegation on a seven-day visit to "
                    "Canada. Two councilors, Pan Chih-hao (潘志豪) and Wu Mei-ling (吳美玲), travelled with the mayor.\n\n"
                    "In Toronto, Mayor Lo met Toronto Mayor Anna Greer and spoke to city councilors.\n\n"
                    "On Friday, Mayor Lo is due to meet Montreal Mayor Peter Lund, visit a museum and attend a dinner.",
                    date="2023-05-02")
    trip = next(k for k, e in f.events.items() if e.category == "visit")
    on_trip = {f.persons[p.person].name for p in f.participations if p.event == trip}
    assert {"羅文豪", "潘志豪", "吳美玲", "Anna Greer"} <= on_trip
    assert "Peter Lund" not in on_trip


def test_english_a_signing_at_a_named_event_is_an_event_of_its_own() -> None:
    f = _en_release("Mayor Lo Wen-hao (羅文豪) and Perth Lord Mayor Anna Greer signed a friendship agreement today (2nd) at "
                    "a ceremony held inside the venue of the 2023 Travel Expo in Perth.")
    signing = next(k for k, e in f.events.items() if any("signing" in n for n in e.names_en))
    expo = next(k for k, e in f.events.items() if any("Travel Expo" in n for n in e.names_en))
    assert signing != expo
    at_signing = {f.persons[p.person].name for p in f.participations if p.event == signing}
    assert at_signing == {"羅文豪", "Anna Greer"}


def test_english_a_signing_by_then_officials_is_no_event_and_the_trip_leader_is_on_the_trip() -> None:
    f = _en_release("Mayor Lo Wen-hao (羅文豪) and Perth Lord Mayor Anna Greer signed a sister city agreement today (2nd). "
                    "A first memorandum was signed online by then-Perth Lord Mayor Peter Lund and then-Deputy Mayor Pan "
                    "Chih-hao (潘志豪).")
    signing = next(k for k, e in f.events.items() if any("signing" in n for n in e.names_en))
    at_signing = {f.persons[p.person].name for p in f.participations if p.event == signing}
    assert at_signing == {"羅文豪", "Anna Greer"}
    g = _en_release("Mayor Lo Wen-hao (羅文豪) on Monday signed a friendship city agreement with Darwin in Australia, the "
                    "first stop of a city delegation's trip to Australia this week.", date="2023-05-03")
    trip = next(k for k, e in g.events.items() if e.category == "visit")
    assert "羅文豪" in {g.persons[p.person].name for p in g.participations if p.event == trip}


def test_english_an_event_named_in_a_body_s_name_is_no_event_of_the_sentence() -> None:
    f = _en("Mayor Lo Wen-hao (羅文豪) visited Paris and met Anne Moreau, president of the Paris Organising Committee of the "
            "Olympic and Paralympic Games, at the city hall.")
    assert not any("Olympic" in n for e in f.events.values() for n in e.names_en)
    assert not any("Olympic" in k for k in (p.event for p in f.participations))
