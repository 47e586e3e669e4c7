"""People, their posts and their organisations on sentences shaped as real pages write them (invented names):
a preposition or a verb of visiting before a body's name, a clause word glued after a name, a body in quotes before
a title, a clause read after a surname and a title."""

from smartgraph.model import Facts
from tests.releases import en as _en
from tests.releases import posts as _posts
from tests.releases import zh as _zh


def _names(f: Facts) -> set[str]:
    return {p.name for p in f.persons.values()}


def test_a_preposition_before_a_body_is_not_part_of_its_name() -> None:
    f = _zh("市長感謝協會\n\n陳大文市長向北方青年交流協會會長王大明致謝，肯定協會多年來推動城市交流。")
    assert _posts(f).get("王大明") == ("president-society", "北方青年交流協會")


def test_a_verb_of_thanks_after_a_name_is_not_part_of_it() -> None:
    f = _zh("市長感謝協會\n\n市長在晚宴中向南方科技協會理事長林志明致謝。")
    assert "林志明" in _names(f)
    assert not any(n.startswith("林志明") and n != "林志明" for n in _names(f))


def test_a_verb_of_visiting_ends_the_clause_before_a_body() -> None:
    f = _zh("市長參訪藝術村\n\n陳大文市長今日走訪北方文化基金會董事長張美玲創辦的藝術村，了解駐村計畫。")
    assert _posts(f).get("張美玲") == ("chairman", "北方文化基金會")


def test_a_date_and_a_time_word_end_the_clause_before_a_body() -> None:
    f = _zh("大學校長拜會市府\n\n今(12)日上午北方科技大學校長周志成率團拜會市府，由陳大文市長接待。\n\n"
            "昨天下午南方海洋大學校長林國華也率團來訪。")
    assert _posts(f).get("周志成") == ("university-president", "北方科技大學")
    assert _posts(f).get("林國華") == ("university-president", "南方海洋大學")


def test_when_after_a_name_is_not_part_of_it() -> None:
    f = _zh("市長會見札幌市長\n\n陳大文市長會見日本札幌市長山田一郎時，雙方同意深化觀光交流。")
    assert "山田一郎" in _names(f)
    assert "山田一郎時" not in _names(f)


def test_a_body_in_quotes_before_a_title_is_the_affiliation() -> None:
    f = _zh("協會拜會市府\n\n「社團法人北方青年交流協會」理事長王大明今日率理監事拜會市府，陳大文市長親自接待。")
    assert _posts(f).get("王大明", ("", ""))[1] == "社團法人北方青年交流協會"


def test_a_surname_and_title_then_a_clause_names_nobody() -> None:
    f = _zh("市長訪日\n\n陳大文市長拜會日本札幌市森正雄市長。因札幌市森市長喜歡登山與釣魚，陳大文市長邀請他參加健行活動。"
            "北方協會歐陽會長曾任副市長，也陪同出席。")
    assert {"喜歡登山", "曾任"}.isdisjoint(_names(f))


def test_an_acronym_in_brackets_between_a_body_and_a_title() -> None:
    f = _en("Chamber visit\n\nKaohsiung, April 12 - Northshire Chamber of Commerce and Industry (NCCI) Chair Alan Brook "
            "said the two cities share a long history of trade.")
    assert _posts(f).get("Alan Brook", ("", ""))[1] == "Northshire Chamber of Commerce and Industry"


def test_a_transliterated_name_with_its_latin_form_before_a_title() -> None:
    f = _zh("鳳凰城市長來訪\n\n美國鳳凰城安東尼(Anthony Brook)市長今日率團拜會市府，陳大文市長親自接待。")
    role, org = _posts(f).get("安東尼", ("", ""))
    assert role == "mayor" and org.startswith("鳳凰城")


def test_a_lead_word_inside_a_places_name_does_not_cut_the_affiliation() -> None:
    f = _zh("首爾副市長來訪\n\n韓國首爾特別市副市長金大中今日拜會市府，雙方交換城市治理經驗。")
    role, org = _posts(f).get("金大中", ("", ""))
    assert role == "deputy-mayor" and org.startswith("首爾")


def test_a_title_that_opens_a_bodys_ending_is_no_title() -> None:
    f = _zh("州議會訪團\n\n美國科羅拉多州州參議會柯林斯（Mark Collins）議員表示歡迎。")
    assert all(p.role != "senior-counsellor" for p in f.posts)
    assert "會柯林斯" not in _names(f)


def test_a_chief_executive_of_a_company() -> None:
    f = _en("Logistics deal\n\nKaohsiung, April 12 - Jane Fox, CEO of Northwind Logistics, signed the contract. "
            "Northbay Shipping CEO Mark Lowe also attended.")
    posts = _posts(f)
    assert posts.get("Jane Fox", ("", ""))[0] == "ceo"
    assert posts.get("Mark Lowe") == ("ceo", "Northbay Shipping")


def test_a_society_post_with_no_body_named_is_in_the_society_named_before() -> None:
    f = _zh("協會拜會市府\n\n北方青年交流促進會會長王大明今日率理監事拜會市府，陳大文市長親自接待。"
            "雙方交流氣氛融洽，王大明會長、林志明副會長等人出席交流。")
    assert _posts(f).get("林志明") == ("vice-president-society", "北方青年交流促進會")


def test_an_acting_speaker_with_a_latin_name_in_brackets() -> None:
    f = _zh("州議會訪團\n\n美國科羅拉多州州參議會安娜（Anna Berg）代議長今日率團拜會市府，陳大文市長親自接待。")
    assert _posts(f).get("安娜") == ("acting-speaker", "科羅拉多州州參議會")


def test_a_second_title_right_after_a_names_latin_form_is_a_second_post() -> None:
    from smartgraph.documents import parse as parse_doc
    from smartgraph.extraction import recognise
    from smartgraph.extraction.text import make_text

    doc = parse_doc("發布機關:高雄市政府新聞局\n\n發布日期:113/04/12\n\n州議會訪團\n\n"
                    "陳大文市長特別提到團長安娜（Anna Berg）代議長曾走訪美國各州。\n", "t.txt")
    people = recognise.recognise(make_text(doc)).persons
    posts = {tm.title.key for p in people if p.name.text == "安娜" for tm, _ in p.posts}
    assert {"delegation-leader", "acting-speaker"} <= posts


def test_a_surname_that_is_also_an_adverb_keeps_a_given_name_that_opens_with_a_verb() -> None:
    # 曾 is the adverb before 用, 在, 赴 …, but 建, 招, 志 and many other verbs open given names
    f = _zh("研考會率團出席論壇\n\n此行由研考會主任秘書曾建雄率團，出席北方智慧城市論壇。")
    assert "曾建雄" in _names(f)
    f = _zh("議長出席論壇\n\n北方市議長曾用兩年走訪各地推動城市交流，今日出席論壇。")
    assert not any(n.startswith("曾用") for n in _names(f))


def test_a_word_after_a_name_does_not_pull_the_names_end_into_it() -> None:
    # 「張文平通過電話」: 通過 is the word after the name, so the name is not 張文平通 (+ 過電, also a word)
    f = _zh("大使來訪\n\n大使表示，來訪前曾與立法院前院長張文平通過電話，張文平也讚賞北方城市的交流。")
    assert "張文平" in _names(f)
    assert "張文平通" not in _names(f)


def test_a_headline_verb_in_title_case_is_no_part_of_a_name() -> None:
    head = "Northtown City Mayor Wen-li Tsao Meets US Delegation After Election: Democracy Deepens"
    f = _en(f"{head}\nLink to Content Area\n\n{head}\n\nMayor Wen-li Tsao of Northtown City met today with a bipartisan "
            "US delegation.\n\nIn his address, Mayor Tsao thanked the delegation.")
    assert "Wen-li Tsao" in _names(f)
    assert not any("Meets" in n for n in _names(f))


def test_a_department_named_with_its_university_after_a_comma() -> None:
    f = _en("Mayor meets scholars\n\nOthers at the meeting included Professor Alan Brook from the Department of Diplomacy, "
            "Northshire National University, and Professor Rose Lee of the School of Law, University of Southport.")
    assert _posts(f).get("Alan Brook") == ("professor", "Department of Diplomacy, Northshire National University")
    assert _posts(f).get("Rose Lee") == ("professor", "School of Law, University of Southport")


def test_a_city_commission_known_by_its_short_name_is_the_body() -> None:
    f = _zh("出席論壇\n\n高雄市研考會副主委林志明帶隊出席，也在會上致詞。")
    assert _posts(f).get("林志明") == ("deputy-committee-chair", "高雄市研考會")


def test_an_adverb_and_with_before_a_body_are_not_its_name() -> None:
    f = _zh("訪問高雄\n\n甲市長說，出發前曾經與外交部前部長林志明通電，也已和經濟部次長張美玲見面。")
    assert _posts(f).get("林志明", ("", ""))[1] == "外交部"
    assert _posts(f).get("張美玲", ("", ""))[1] == "經濟部"


def test_a_councillor_elect_holds_the_post_she_was_elected_to() -> None:
    f = _zh("訪團拜會\n\n北方市議員訪團今天拜會高雄市議會，議員林大同、議員當選人張美玲也出席歡迎。")
    assert _posts(f).get("張美玲") == ("councillor", "高雄市議會")


def test_a_country_s_envoy_is_named_with_the_place_it_is_posted_to() -> None:
    f = _en("Mayor receives envoys\n\nThe mayor received the Consul General of Norway in Northport, Erik Dahl, and the "
            "Ambassador of Chile to Southland, Ana Reyes, at City Hall. Also there was Representative of Peru in Taiwan "
            "Luis Vega.")
    got = _posts(f)
    assert got.get("Erik Dahl", ("", ""))[1] == "挪威政府"
    assert got.get("Ana Reyes", ("", ""))[1] == "智利政府"
    assert got.get("Luis Vega", ("", ""))[1] == "秘魯政府"


def test_a_lower_case_title_led_by_a_country_takes_the_name_set_off_after_it() -> None:
    f = _en("Mayor receives envoys\n\nThe mayor received the Norwegian representative, Erik Dahl, and Chile's envoy, "
            "and later met Peru's representative to Taiwan, Luis Vega, at City Hall. The mayor, Ana Reyes, was away.")
    got = _posts(f)
    assert got.get("Erik Dahl", ("", ""))[1] == "挪威政府"
    assert got.get("Luis Vega", ("", ""))[1] == "秘魯政府"
    assert "Ana Reyes" not in got  # "the mayor" alone tells no city


def test_a_councillors_salon_is_no_councillor_named_salon() -> None:
    f = _zh("市長赴歐\n\n市長此行將於當地時間31日晚間，在北方議會議員沙龍發表演說，多位議員也將出席聆聽。")
    assert "沙龍" not in _names(f)


def test_an_office_named_with_the_place_it_is_in_then_the_name() -> None:
    f = _en("Mayor receives envoys\n\nRepresentative of the Nordic Office Taipei Erik Dahl and Director of the Andean "
            "Institute in Taiwan Ana Reyes visited the mayor today.")
    got = _posts(f)
    assert got.get("Erik Dahl", ("", ""))[1] == "Nordic Office Taipei"
    assert got.get("Ana Reyes", ("", ""))[1] == "Andean Institute in Taiwan"


def test_a_diplomatic_ally_named_by_its_official_or_older_name() -> None:
    f = _en("Envoys at the banquet\n\nThe guests included Ambassador Ana Reyes from Saint Christopher and Nevis and "
            "Ambassador Erik Dahl of St. Vincent and the Grenadines.")
    got = _posts(f)
    assert got.get("Ana Reyes", ("", ""))[1] == "聖克里斯多福及尼維斯政府"
    assert got.get("Erik Dahl", ("", ""))[1] == "聖文森及格瑞那丁政府"
