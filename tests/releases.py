"""Small press releases built around a test's own sentences, under a fixed header, and the facts extracted from
them: shared by the tests of people, posts and organisations (test_people_pages, test_ppl_rules)."""

from smartgraph.documents import parse
from smartgraph.extraction import extract
from smartgraph.model import Facts


def zh(body: str) -> Facts:
    """A Kaohsiung release in Chinese (ROC date 113/04/12) whose text is ``body``."""
    return extract(parse(f"發布機關:高雄市政府新聞局\n\n發布日期:113/04/12\n\n聯絡人:王小明\n\n{body}\n", "t.txt"))


def en(body: str) -> Facts:
    """A Kaohsiung release in English (2024-04-12) whose text is ``body``."""
    return extract(parse(f"Issued by: Secretariat, Kaohsiung City Government\nDate: 2024-04-12\n\n{body}\n", "t.txt"))


def posts(f: Facts) -> dict[str, tuple[str, str]]:
    """Each person's name -> (role, the organisation's Chinese or English name)."""
    out = {}
    for p in f.posts:
        o = f.organizations.get(p.organization)
        out[f.persons[p.person].name] = (p.role, (o.name_zh or o.name_en) if o else "")
    return out
