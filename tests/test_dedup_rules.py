"""One agreement or signing told twice in a page is one; events a page does not date are named by their own words.

Invented releases (invented people; cities from the gazetteer), one rule each."""

import datetime as dt

from smartgraph.documents import parse
from smartgraph.extraction import extract
from smartgraph.model import Facts


def _zh(body: str, date: str = "113/04/12", source: str = "t.txt") -> Facts:
    text = f"發布機關:臺南市政府新聞處\n\n發布日期:{date}\n\n聯絡人:王小明\n\n{body}\n"
    return extract(parse(text, source))


def _undated_zh(body: str, source: str = "t.txt") -> Facts:
    """A news story with no header: no page date."""
    return extract(parse(f"{body}\n", source))


def _parties(f: Facts) -> list[tuple[str, list[str]]]:
    def label(k: str) -> str:
        return f.places[k].name_zh if k in f.places else f.organizations[k].name_zh
    return sorted((a.kind, sorted(label(p) for p in a.parties)) for a in f.agreements.values())


_THREE_WAY = ("臺南市長林大同與岡山縣知事高木一郎、倉敷市長中村次郎共同簽署友好交流協定。\n\n"
              "日本岡山縣、倉敷市與臺南市簽署三方友好交流協定，倉敷市成為臺南第70個締盟城市。\n\n"
              "林大同表示，三方未來將在教育與觀光持續合作。")


def test_a_signing_told_again_with_one_party_left_out_is_one_agreement() -> None:
    f = _undated_zh("臺南與岡山縣倉敷市締盟\n\n" + _THREE_WAY)
    assert _parties(f) == [("friendship", ["倉敷市", "岡山縣", "臺南市"])]
    (ag,) = f.agreements.values()
    assert len(ag.retold) == 1  # the other sentence is kept as evidence
    assert ag.retold[0].text.startswith("日本岡山縣")


def test_merging_a_retold_agreement_keeps_the_key_one_telling_gives() -> None:
    once = _undated_zh("臺南與倉敷市締盟\n\n臺南市長林大同與岡山縣知事高木一郎、倉敷市長中村次郎共同簽署友好交流協定。", "a.txt")
    twice = _undated_zh("臺南與岡山縣倉敷市締盟\n\n" + _THREE_WAY, "b.txt")
    assert set(once.agreements) == set(twice.agreements)  # another release telling it once still meets it


def test_a_memorandum_told_again_by_its_quoted_name_is_one_memorandum() -> None:
    f = _undated_zh("板橋與倉敷市簽署備忘錄\n\n"
                    "新北市板橋區長陳一民率團赴日，與倉敷市簽署觀光交流合作備忘錄，盼吸引更多旅客互訪。\n\n"
                    "陳一民表示，雙方共同簽署「觀光交流合作備忘錄」，是兩地合作的起點。")
    assert [k for k, _ in _parties(f)] == ["mou"]


def test_two_memoranda_on_two_subjects_and_a_sister_city_agreement_stay_three() -> None:
    f = _zh("臺南與倉敷市簽署備忘錄\n\n"
            "臺南市長林大同今天與日本倉敷市長中村次郎簽署觀光交流合作備忘錄，雙方將互推旅遊行程。\n\n"
            "臺南市另與倉敷市簽署教育合作備忘錄，將推動兩市高中生互訪。\n\n"
            "兩市並於今年締結姊妹市協定。")
    topics = sorted(a.topic for a in f.agreements.values() if a.kind == "mou")
    assert topics == ["教育合作", "觀光交流合作"]
    assert [k for k, _ in _parties(f)].count("friendship") == 1


def test_a_bilateral_memorandum_beside_a_multilateral_one_stays_apart() -> None:
    f = _undated_zh("臺南與日本四市簽署備忘錄\n\n"
                    "臺南市長林大同與倉敷市、岡山市、鳥取市簽署觀光合作備忘錄。\n\n"
                    "臺南與倉敷兩市也簽署觀光合作備忘錄，深化雙邊交流。")
    assert len([k for k, _ in _parties(f) if k == "mou"]) == 2


def _ceremonies(f: Facts) -> list[list[str]]:
    return [e.names_zh for e in f.events.values() if e.category == "ceremony"]


def test_a_signing_told_again_in_the_body_is_one_event_named_by_its_own_words() -> None:
    f = _undated_zh("臺南與倉敷市簽署備忘錄\n\n"
                    "臺南市長林大同與日本倉敷市長中村次郎簽署教育、文化及經濟合作備忘錄，雙方將推動學生互訪。\n\n"
                    "中村次郎表示，此次簽署合作備忘錄後，兩市將在教育領域密切合作。")
    (names,) = _ceremonies(f)
    assert "簽署教育、文化及經濟合作備忘錄" in names  # what the text calls it, besides the label with the two cities


def test_two_signings_of_two_subjects_stay_two_events() -> None:
    f = _undated_zh("臺南與倉敷市簽署備忘錄\n\n"
                    "臺南市長林大同與日本倉敷市長中村次郎簽署觀光合作備忘錄，雙方將互推旅遊行程。\n\n"
                    "林大同並與倉敷市長中村次郎簽署教育合作備忘錄，推動學生互訪。")
    got = _ceremonies(f)
    assert len(got) == 2
    assert any("簽署觀光合作備忘錄" in n for n in got) and any("簽署教育合作備忘錄" in n for n in got)


def test_a_signing_act_joins_the_signing_ceremony_the_page_names() -> None:
    f = _zh("安南區與倉敷市締盟\n\n"
            "臺南市安南區與日本倉敷市今天舉行友好交流協定簽署儀式，安南區長林大同與倉敷市長中村次郎出席。\n\n"
            "兩位首長今天簽署協定後互贈紀念品。")
    (ceremony,) = [e for e in f.events.values() if e.category == "ceremony"]
    assert ceremony.names_zh[0] == "友好交流協定簽署儀式"
    assert any(s.text.startswith("簽署協定") for s in ceremony.spans)


def test_a_signing_named_only_by_its_kind_keeps_the_places_in_every_name() -> None:
    # 「簽署友好交流協定」 alone would name every signing of its kind, in every release
    f = _undated_zh("臺南與倉敷市締盟\n\n"
                    "臺南市長林大同與日本倉敷市長中村次郎簽署友好交流協定。\n\n"
                    "中村次郎表示，簽署協定是兩市友誼的新起點。")
    (names,) = _ceremonies(f)
    assert "簽署友好交流協定" not in names
    assert all(n.startswith("臺南市與倉敷市") for n in names)


def test_a_declaration_signed_by_one_city_after_another_is_not_joined_to_the_ceremony() -> None:
    f = _zh("臺中宣言簽署\n\n"
            "臺中市今天舉行「臺中宣言」簽署儀式，臺中市長林大同與倉敷市長中村次郎出席。\n\n"
            "市府說明，宣言於今年4月發表，岡山市長高木一郎是第一位與林市長簽署宣言的城市首長。")
    (ceremony,) = [e for e in f.events.values() if e.category == "ceremony"]
    assert not any(s.text.startswith("簽署宣言") for s in ceremony.spans)


def test_a_delegation_s_name_does_not_open_with_the_day() -> None:
    f = _zh("鳳凰城僑團拜會臺南\n\n"
            "美國鳳凰城市議員訪問團今天抵達臺南，拜會臺南市長林大同。\n\n"
            "23日美國鳳凰城僑社聯合訪問團也至市府拜會林大同。")
    names = [n for e in f.events.values() for n in e.names_zh]
    assert any(n == "美國鳳凰城僑社聯合訪問團" for n in names)
    assert not any(n[:1].isdigit() for n in names)


def test_a_call_on_a_governor_and_party_is_named_without_the_party() -> None:
    f = _undated_zh("市長會見岡山縣知事\n\n臺南市長林大同今天會見日本岡山縣知事高木一郎一行，雙方就觀光交流交換意見。")
    names = [n for e in f.events.values() for n in e.names_zh]
    assert "會見日本岡山縣知事高木一郎" in names
    assert not any(n.endswith("一行") for n in names)


def test_an_undated_delegation_s_name_does_not_open_with_the_day_either() -> None:
    f = _undated_zh("僑團拜會臺中\n\n"
                    "臺中市副市長林大同今年7月率團訪美，並順訪鳳凰城多位僑團領袖，23日美國鳳凰城僑社聯合訪問團長王一民一行人至市府拜會林副市長。")
    names = [n for e in f.events.values() for n in e.names_zh]
    assert "美國鳳凰城僑社聯合訪問團" in names
    assert not any(n[:1].isdigit() for n in names)


def test_a_visit_the_text_only_plans_is_no_event() -> None:
    f = _undated_zh("倉敷市長訪臺南\n\n"
                    "日本倉敷市長中村次郎今天率團拜會臺南市長林大同，雙方就觀光交流交換意見。\n\n"
                    "林大同表示，未來市府可考慮至岡山縣訪問，深化兩地交流。")
    names = [n for e in f.events.values() for n in e.names_zh]
    assert any("拜會臺南市長林大同" in n for n in names)
    assert not any("岡山縣" in n for n in names)


def test_a_page_that_repeats_its_headline_tells_one_visit() -> None:
    title = "倉敷市長中村次郎二度訪臺南 林副市長盼深化交流"
    f = _undated_zh(f"{title}\n\n{title}\n\n分享\n\n{title}\n\n"
                    "日本倉敷市長中村次郎於18日蒞臨臺南市政府交流，由副市長林大同代表接待。")
    visits = [e for e in f.events.values() if e.category == "visit"]
    assert len(visits) == 1


def test_a_visit_told_ahead_on_its_schedule_is_still_a_visit() -> None:
    f = _zh("臺南市長將訪問倉敷市\n\n"
            "臺南市長林大同預定於9月下旬率團出訪日本倉敷市，拜會倉敷市長中村次郎。\n\n"
            "市府表示，林大同若行程允許，將偕同家人再度造訪岡山縣。")
    names = [n for e in f.events.values() for n in e.names_zh]
    assert any("率團出訪日本倉敷市" in n for n in names)
    assert not any("造訪岡山縣" in n for n in names)


def test_a_city_named_again_as_a_dateline_word_is_one_party() -> None:
    body = ("Kaohsiung and Sendai Sign Startup MOU\n\n"
            "SENDAI, JAPAN - 3 March 2024 - As head of a delegation to the Sendai Startup Fair 2024, Deputy Mayor of Kaohsiung "
            "John Lin signed an MOU on innovative startups with the Japanese city. Sendai Mayor Ken Sato thanked the Kaohsiung "
            "City Government.\n")
    f = extract(parse(body, "e.txt"))
    (ag,) = f.agreements.values()
    assert sorted(f.places[p].name_en for p in ag.parties if p in f.places) == ["Kaohsiung", "Sendai"]
    assert len(ag.parties) == 2


def test_a_visit_told_with_its_days_inside_takes_them_from_the_page_s_month() -> None:
    f = _zh("臺南與倉敷市會晤\n\n"
            "臺南市長林大同今天與日本倉敷市長中村次郎會晤，雙方簽署姊妹市協定。\n\n"
            "中村次郎22日至26日率團來台進行訪問，今天到臺南與林大同會面。", date="113/06/25")
    stay = next(e for e in f.events.values() if e.category == "visit" and any("來台" in n for n in e.names_zh))
    assert (stay.start, stay.end) == (dt.date(2024, 6, 22), dt.date(2024, 6, 26))


def test_every_telling_of_a_merged_agreement_is_evidence_in_the_graph() -> None:
    from smartgraph import graph
    from smartgraph.config import DEFAULT_BASE_IRI

    f = _undated_zh("臺南與岡山縣倉敷市締盟\n\n" + _THREE_WAY)
    (ag,) = f.agreements.values()
    nt = graph.to_lines(f, DEFAULT_BASE_IRI).text
    subject = next(line.split(" ", 1)[0] for line in nt.splitlines() if "/agreement/" in line.split(" ", 1)[0])
    derived = [line for line in nt.splitlines() if line.startswith(subject + " ") and "wasDerivedFrom" in line]
    assert len(derived) == 1 + len(ag.retold) == 2


def test_a_named_signing_of_an_agreement_document_and_the_act_of_signing_it_are_one_event() -> None:
    # a news page: the photo's caption tells the act (簽署北港協定書), the lead names the ceremony
    body = ("▲北港市與日本南灣市簽署北港協定書。(圖/北港市政府提供)\n\n記者王小明/北港報導\n\n"
            "北港市與日本南灣市今(10)日上午於北港市立歷史博物館舉辦「北港協定書」視訊簽署儀式,市長陳大文表示,兩市緣分深厚。\n\n"
            "簽署儀式在駐日本代表處林志明代表見證下,陳大文與日本南灣市林大同市長跨海視訊簽署,宣示雙方在產業、觀光等領域推展互動交流。\n")
    f = extract(parse(body, "t.txt"))
    signings = [e for e in f.events.values() if e.category == "ceremony"]
    assert len(signings) == 1, [e.names_zh for e in signings]
