"""Agreements, sister-city ties and speakers told in forms common in news (relate/agreements_en.py,
relate/agreements.py, relate/statements.py).

Every sentence is invented; each test fails without the rule it names."""

from smartgraph.documents import parse
from smartgraph.extraction import extract
from smartgraph.model import Facts


def _en(body: str) -> Facts:
    return extract(parse(f"Publish Date: 2024-05-10\nData Source: Taipei City Government Secretariat\n\nCity news\n\n"
                         f"The city government issued this release today.\n\n{body}\n", "t-en.txt"))


def _zh(body: str) -> Facts:
    return extract(parse(f"發布機關:臺北市政府秘書處\n\n發布日期:113/04/12\n\n聯絡人:王小明\n\n{body}\n", "t.txt"))


def _label(f: Facts, k: str) -> str:
    if k in f.places:
        return f.places[k].name_en or f.places[k].name_zh
    return f.organizations[k].name_zh or f.organizations[k].name_en


def _sisters(f: Facts) -> set[frozenset[str]]:
    return {frozenset((_label(f, s.a), _label(f, s.b))) for s in f.sister_cities}


def _agreements(f: Facts) -> list[tuple[str, str, list[str]]]:
    return [(a.kind, a.status, sorted(_label(f, p) for p in a.parties)) for a in f.agreements.values()]


def _speakers(f: Facts) -> list[tuple[str, str]]:
    return [(f.persons[s.speaker].name, s.quote.text[:12]) for s in f.statements]


# ----------------------------------------------------------------------------- English agreements and sister-city ties

def test_a_city_that_has_been_a_sister_city_of_another() -> None:
    f = _en("Mayor Alan Brook of Fresno arrived in Kaohsiung on Monday. Fresno has been a sister city of Tainan since 1979.")
    assert frozenset(("Fresno", "Tainan")) in _sisters(f)


def test_a_sister_city_of_a_city_set_off_as_an_appositive() -> None:
    f = _en("Kaohsiung Mayor Lin Ta-wei signed a memorandum of understanding with Mayor Alan Brook of Fresno, a sister city "
            "of Tainan, on Monday.")
    assert frozenset(("Fresno", "Tainan")) in _sisters(f)


def test_a_city_s_sister_city_after_a_comma_is_owned_by_it() -> None:
    f = _en("Fresno, Tainan's sister city since 1979, sent a delegation of teachers to the city on Monday.")
    assert frozenset(("Fresno", "Tainan")) in _sisters(f)


def test_sister_cities_of_a_city_in_a_state_are_not_of_the_state() -> None:
    f = _en("Fresno, California, a sister city of Kaohsiung, sent a delegation of teachers on Monday.")
    got = _sisters(f)
    assert frozenset(("Fresno", "Kaohsiung")) in got
    assert not any("California" in p for pair in got for p in pair)


def test_friendship_cities_expected_to_upgrade_to_sister_cities_are_not_sisters_yet() -> None:
    f = _en("Mayor Alan Brook of Fresno visited Kaohsiung on Monday. Kaohsiung and Fresno have been friendship cities "
            "since 2015 and are expected to upgrade their ties to sister cities this year.")
    assert _sisters(f) == set()


def test_scheduled_and_slated_to_sign_are_planned() -> None:
    f = _en("Mayor Alan Brook of Fresno met Taipei Mayor Lin Ta-wei on Monday. Taipei and Fresno are scheduled to sign a "
            "memorandum of understanding on agriculture in June.")
    assert ("mou", "planned", ["Fresno", "Taipei"]) in _agreements(f)
    f = _en("Mayor Alan Brook of Fresno met Taipei Mayor Lin Ta-wei on Monday. The two cities agreed to sign a "
            "memorandum of understanding on tourism.")
    assert ("mou", "planned", ["Fresno", "Taipei"]) in _agreements(f)


def test_an_agreement_first_signed_long_ago_is_not_the_one_signed_again() -> None:
    f = extract(parse("Publish Date: 2024-05-10\nData Source: Kaohsiung City Government\n\nCity news\n\n"
                      "The city government issued this release today.\n\n"
                      "Kaohsiung Mayor Lin Ta-wei re-signed the sister city agreement between Kaohsiung and Fresno at Fresno "
                      "City Hall. Fresno originally signed the sister city agreement with Kaohsiung on September 12, 1994.\n",
                      "t-en.txt"))
    got = sorted((a.kind, str(a.date)) for a in f.agreements.values())
    assert got == [("friendship", "1994-09-12"), ("friendship", "None")], got


def test_then_that_tells_what_came_next_keeps_the_paragraph_s_day() -> None:
    f = _en("Mayor Alan Brook of Fresno visited Taipei on 2 May. The two mayors then witnessed the "
            "signing of a wildlife conservation MOU by the Fresno and Taipei zoos.")
    assert [str(a.date) for a in f.agreements.values()] == ["2024-05-02"]


def test_the_bodies_of_two_places_named_together_sign_for_them() -> None:
    f = _en("Mayor Alan Brook of Fresno visited Taipei Mayor Lin Ta-wei on Monday. The two mayors witnessed the signing of "
            "a wildlife conservation MOU by the Fresno and Taipei zoos.")
    assert ("mou", "signed", ["Fresno Zoo", "Taipei Zoo"]) in _agreements(f), _agreements(f)


def test_an_agreement_s_name_does_not_run_back_over_a_full_stop() -> None:
    f = _en("On March 3, Taipei Mayor Lin Ta-wei and Fresno Mayor Alan Brook signed an agreement at Taipei City Hall. "
            "The MOU signing marked a new start for the two cities.")
    names = [n for a in f.agreements.values() for _, n in a.names]
    assert not any("Hall" in n for n in names), names


# ----------------------------------------------------------------------------- (zh) parties and kinds

def test_two_bodies_a_quoted_name_opens_with_are_its_parties() -> None:
    f = _zh("臺北市副市長林大同今日表示，雙方將簽署「臺北市立動物園與大阪市天王寺動物園保育合作備忘錄」。")
    assert ("mou", "planned", ["大阪市天王寺動物園", "臺北市立動物園"]) in _agreements(f), _agreements(f)


def test_a_memorandum_signed_before_a_tie_still_to_come_stays_a_memorandum() -> None:
    f = _zh("美國佛雷斯諾市長布魯克今天拜會臺北市長林大同。雙方去年簽署合作備忘錄，今年將進一步締結姊妹市。")
    got = [(k, st) for k, st, _ in _agreements(f)]
    assert ("mou", "signed") in got and ("friendship", "planned") in got, got
    assert not f.sister_cities


# ----------------------------------------------------------------------------- speakers

def test_according_to_a_person_at_the_head_of_a_sentence() -> None:
    f = _en("Mayor Alan Brook of Fresno visited Taipei on Monday.\n\n"
            "According to Taipei Mayor Lin Ta-wei, the city will open a trade office in Fresno next year.")
    assert ("Lin Ta-wei", "the city wil") in _speakers(f)


def test_according_to_a_person_with_an_appositive() -> None:
    f = _en("Mayor Alan Brook of Fresno visited Taipei on Monday.\n\n"
            "According to Brook, the mayor of Fresno, the two cities will exchange students and teachers.")
    assert ("Alan Brook", "the two citi") in _speakers(f)


def test_according_to_a_body_is_nobody_s_statement() -> None:
    f = _en("Mayor Alan Brook of Fresno visited Taipei on Monday.\n\n"
            "According to the Taipei City Government, the two cities will exchange students.")
    assert _speakers(f) == []


def test_a_bare_post_after_a_closed_quotation_is_the_one_who_holds_it() -> None:
    f = _en("Fresno Mayor Alan Brook visited Taipei on Monday.\n\n"
            "\"Fresno values its ties with Taiwan,\" the mayor added.")
    assert [s[0] for s in _speakers(f)] == ["Alan Brook"]


def test_a_bare_post_after_a_quotation_names_nobody_when_two_hold_it() -> None:
    f = _en("Fresno Mayor Alan Brook met Taipei Mayor Lin Ta-wei on Monday.\n\n"
            "\"Fresno values its ties with Taiwan,\" the mayor added.")
    assert _speakers(f) == []


def test_more_verbs_of_saying() -> None:
    f = _en("Mayor Alan Brook of Fresno visited Taipei on Monday.\n\n"
            "Taipei Mayor Lin Ta-wei mentioned that the memorandum lets both sides share smart city experience.\n\n"
            "Brook reiterated that Fresno wants to learn from Taipei's metro.")
    assert [s[0] for s in _speakers(f)] == ["Lin Ta-wei", "Alan Brook"]


def test_the_words_before_the_speaker_when_the_verb_is_followed_by_where_it_was_said() -> None:
    f = _en("Mayor Alan Brook of Fresno visited Taipei on Monday.\n\n"
            "The visit opened a new chapter for the two cities, Taipei Mayor Lin Ta-wei wrote on Facebook.")
    assert _speakers(f) == [("Lin Ta-wei", "The visit op")]


def test_a_verb_followed_by_where_and_what_was_said_keeps_what_follows() -> None:
    f = _en("Mayor Alan Brook of Fresno visited Taipei on Monday.\n\n"
            "Taipei Mayor Lin Ta-wei said on Tuesday that the visit opened a new chapter.")
    assert _speakers(f) == [("Lin Ta-wei", "on Tuesday t")]


def test_a_guest_welcomed_by_name_is_no_statement() -> None:
    f = _en("Mayor Alan Brook of Fresno arrived in Taipei on Sunday.\n\n"
            "Taipei Mayor Lin Ta-wei welcomed Fresno Mayor Alan Brook on Monday.")
    assert _speakers(f) == []


def test_a_guest_welcomed_with_words_said_is_a_statement() -> None:
    f = _en("Mayor Alan Brook of Fresno arrived in Taipei on Sunday.\n\n"
            "Taipei Mayor Lin Ta-wei welcomed Fresno Mayor Alan Brook on Monday, saying the two cities share a port culture.")
    assert [s[0] for s in _speakers(f)] == ["Lin Ta-wei"]


def test_the_new_patterns_stay_linear_on_a_long_sentence() -> None:
    import time
    filler = ", Fresno and Taipei zoos, a sister city of Tainan, the mayor said on Facebook" * 500
    t0 = time.perf_counter()
    _en(f"According to Taipei Mayor Lin Ta-wei{filler}, the two cities signed an MOU by the Fresno and Taipei zoos{filler}.")
    assert time.perf_counter() - t0 < 30  # seconds, on a loaded machine: no catastrophic backtracking


def test_a_place_s_sister_cities_body_in_running_text_ties_nothing() -> None:
    f = _en("Fresno entered into a friendship agreement with Taipei on May 2. Fresno Sister Cities welcomes Taipei to the "
            "city's family of partners.")
    assert _sisters(f) == set()


def test_the_agreement_signed_by_one_mayor_after_a_clause_of_helpers_is_the_one_told_before() -> None:
    f = _en("The city of Fresno has entered into a new friendship agreement with Taipei in Taiwan.\n\n"
            "Thanks to the leadership of Mayor Alan Brook, and the work of the City of Fresno Office of International "
            "Affairs and the local Taiwanese Chamber of Commerce, the city hosted delegates from Taipei on May 2 and "
            "Mayor Brook signed the agreement during the city's spring reception that evening.")
    got = [(a.kind, str(a.date)) for a in f.agreements.values()]
    assert got == [("friendship", "2024-05-02")], got


def test_a_gift_presented_as_a_token_is_no_statement() -> None:
    f = _en("Mayor Alan Brook of Fresno visited Taipei on Monday.\n\n"
            "Taipei Mayor Lin Ta-wei presented a wood carving crafted by a local artist as a token of the friendship.")
    assert _speakers(f) == []


# ----------------------------------------------------------------------------- session 12: Chinese memoranda between sister cities

def test_a_memorandum_that_deepens_a_sister_city_tie_stays_a_memorandum() -> None:
    f = _zh("北市與西雅圖簽署備忘錄\n\n臺北市長今天和美國西雅圖市市長簽署「深化姊妹市關係合作備忘錄」，兩市將擴大青年交流。")
    assert ("mou", "signed", ["Seattle", "Taipei"]) in _agreements(f), _agreements(f)
    assert not [a for a in _agreements(f) if a[0] == "friendship"], _agreements(f)


def test_a_place_told_in_an_earlier_clause_is_not_a_party() -> None:
    f = _zh("市長出訪菲國\n\n臺北市長本週帶團出訪菲國，除拜會宿霧省，還前往怡朗市，與該市市長簽署經貿合作備忘錄。")
    assert _agreements(f) == [("mou", "signed", ["Iloilo City", "Taipei"])], _agreements(f)


def test_two_people_named_before_said_both_speak() -> None:
    f = _en("Mayor Alan Brook of Fresno met Mayor Rose Tanaka of Sendai on Monday. "
            "Brook and Tanaka both said the two cities would widen their student exchanges.")
    assert {name for name, _ in _speakers(f)} == {"Alan Brook", "Rose Tanaka"}, _speakers(f)


def test_a_person_named_in_an_aside_is_no_speaker() -> None:
    f = _en("Mayor Alan Brook of Fresno met Mayor Rose Tanaka of Sendai on Monday. "
            "The meeting with Brook, Tanaka said, was the first of many.")
    assert {name for name, _ in _speakers(f)} == {"Rose Tanaka"}, _speakers(f)


def test_a_tie_the_cities_are_expected_to_make_is_planned() -> None:
    f = _zh("北港與南灣 可望締結友誼城市\n\n北港市長林大同今天表示，北港與南灣市可望在年底前締結友誼城市，深化兩市交流。")
    ties = [a for a in f.agreements.values() if a.kind == "friendship"]
    assert ties and all(a.status == "planned" for a in ties)
