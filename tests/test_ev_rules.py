"""Events and who took part in them (session 11), on invented releases and news in the forms real pages take."""

import datetime as dt

from smartgraph.dates import recognise_dates
from smartgraph.documents import parse
from smartgraph.extraction import extract
from smartgraph.model import Event, Facts
from tests.releases import posts as _posts


def _zh(body: str, date: str = "114/05/06", source: str = "t.txt") -> Facts:
    text = f"發布機關:臺北市政府秘書處\n\n發布日期:{date}\n\n{body}\n"
    return extract(parse(text, source))


def _en(body: str, date: str = "2023-04-01", source: str = "t-en.txt") -> Facts:
    return extract(parse(f"Publish Date: {date}\nData Source: Secretariat\n\n{body}\n", source))


def _named(f: Facts, word: str) -> Event:
    found = [e for e in f.events.values() if any(word in n for n in e.names_zh + e.names_en)]
    assert found, [e.names_zh + e.names_en for e in f.events.values()]
    return found[0]


def _took_part(f: Facts) -> dict[str, set[str]]:
    """Each person's name -> the first names of the events they took part in."""
    out: dict[str, set[str]] = {}
    for p in f.participations:
        e = f.events[p.event]
        out.setdefault(f.persons[p.person].name, set()).add((e.names_zh + e.names_en)[0])
    return out


# dates of events


def test_a_day_in_a_clause_of_cause_does_not_date_the_event_of_another_clause() -> None:
    f = _zh("甲市長率團出席雙城論壇\n\n"
            "甲市長王大明原訂27、28日赴乙市出席「2025甲乙城市論壇」，但因19日晚間市區發生停電事故，決定縮短行程。",
            date="114/12/27")
    e = _named(f, "甲乙城市論壇")
    assert e.start == dt.date(2025, 12, 27) and e.end == dt.date(2025, 12, 28)


def test_the_day_a_forum_was_announced_is_not_its_day() -> None:
    f = _zh("北市首屆國際論壇下旬登場\n\n"
            "市府今天公布，16日上午將在市內飯店舉行「2025甲城國際城市論壇」，邀請各國城市代表出席。")
    e = _named(f, "甲城國際城市論壇")
    assert e.start == dt.date(2025, 5, 16) and e.end == dt.date(2025, 5, 16)


def test_a_week_day_a_stretch_of_time_runs_until_is_ahead() -> None:
    # a Wednesday: the expo that opened yesterday runs until the Friday after it
    days = [(m.date, m.kind) for m in recognise_dates("The expo runs until Friday.", dt.date(2019, 3, 27))]
    assert days and days[0][0] == dt.date(2019, 3, 29)
    f = _en("Expo opens in Northtown\n\n"
            "The Green Port Summit and Expo opened at the Northtown Exhibition Center yesterday. "
            "The expo, which runs until Friday, is cohosted by the city government.", date="2019-03-27")
    e = _named(f, "Green Port Summit and Expo")
    assert e.start == dt.date(2019, 3, 26) and e.end == dt.date(2019, 3, 29)


# names of events


def test_the_days_before_an_english_name_are_its_dates_not_its_name() -> None:
    f = _en("Mayor visits Northtown\n\n"
            "Mayor Alan Brook of Easton and a deputy arrived in Northtown to attend the March 30-April 1 "
            "Harbor Cities Summit and Expo, per the city government.")
    e = _named(f, "Harbor Cities Summit and Expo")
    assert "Harbor Cities Summit and Expo" in e.names_en
    assert not any(n.startswith("March") for n in e.names_en)
    assert e.start == dt.date(2023, 3, 30) and e.end == dt.date(2023, 4, 1)


def test_a_headline_s_ceremony_of_a_summit_is_the_ceremony_the_body_names() -> None:
    f = _en("Mayor Attends Opening Ceremony of 2023 Green Port Mayors' Summit\n\n"
            "On March 28, Mayor Alan Brook attended the opening ceremony of the 2023 Green Port Mayors' Summit. "
            "He delivered a welcoming address to the participants.", date="2023-03-28")
    summits = [e for e in f.events.values() if e.category == "summit"]
    assert summits and not any(n.startswith("Ceremony") for e in summits for n in e.names_en)
    ceremonies = [e for e in f.events.values() if e.category == "ceremony"]
    assert len(ceremonies) == 1  # the headline's and the body's are one


# who took part


def test_who_will_attend_tomorrow_has_not_taken_part_yet() -> None:
    f = _zh("甲市副市長率團出發 參加雙城論壇\n\n"
            "甲市副市長李小華今(27)日率市府團隊啟程前往乙市，參加為期二天的「2025甲乙城市論壇」。"
            "市長王大明預訂明(28)日上午前往乙市，出席主論壇活動。", date="114/12/27")
    took = _took_part(f)
    assert "李小華" in took
    assert "王大明" not in took


def test_the_people_after_an_earlier_visit_s_clause_met_this_visit() -> None:
    f = _zh("丙市市長一行到訪 甲市議會熱情接待\n\n"
            "日本丙市市長山田一郎今天首度拜訪甲市議會，議長陳美玲熱情接待。"
            "訪問團由山田一郎率市府團隊一行12人到訪，這是繼2019年前市長田中次郎率團來台後，睽違多年再相見。"
            "陳美玲則率議員林志強、黃國華等人迎接，雙方互動熱烈。", date="115/01/28")
    took = _took_part(f)
    visit = _named(f, "拜訪甲市議會").names_zh[0]
    assert visit in took.get("林志強", set()) and visit in took.get("黃國華", set())
    assert visit in took.get("山田一郎", set())
    earlier = {n for e in f.events.values() if e.start is None for n in e.names_zh[:1]}
    assert not (took.get("林志強", set()) & earlier)


def test_the_general_assembly_of_a_named_body_is_an_event() -> None:
    f = _en("Mayor heads to Easton\n\n"
            "Northtown Mayor Alan Brook yesterday departed for Easton to attend the general assembly of the Easton "
            "Fruit Growers' and Traders' Association and explore business opportunities.", date="2019-01-29")
    e = _named(f, "general assembly of the Easton")
    assert e.names_en[0] == "general assembly of the Easton Fruit Growers' and Traders' Association"


def test_a_mayor_visited_by_another_met_them() -> None:
    f = _en("Easton mayor visits Northtown\n\n"
            "The mayor of Easton's Old Town visited Northtown City Mayor Alan Brook Friday (March 31) to discuss "
            "tourism cooperation.")
    took = _took_part(f)
    assert any(n.startswith("meeting with") for n in took.get("Alan Brook", set()))


def test_today_written_alone_before_the_verb_dates_a_visit() -> None:
    days = [(m.date, m.kind) for m in recognise_dates("乙市市長金大中今赴甲市拜會市長", dt.date(2026, 1, 7))]
    assert days == [(dt.date(2026, 1, 7), "relative")]
    assert not recognise_dates("兩市至今與多國往來", dt.date(2026, 1, 7))
    assert not recognise_dates("現今正是轉型的時機", dt.date(2026, 1, 7))
    f = _zh("乙市市長訪甲市 簽署交流備忘錄\n\n"
            "乙市市長金大中今赴甲市拜會甲市長王大明，雙方簽署友好交流備忘錄。", date="115/01/07")
    e = _named(f, "拜會甲市長王大明")
    assert e.start == dt.date(2026, 1, 7)


def test_a_remark_that_the_visit_is_the_first_is_no_other_visit() -> None:
    f = _zh("乙市市長訪甲市\n\n"
            "乙市市長金大中今(7)日赴甲市拜會甲市長王大明，也是他首次到訪台灣。", date="115/01/07")
    visits = [e for e in f.events.values() if e.category == "visit"]
    assert len(visits) == 1, [e.names_zh for e in visits]
    assert not any(n.startswith("是") for e in visits for n in e.names_zh)


# where a Chinese event name begins (session 12)


def test_a_count_that_opens_a_word_does_not_cut_the_name() -> None:
    # 「Top5國際」: 5國 reads like a count of countries (「3國論壇」), but 國 opens 國際
    f = _zh("甲市共同主辦國際論壇\n\n甲市政府今(6)日宣布，明年將共同主辦ABC Top5國際永續城市論壇。")
    names = [n for e in f.events.values() for n in e.names_zh]
    assert "ABC Top5國際永續城市論壇" in names, names
    assert not any(n.startswith("際") for n in names), names


def test_a_name_does_not_begin_inside_the_word_before_it() -> None:
    # 「本次」: 本 stops the name, and 次 belongs to it, not to the forum's name
    f = _zh("甲市出席論壇\n\n甲市政府今(6)日受邀出席本次Top 5永續城市論壇與頒獎典禮。")
    names = [n for e in f.events.values() for n in e.names_zh]
    assert any(n.startswith("Top 5永續城市論壇") for n in names), names
    assert not any(n.startswith("次") for n in names), names


def test_where_one_goes_is_no_part_of_the_event_name() -> None:
    f = _en("Mayor heads to Busan for Harbour Cities Forum\n\nMayor Alan Brook left for Busan on Monday to attend the forum.")
    names = [n for e in f.events.values() for n in e.names_en]
    assert "Harbour Cities Forum" in names and not any("Busan for" in n for n in names), names


def test_a_forum_told_again_with_a_verb_after_it_takes_its_days() -> None:
    f = _en("Mayor departs for forum\n\nMayor Alan Brook has departed for the Northtown-Southport City Forum in Southport.\n\n"
            "The forum began in 2012. This year’s forum runs from Sept. 2-4 and looks at green ports.",
            date="2023-08-29")
    e = _named(f, "Northtown-Southport City Forum")
    assert (e.start, e.end) == (dt.date(2023, 9, 2), dt.date(2023, 9, 4))


def test_the_day_after_a_site_visited_is_no_part_of_its_name() -> None:
    f = _en("Governor visits Northtown\n\nGovernor Alan Brook of Northshire and his delegation visited the Northtown City "
            "Government today (Aug 28) to mark the anniversary of the two places' friendship.", date="2023-08-28")
    names = [n for e in f.events.values() for n in e.names_en]
    assert "visit to the Northtown City Government" in names and not any("today" in n for n in names), names


def test_a_delegation_led_by_a_post_of_a_body_is_named_by_the_person() -> None:
    f = _en("Northshire delegation arrives in Tainan\n\nThe delegation, led by Chair of the Northshire Farmers' Party Alan Brook, "
            "visited Tainan City Hall today and was received by Tainan Mayor Huang Wei-min.", date="2023-08-29")
    names = [n for e in f.events.values() for n in e.names_en]
    assert "Brook's delegation visit to Tainan City Hall" in names and not any("Chair's" in n for n in names), names


def test_a_forum_announced_for_next_year_is_an_event_nobody_attended_yet() -> None:
    f = _zh("副市長訪問北港市\n\n北港市長林大同今天在市府接待臺北市副市長陳美玲。陳美玲說：「明年我們也將舉辦港口城市論壇，"
            "誠摯邀請北港市出席。」林大同表示，期待兩市交流更加密切。")
    forum = _named(f, "港口城市論壇")
    assert not [p for p in f.participations if p.event == forum.key]


def test_a_spokesperson_telling_the_trip_did_not_take_part_in_it() -> None:
    f = _zh("市長率團訪問北港市\n\n臺北市長陳大文今(6)日率團抵達北港市訪問，拜會北港市長林大同。"
            "市府發言人王小明指出，市長此行盼深化兩市在智慧城市領域的交流。")
    took = _took_part(f)
    assert "陳大文" in took
    assert "王小明" not in took


def test_the_delegates_a_news_story_lists_by_semicolons_attend_the_forum() -> None:
    f = _en("Forum opens in the city\n\nForty cities have confirmed their attendance at the Northern Ports Forum, which "
            "starts today, city officials said.\n\nThe delegates include Brisbane Lord Mayor Alan Brook from Australia; "
            "Medan Mayor Budi Santoso from Indonesia; and Male City Mayor Ali Hassan of the Maldives, the officials said.")
    took = _took_part(f)
    assert {"Alan Brook", "Budi Santoso", "Ali Hassan"} <= set(took)


def test_a_summit_named_on_its_subject_is_one_event_with_its_short_name() -> None:
    f = _en("Councilors meet in the port city\n\nCouncilors pose after the Coastal Exchange Summit on Saturday.\n"
            "Photo: Lin Mei, Taipei Daily\n\nThe Fifth Summit on Coastal Exchanges took place in Kaohsiung on Saturday with "
            "200 members from 30 assemblies. As the host, the city issued a proclamation, titled the Harbour Proclamation.",
            date="2023-04-02")
    summits = [e for e in f.events.values() if e.category == "summit"]
    assert len(summits) == 1, [e.names_en for e in summits]
    assert "Fifth Summit on Coastal Exchanges" in summits[0].names_en
    assert any(a.kind == "declaration" for a in f.agreements.values())
    assert not any(p.name_en == "Taipei" for p in f.places.values())  # the photo credit's paper names no place of the story


def test_a_trip_told_with_its_days_and_festivals_it_promoted_are_not_attended() -> None:
    f = _en("Deputy Mayor visits USA\n\nDeputy Mayor Alan Brook traveled to the United States on behalf of the Mayor during "
            "March 11-20, where he visited four cities. He invited them to join the Northport Shopping Festival, 2023 "
            "Harbour Golf Championship, and 2023 Lantern Festival.\n\nHe also promoted the Northport Shopping Festival and "
            "2023 Lantern Festival.\n\nDeputy Mayor Alan Brook met with Seaview Deputy Mayor Ann Lee at Seaview City Hall.",
            date="2023-03-22")
    trip = _named(f, "visit to the United States")
    took = _took_part(f)
    assert took.get("Alan Brook", set()) and not any("Festival" in n or "Championship" in n for n in took["Alan Brook"])
    assert not any(p.event != trip.key and "Festival" in " ".join(f.events[p.event].names_en) for p in f.participations)


def test_a_delegation_told_by_its_welcome_and_one_led_on_a_visit_to_two_cities() -> None:
    f = _en("Guests and trips\n\nThe Northern Trade Council (NTC) delegation to Taichung City Government on March 30, 2023 was "
            "warmly received by Deputy Mayor Ann Lee.\n\nOn March 24, Tainan City Mayor Alan Brook led a delegation of more than "
            "200 people on a visit to the cities of Hirado and Kumamoto in Japan.", date="2023-03-31")
    _named(f, "Northern Trade Council delegation visit to Taichung City Government")
    _named(f, "visit to Hirado and Kumamoto")


def test_a_headline_that_asks_whether_to_invite_someone_tells_no_visit() -> None:
    f = _zh("是否邀北港市長訪台 陳大文:樂觀其成\n\n北港記者協會今天赴臺北市府拜會市長陳大文，雙方就媒體交流交換意見。"
            "至於是否邀請北港市長訪台，陳大文表示樂觀其成。")
    assert not any("是否" in n or "邀" in n for e in f.events.values() for n in e.names_zh)


def test_someone_the_mayor_may_invite_did_not_come() -> None:
    f = _zh("記者協會拜會市長\n\n北港記者協會今天赴臺北市府拜會市長陳大文。至於是否有意邀請北港市長林大同抵台，陳大文表示樂觀其成。")
    assert "林大同" not in _took_part(f)


def test_a_verb_of_answering_before_an_event_is_not_its_name() -> None:
    f = _zh("市府點燈\n\n高雄市政府今(3)日晚間呼應姊妹市點燈紀念活動，在市府大樓點燈祝福。", date="110/07/03")
    assert not any("呼應" in n for e in f.events.values() for n in e.names_zh)


def test_a_guest_of_rank_received_at_the_hosts_seat_paid_a_call() -> None:
    f = _zh("副市長訪問北港市\n\n北港市長林大同今天親自在市府接待臺北市副市長陳美時等人，雙方就港口合作交換意見。\n\n"
            "陳美時在臺北市議員王小明陪同下參觀市府。")
    visits = [e for e in f.events.values() if e.category == "visit"]
    assert visits and any("陳美時" in n for e in visits for n in e.names_zh)
    took = _took_part(f)
    assert {"林大同", "陳美時"} <= set(took)


def test_the_leader_and_the_hosts_listed_by_the_city_took_part_in_the_call() -> None:
    f = _zh("記者協會拜會市長\n\n北港記者協會今天赴臺北市府拜會市長陳大文，雙方就媒體交流交換意見。\n\n"
            "市府媒體事務組說，這次記協前來拜會共有16人，由記協交流小組召集人王美玲帶隊，市府出席人員則有觀傳局長林志明及參議張大華。")
    took = _took_part(f)
    assert {"陳大文", "王美玲", "林志明", "張大華"} <= set(took)
    assert _posts(f).get("王美玲", ("", ""))[0] == "convener"
    assert _posts(f).get("林志明", ("", ""))[1] == "觀傳局"


def test_a_guest_who_visited_the_city_government_on_a_day_paid_a_call() -> None:
    f = _en("Deputy mayor pays a return visit\n\nDeputy Mayor Alan Brook of Daegu City visited Taipei City Government on "
            "23 February. He was warmly received by Deputy Mayor Ann Lee of Taipei City.", date="2023-02-24")
    visit = _named(f, "Daegu City visit to Taipei City Government")
    assert {"Alan Brook", "Ann Lee"} <= {n for n, evs in _took_part(f).items() if any("Daegu" in x for x in evs)}
    assert visit.category == "visit"
