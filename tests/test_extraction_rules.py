"""Extraction rules one at a time, on invented releases (no sentence of the development corpus)."""

from smartgraph.documents import parse
from smartgraph.extraction import extract
from smartgraph.model import Facts


def _doc(body: str, date: str = "113/04/12", source: str = "t.txt") -> Facts:
    text = f"發布機關:高雄市政府新聞局\n\n發布日期:{date}\n\n聯絡人:王小明\n\n{body}\n"
    return extract(parse(text, source))


def _names(f: Facts) -> dict[str, str]:
    return {k: f.persons[k].name for k in f.persons}


def test_an_award_ceremony_is_named_by_its_award() -> None:
    f = _doc("高雄獲國際肯定 陳其邁市長受獎\n\n"
             "高雄市以「港灣再生計畫」參加「第7屆全球宜居城市獎」評選，拿下首獎。頒獎典禮於4月10日在新加坡舉行，"
             "陳其邁市長親自出席受獎。")
    names = [n for e in f.events.values() for n in e.names_zh]
    assert "第7屆全球宜居城市獎頒獎典禮" in names
    assert not any(n.endswith(" 頒獎典禮") for n in names)


def test_two_releases_generic_ceremonies_are_two_events() -> None:
    a = _doc("北市交流成果\n\n市府今天舉行記者會，宣布城市交流成果。", source="a.txt")
    b = _doc("高市觀光推廣\n\n市府今天舉行記者會，說明觀光推廣計畫。", source="b.txt")
    assert a.events and b.events
    assert not set(a.events) & set(b.events)


def test_members_of_a_delegation_took_part_in_its_visit() -> None:
    f = _doc("加州城市訪團拜會高雄市長\n\n"
             "美國加州城市訪問團今天抵達高雄訪問，拜會市長陳其邁，雙方就經貿交流交換意見。\n\n"
             "陳其邁表示，高雄與加州往來密切，歡迎更多城市來訪。\n\n"
             "市府指出，高雄港與加州港口的貨運量逐年成長。\n\n"
             "新聞局說明，雙方未來將持續推動青年交流。\n\n"
             "此次由市議員王大同率領的訪團共8人，成員包括聖塔克拉拉市市長李文華、市議員張志明等人。")
    names = _names(f)
    visits = {k for k, e in f.events.items() if e.category == "visit"}
    went = {names[p.person] for p in f.participations if p.event in visits}
    assert {"李文華", "張志明"} <= went


def _agreements(f: Facts) -> list[tuple[str, list[str]]]:
    def label(k: str) -> str:
        if k in f.places:
            return f.places[k].name_zh
        return f.organizations[k].name_zh
    return [(a.kind, sorted(label(p) for p in a.parties)) for a in f.agreements.values()]


def test_bureaus_that_sign_are_the_parties_not_the_places_in_the_name() -> None:
    f = _doc("兩市簽署合作協定\n\n"
             "大阪市長今天訪問高雄，兩位市長代表兩市簽署「經濟合作協定」；同一場合中，大阪市觀光局與高雄市政府觀光局也簽署"
             "「大阪燈會與高雄燈會交流備忘錄」。")
    got = _agreements(f)
    assert ("mou", ["大阪市觀光局", "高雄市政府觀光局"]) in got
    assert not any(k == "mou" and ps == ["大阪", "高雄"] for k, ps in got)


def test_each_representing_their_city_is_not_a_list_of_pairs() -> None:
    f = _doc("高雄與大阪締結友誼城市\n\n"
             "高雄市與日本大阪府堺市今天締結為友誼城市，高雄市長陳其邁與堺市長山田太郎在高雄市政府分別代表兩市簽署友誼城市協定。")
    for _, parties in _agreements(f):
        assert "高雄市政府" not in parties


def test_a_bare_mou_told_again_in_a_quote_is_the_same_agreement() -> None:
    f = _doc("高雄與堺市簽署備忘錄\n\n"
             "高雄市長陳其邁昨(11)日率團前往日本堺市，與堺市政府簽署「港灣交流合作備忘錄(MOU)」。\n\n"
             "堺市長指出，今天MOU的簽署，代表兩市合作的起點。")
    assert [k for k, _ in _agreements(f)].count("mou") == 1


def test_an_event_the_text_says_is_not_held_is_no_event() -> None:
    f = _doc("城市論壇視訊登場\n\n2024高雄釜山城市論壇今日以視訊方式登場；今年不設分論壇，議程只有兩市市長致詞。")
    names = [n for e in f.events.values() for n in e.names_zh]
    assert any("城市論壇" in n for n in names)
    assert not any("分論壇" in n for n in names)


def _sisters(f: Facts) -> set[frozenset[str]]:
    return {frozenset((f.places[s.a].name_zh, f.places[s.b].name_zh)) for s in f.sister_cities}


def test_a_sister_city_tie_hoped_for_is_not_made() -> None:
    f = _doc("波蘭克拉科夫市副市長訪高雄 朝締結姊妹市目標邁進\n\n波蘭克拉科夫市副市長今日率團拜會高雄市政府，雙方盼早日結為姊妹市。")
    assert not f.sister_cities


def test_the_subject_of_a_chain_of_ties_is_the_side_of_each() -> None:
    f = _doc("高雄與日本城市締盟\n\n新聞局說明，大分市過去已與德國亞琛市締結友好城市、與美國加州聖塔莫尼卡市締結姊妹市。")
    got = _sisters(f)
    assert any("大分" in "".join(p) for p in got), got
    assert not any(any("亞琛" in x for x in p) for p in got)


def test_a_day_that_holds_several_events_is_where_the_next_sentence_s_people_were() -> None:
    f = _doc("2023 Harbour City Day登場 港灣城市獎揭曉\n\n"
             "高雄市政府昨(11)日舉辦「2023 Harbour City Day」，一次串起「2023港灣城市獎頒獎典禮」、「港灣城市會員大會」"
             "以及「海洋科技」論壇。港灣聯盟主席、高雄市長陳其邁透過預錄影片，歡迎各國城市會員出席。\n\n"
             "新聞局表示，聯盟會員已達80名。")
    names = _names(f)
    day = next(k for k, e in f.events.items() if "2023 Harbour City Day" in e.names_en + e.names_zh)
    went = {(names[p.person], p.event) for p in f.participations}
    assert ("陳其邁", day) in went
    assert not any(n == "陳其邁" and e != day for n, e in went)


def test_an_opening_carnival_is_an_event_and_the_day_its_festival_began() -> None:
    f = _doc("港都藝術節熱鬧登場\n\n"
             "由市府主辦的「2024港都藝術節」已於9月7日上午以開幕嘉年華揭開序幕，市長陳其邁與上千名市民騎乘單車繞行鹽埕街區。"
             "藝術節為期一個月，至10月6日止。", date="113/09/08")
    by_name = {n: e for e in f.events.values() for n in e.names_zh}
    assert "開幕嘉年華" in by_name
    carnival, festival = by_name["開幕嘉年華"], by_name["2024港都藝術節"]
    assert carnival.parent == festival.key
    assert str(festival.start) == "2024-09-07"


def test_a_future_word_inside_a_post_title_plans_nothing() -> None:
    f = _doc("高雄與大阪簽署觀光交流備忘錄\n\n"
             "高雄市政府今(11)日與日本大阪市簽署「觀光交流備忘錄」，市長陳其邁與大阪市長橫山英幸擔任見證人。\n\n"
             "圖說：高雄市政府研究發展及計畫處長王大明與大阪市觀光局長田中一郎共同簽署備忘錄。", date="113/04/11")
    got = [(a.kind, a.status) for a in f.agreements.values()]
    assert got == [("mou", "signed")]


def test_a_visit_of_last_year_is_not_what_the_release_is_about() -> None:
    f = _doc("高雄與熊本簽署觀光交流備忘錄\n\n"
             "高雄市政府今(11)日在市府四維行政中心與日本熊本市簽署「觀光交流備忘錄」，由觀光局長王大明與熊本市觀光局長"
             "田中一郎共同簽署，市長陳其邁擔任見證人。\n\n"
             "這次締結合作，副市長林小華去年還曾親赴熊本市訪問、與當地交換意見，經過多次討論後，才在今天正式完成簽署。\n\n"
             "圖說：王大明與田中一郎共同簽署備忘錄。", date="113/04/11")
    names = _names(f)
    visits = {k for k, e in f.events.items() if e.category == "visit"}
    went = {(names[p.person], p.event) for p in f.participations}
    assert not any(n in ("王大明", "田中一郎", "陳其邁") and e in visits for n, e in went)
    assert any(n == "王大明" and f.events[e].category == "ceremony" for n, e in went)



def test_a_visit_of_the_roc_year_before_is_not_what_the_release_is_about() -> None:
    f = _doc("高雄與熊本簽署友好交流協定\n\n"
             "日本熊本縣知事田中一郎率領縣府團隊來訪，今(11)日在高雄市政府與市長陳其邁共同簽署「友好交流協定」。\n\n"
             "陳其邁致詞時表示，去(112)年9月他率團訪問熊本縣，今天換高雄接待貴賓。\n\n"
             "圖說：市長陳其邁與熊本縣知事田中一郎合影。", date="113/04/11")
    names = _names(f)
    cats = {(names[p.person], f.events[p.event].category) for p in f.participations}
    assert ("田中一郎", "ceremony") in cats
    assert ("田中一郎", "visit") not in cats


def test_an_office_named_for_a_foreign_country_first_is_that_country_s() -> None:
    f = _doc("捷克訪團拜會高雄市府\n\n"
             "捷克布爾諾市副市長Petr Novak今(11)日率團拜會高雄市政府，捷克台北經濟文化辦事處代表林大衛、"
             "台北駐捷克代表處大使王大明也一同出席。", date="113/04/11")
    names = _names(f)
    country = {names[p.person]: f.organizations[p.organization].country for p in f.posts if p.organization in f.organizations}
    assert country.get("林大衛") == "CZ"
    assert country.get("王大明") == "TW"


def test_a_delegation_member_s_body_that_names_no_place_is_of_the_delegation_s_country() -> None:
    f = _doc("捷克訪團拜會高雄市府\n\n"
             "捷克布爾諾市副市長Petr Novak今(11)日率團拜會高雄市政府，訪團成員包括布爾諾市議會主席Jan Dvorak，"
             "以及摩拉維亞科技大學校長Eva Svobodova等人，由市長陳其邁親自接待。", date="113/04/11")
    names = _names(f)
    country = {names[p.person]: f.organizations[p.organization].country for p in f.posts if p.organization in f.organizations}
    assert country.get("Eva Svobodova") == "CZ"
    assert country.get("陳其邁") == "TW"


def test_a_former_minister_s_ministry_is_named_without_former() -> None:
    f = _doc("高雄舉行城市外交座談\n\n"
             "高雄市政府今(11)日舉行城市外交座談會，前經濟部長王大明、前鎮區長李小華與市長陳其邁出席座談。", date="113/04/11")
    names = _names(f)
    org = {names[p.person]: f.organizations[p.organization].name_zh for p in f.posts if p.organization in f.organizations}
    assert org.get("王大明") == "經濟部"
    assert org.get("李小華", "").startswith("前鎮區")


def test_a_latin_body_before_a_chain_of_posts_is_where_both_posts_are() -> None:
    f = _doc("高雄舉行智慧城市論壇\n\n"
             "高雄市政府今(11)日舉行智慧城市論壇，評審包括UrbanTechLab創辦人暨執行長Jane Miller等3位專家。", date="113/04/11")
    names = _names(f)
    got = {(names[p.person], f.organizations[p.organization].name_zh or f.organizations[p.organization].name_en, p.role)
           for p in f.posts if p.organization in f.organizations}
    assert ("Jane Miller", "UrbanTechLab", "founder") in got
    assert ("Jane Miller", "UrbanTechLab", "ceo") in got
    assert "UrbanTechLab" not in names.values()


def test_everyone_a_sentence_that_opens_at_an_event_names_was_there() -> None:
    f = _doc("高雄舉行港灣城市宣言簽署儀式\n\n"
             "高雄市政府今(11)日舉行「港灣城市宣言」簽署儀式，由市長陳其邁主持。\n\n"
             "簽署儀式上，市府特別邀請即將在2026年主辦港灣博覽會的荷蘭鹿特丹市長Jan de Vries，代表各簽署城市將宣言交給陳市長。",
             date="113/04/11")
    names = _names(f)
    went = {(names[p.person], f.events[p.event].category) for p in f.participations}
    assert ("Jan de Vries", "ceremony") in went


def test_a_verb_phrase_before_an_expo_word_is_no_event_name() -> None:
    f = _doc("2024高雄國際花卉博覽會開幕\n\n"
             "「2024高雄國際花卉博覽會」今(11)日開幕，市長陳其邁帶領各國代表齊聲朗讀宣言，向世界傳遞花博精神。", date="113/04/11")
    names = [n for e in f.events.values() for n in e.names_zh]
    assert not any("傳遞" in n or n.startswith("向") for n in names)


def test_the_subject_of_a_sentence_did_each_thing_it_tells_up_to_a_semicolon() -> None:
    f = _doc("高雄市長訪問大阪\n\n"
             "高雄市長陳其邁率團訪日進行城市交流，11日抵達大阪市，拜會大阪市長橫山英幸，雙方並簽署「觀光交流備忘錄」；"
             "同一場合中，高雄市觀光局與大阪觀光局也簽署「燈會交流備忘錄」。", date="113/04/12")
    names = _names(f)
    cats = {n for p in f.participations if names[p.person] == "陳其邁" for n in f.events[p.event].names_zh}
    assert any("拜會" in n for n in cats)
    assert any("訪日" in n for n in cats)
    assert not any("燈會" in n for n in cats)
