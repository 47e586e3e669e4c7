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


def test_a_pronoun_means_the_subject_of_the_sentence_before_not_the_last_person_named() -> None:
    text = ("Publish Date: 2024-05-02\nData Source: Department of Information Technology\n\n"
            "Mayor Welcomes a Visiting Mayor\n\n"
            "Taichung City Mayor Wang Mei-lan welcomed Mayor Tomas Novak of Brno and his delegation at city hall. "
            "She stated that the two cities have worked together on river restoration for a decade.\n")
    f = extract(parse(text, "en.txt"))
    said = {f.persons[s.speaker].name: s.quote.text for s in f.statements}
    assert list(said) == ["Wang Mei-lan"], said
    assert said["Wang Mei-lan"].startswith("that the two cities")
    zh = _doc("市長歡迎訪團\n\n市長陳其邁今天接見日本熊本市長大西一史一行。他表示，高雄與熊本的交流將擴及青年與觀光。")
    assert [_names(zh)[s.speaker] for s in zh.statements] == ["陳其邁"]


def _en_posts(body: str) -> dict[str, str]:
    text = ("Publish Date: 2024-05-02\nData Source: Department of Information Technology\n\n"
            f"Taichung Signs with Partner Cities\n\n{body}\n")
    f = extract(parse(text, "en.txt"))
    return {f.persons[p.person].name: f.organizations[p.organization].name_en or f.organizations[p.organization].name_zh
            for p in f.posts}


def test_a_mayor_of_a_city_no_table_knows_is_not_given_the_city_named_before() -> None:
    posts = _en_posts("The signatories include Mayor Tanaka Hiroshi of Kumamoto City and Mayor Sato Kenji of Hinokage City.")
    assert posts["Tanaka Hiroshi"].startswith("Kumamoto")
    assert posts["Sato Kenji"].startswith("Hinokage City")


def test_a_taiwanese_name_in_western_order_is_not_taken_for_the_foreign_guest() -> None:
    posts = _en_posts("Brno and Taichung have worked together since 2015. "
                      "Mayor Mei-Lan Wang met with Mayor Tomas Novak of Brno at city hall on May 11.")
    assert posts["Tomas Novak"].startswith("Brno")
    assert not posts.get("Mei-Lan Wang", "").startswith("Brno")


def _en_facts(body: str) -> Facts:
    text = ("Publish Date: 2024-05-02\nData Source: Department of Information Technology\n\n"
            f"Taichung Signs with Partner Cities\n\n{body}\n")
    return extract(parse(text, "en.txt"))


def test_an_english_topic_ends_before_the_verb_that_follows_it() -> None:
    f = _en_facts("In 2022, another MOU on sports cooperation was signed with Brno.")
    assert [a.topic for a in f.agreements.values()] == ["sports cooperation"]


def test_witnesses_of_a_signing_are_not_its_parties() -> None:
    f = _en_facts("Taichung Mayor Lu Hsiu-yen and Brno Mayor Tomas Novak signed an MOU on river restoration today. "
                  "Lu thanked the delegation from the Brno Chamber of Commerce, who were present to witness the signing of the MOU.")
    assert len(f.agreements) == 1
    assert not any(p.startswith("org-") for a in f.agreements.values() for p in a.parties)


def test_discussions_on_signing_are_a_plan_and_a_person_is_no_party() -> None:
    f = _en_facts("Last year, Brno Mayor Tomas Novak and Chairman Petr Dvorak of the Brno Chamber of Commerce visited Taichung, "
                  "and both parties began discussions on signing an MOU.")
    assert [a.status for a in f.agreements.values()] == ["planned"]
    assert not any("dvorak" in p for a in f.agreements.values() for p in a.parties)


def test_their_sister_city_partnership_ties_the_two_places_named() -> None:
    f = _en_facts("Taichung and Brno celebrated the 20th anniversary of their sister city partnership this year.")
    assert len(f.sister_cities) == 1
    assert {f.places[k].name_en for k in (f.sister_cities[0].a, f.sister_cities[0].b)} == {"Taichung", "Brno"}


def test_a_tie_made_long_ago_is_no_plan_and_the_two_cities_are_the_city_met() -> None:
    f = _doc("市長會見外賓\n\n在與美國鳳凰城市副市長會談中，陳其邁市長回顧兩市自1979年締結姊妹市以來的深厚基礎。")
    assert not [a for a in f.agreements.values() if a.status == "planned"]
    assert _sisters(f)
    g = _doc("市長會見外賓\n\n接見馬來西亞檳城市長時，陳其邁市長指出，兩市自2011年締結友誼市以來，在文化領域互動良好。")
    assert [(a.kind, a.status) for a in g.agreements.values()] == [("friendship", "signed")]
    assert len(next(iter(g.agreements.values())).parties) == 2


def test_a_named_memorandums_topic_leaves_out_its_parties() -> None:
    f = _doc("兩市簽署備忘錄\n\n雙方將在論壇簽署「高雄市與大阪市推動智慧醫療合作備忘錄」與「高雄市立動物園與大阪動物園物種交流及保育合作備忘錄」。")
    assert sorted(a.topic for a in f.agreements.values()) == ["推動智慧醫療", "物種交流及保育"]


def test_the_agreement_told_again_with_its_signers_and_day_is_the_same_one() -> None:
    f = _en_facts("Taichung and Brno marked 20 years of ties, and the mayors of the two cities recently signed a partnership "
                  "agreement. The agreement was signed by Taichung Mayor Lu Hsiu-yen and Brno Mayor Tomas Novak on July 30, 2024.")
    got = [(a.kind, str(a.date)) for a in f.agreements.values()]
    assert got == [("friendship", "2024-07-30")], got


def test_an_mou_between_the_two_cities_leaves_out_the_bodies_named_with_them() -> None:
    f = _en_facts("Last year, Brno Mayor Tomas Novak and Chairman Petr Dvorak of the Brno Chamber of Commerce visited "
                  "Taichung Mayor Lu Hsiu-yen, and both parties began discussions on signing a MOU between the two cities.")
    assert [sorted(f.places[p].name_en for p in a.parties) for a in f.agreements.values()] == [["Brno", "Taichung"]]


def test_a_described_city_is_no_place_and_a_tie_word_is_no_topic() -> None:
    f = _doc("釜山市長訪高雄\n\n與高雄締結姊妹市超過半世紀、也是韓國最大港灣城市的韓國釜山市，由市長率團訪問高雄，"
             "4日和陳其邁市長簽署「文化藝術合作交流意向書」。\n\n雙方並簽署姊妹市協定。")
    assert not any("港灣" in p.name_zh for p in f.places.values())
    assert all(a.topic not in ("姊妹市", "締結", "合作") for a in f.agreements.values())


def test_she_said_at_a_sentences_start_is_read_as_said_by_the_subject_before() -> None:
    f = _doc("縣長出席論壇\n\n縣長周美玲今天出席2024農業論壇開幕式。她表示，農業是本縣的根本。")
    assert [(_names(f)[s.speaker], s.by_pronoun) for s in f.statements] == [("周美玲", True)]


def _en_roles(body: str) -> dict[str, tuple[str, str, str]]:
    f = _en_facts(body)
    return {f.persons[p.person].name: (f.organizations[p.organization].name_en or f.organizations[p.organization].name_zh,
                                       f.organizations[p.organization].country, p.role) for p in f.posts}


def test_former_or_acting_before_a_place_and_title_qualify_the_title_not_the_place() -> None:
    got = _en_roles("Acting Taichung Mayor Lin Chia-hao and Former Brno Mayor Petr Vokral met at city hall.")
    assert got["Lin Chia-hao"][0].startswith("Taichung") and got["Lin Chia-hao"][2] == "acting-mayor"
    assert got["Petr Vokral"][0].startswith("Brno") and got["Petr Vokral"][2] == "former-mayor"


def test_the_region_a_department_deals_with_is_not_its_country() -> None:
    got = _en_roles("The signing was witnessed by Wang Da-wei, Director General of the Department of North American Affairs, "
                    "Taiwan Ministry of Foreign Affairs.")
    assert got["Wang Da-wei"][1] == "TW"


def test_then_before_or_after_the_place_keeps_the_place_as_the_affiliation() -> None:
    got = _en_roles("Brno Mayor Petr Novak met Taichung's then-Mayor William Lin and then-Taichung Deputy Mayor Mary Chen.")
    assert got["William Lin"][0].startswith("Taichung")
    assert got["Mary Chen"][0].startswith("Taichung")


def test_a_home_citys_speaker_and_councillors_are_of_its_council() -> None:
    f = _doc("締盟儀式\n\n雙方在高雄市議長康美華、高雄市議員簡志明的見證下簽署協定。")
    orgs = {_names(f)[p.person]: f.organizations[p.organization].name_zh for p in f.posts}
    assert orgs == {"康美華": "高雄市議會", "簡志明": "高雄市議會"}


def test_sister_prefectures_and_cities_that_became_sisters_are_ties() -> None:
    for body in ("Aomori has joined many events since the two cities became sisters in 2016.",
                 "Aomori, a sister prefecture of Taichung, sent a delegation."):
        f = _en_facts(body)
        assert {frozenset(f.places[k].name_en for k in (sc.a, sc.b)) for sc in f.sister_cities} == {frozenset({"Taichung", "Aomori"})}
