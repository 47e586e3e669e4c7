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
