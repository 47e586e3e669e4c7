"""Who said what, when the speaker is not named right before the verb of saying (relate/statements.py).

Every sentence is invented; each test fails without the rule it names."""

from smartgraph.documents import parse
from smartgraph.extraction import extract
from smartgraph.model import Facts


def _zh(body: str) -> Facts:
    return extract(parse(f"發布機關:高雄市政府新聞局\n\n發布日期:113/04/12\n\n聯絡人:王小明\n\n{body}\n", "t.txt"))


def _en(body: str) -> Facts:
    return extract(parse(f"Publish Date: 2024-05-10\nData Source: Secretariat\n\n{body}\n", "t-en.txt"))


def _said(f: Facts) -> list[tuple[str, str, bool]]:
    """(speaker's name, the first words said, whether the speaker was inferred) of each statement."""
    return [(f.persons[s.speaker].name, s.quote.text[:6], s.by_pronoun) for s in f.statements]


def test_a_verb_of_saying_after_a_comma_is_the_sentence_subject_s() -> None:
    f = _zh("屏東縣恆春鎮長陳建國率團前往沖繩訪問，與村長佐藤一郎簽署友好交流協定，那霸分處林大成處長到場見證。\n\n"
            "林處長致詞先恭喜兩地締盟，表示漁業與觀光是兩地合作的起點。")
    assert ("林大成", "漁業與觀光是", True) in _said(f)


def test_an_interpreter_between_the_speaker_and_the_verb() -> None:
    f = _zh("臺南市長林大同今天出席合作協議簽署典禮，訪台的貝里斯總理卡洛斯(Carlos Romero)也出席見證。\n\n"
            "卡洛斯接受媒體聯訪時，透過翻譯人員表示，貝里斯的海岸與珊瑚礁歡迎臺南市民前來體驗。")
    assert [s[:2] for s in _said(f)] == [("卡洛斯", "貝里斯的海岸")]


def test_a_person_after_a_preposition_is_not_the_subject_of_the_clause() -> None:
    f = _zh("高雄市長林大同今天接見訪問團。在林大同的見證下，雙方完成簽約，並表示將持續深化交流。")
    assert _said(f) == []


def test_a_sentence_without_a_subject_carries_on_the_paragraph_s_last_one() -> None:
    f = _zh("日本松山市議會訪問團團長田中一郎議員昨日拜會臺中市政府，由市長林大同接見。\n\n"
            "田中議員先祝賀臺中花卉博覽會圓滿落幕，並感謝臺中長年支持兩市往來。此行也搭乘捷運綠線，對車站設計讚嘆不已，並指出松山市的路面電車可與臺中交流。")
    said = _said(f)
    assert ("田中一郎", "松山市的路面", True) in said
    assert all(name == "田中一郎" for name, _, _ in said)


def test_a_sentence_whose_subject_is_both_sides_is_nobody_s_statement() -> None:
    f = _zh("高雄市長林大同今天接見日本訪問團，雙方就城市交流交換意見。\n\n雙方此行參訪港口設施，對於建設印象深刻，並表示將持續交流。")
    assert _said(f) == []


def test_an_english_official_who_was_present_and_replied() -> None:
    f = _en("Mayor Carlos Ortega of Ciudad Verde, Guatemala, visited Taipei on Monday. Commissioner Wang Da-wei of the "
            "Department of Transportation was present and replied that the city runs three hundred bus lines.")
    assert [s[0] for s in _said(f)] == ["Wang Da-wei"]


def test_and_he_said_is_the_english_sentence_s_subject() -> None:
    f = _en("Taipei and Ciudad Verde became sister cities in 1998. Deputy Mayor Lin Mei-hua was moved by the long journey of "
            "Mayor Carlos Ortega of Ciudad Verde, Guatemala, and she expressed her hope to deepen the ties between the two cities.")
    assert [s[0] for s in _said(f)] == ["Lin Mei-hua"]


def test_the_post_alone_is_the_one_person_named_with_it() -> None:
    f = _en("Vice Mayor Juan Pereira of Davao, the Philippines, arrived in Kaohsiung on Wednesday.\n\n"
            "The vice mayor said on landing that his team had come to study the city's port and its light rail.")
    assert [(s[0], s[2]) for s in _said(f)] == [("Juan Pereira", True)]


def test_the_post_alone_names_nobody_when_two_hold_it() -> None:
    f = _en("Mayor Lin Ta-tung of Kaohsiung met Mayor Juan Pereira of Davao, the Philippines, on Wednesday.\n\n"
            "The mayor said the two cities would deepen their cooperation.")
    assert _said(f) == []


def test_two_subjects_joined_say_nothing_one_of_them_said() -> None:
    f = _zh("高雄市長林大同與日本千葉縣知事田中一郎今天會面，並表示兩地將持續深化交流。")
    assert _said(f) == []


def test_the_clause_a_person_heads_nearest_the_verb_gives_the_speaker() -> None:
    f = _zh("澳洲布里斯本市副市長吳大為今日率團拜會桃園市長林大同，林市長很高興兩市在運動賽事上合作，期盼雙方青年多加往來。")
    assert [s[:2] for s in _said(f)] == [("林大同", "雙方青年多加")]


def test_a_promise_of_two_joined_subjects_is_nobody_s_statement() -> None:
    f = _zh("別府市長佐藤一郎與礁溪鄉長劉大明今天簽署友好交流協定。\n\n佐藤市長與劉鄉長在典禮上一同簽下協定，承諾兩地將在溫泉觀光上攜手。")
    assert _said(f) == []


def test_a_person_the_sentence_names_under_a_preposition_is_not_its_subject() -> None:
    f = _zh("板橋區長陳大成今天與日本魚見市簽署備忘錄。\n\n近6年來在新北市長林大同帶領下，積極推動地方建設，希望未來在地方治理經驗與魚見市相互借鏡。")
    assert "林大同" not in {s[0] for s in _said(f)}
