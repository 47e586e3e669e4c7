"""People and their posts as real pages write them, on invented sentences: a lower-case title with its rank after a
name, "the <title> of <place> …, <name>,", a deputy of a city no gazetteer knows (柯哈市副市長)."""

from pathlib import Path

from smartgraph.documents import parse
from smartgraph.extraction import extract
from smartgraph.model import Facts


def _zh(body: str) -> Facts:
    return extract(parse(f"發布機關:高雄市政府新聞局\n\n發布日期:113/04/12\n\n聯絡人:王小明\n\n{body}\n", "t.txt"))


def _en(body: str) -> Facts:
    return extract(parse(f"Issued by: Secretariat, Kaohsiung City Government\nDate: 2024-04-12\n\n{body}\n", "t.txt"))


def _posts(f: Facts) -> dict[str, tuple[str, str]]:
    """Each person's name -> (role, the organisation's Chinese or English name)."""
    out = {}
    for p in f.posts:
        o = f.organizations.get(p.organization)
        out[f.persons[p.person].name] = (p.role, (o.name_zh or o.name_en) if o else "")
    return out


def test_a_ranked_lower_case_title_after_a_name_is_a_post() -> None:
    f = _en("Kaohsiung visit\n\nKaohsiung, April 12 - Deputy Mayor Lin Ta-tung received a delegation from Cebu City with "
            "Maria Lopez Vidal, second councilor; and Pedro Ruiz Soto, city councilor. The two sides discussed "
            "port cooperation and tourism.")
    assert "Maria Lopez Vidal" in _posts(f)


def test_the_title_of_a_place_then_the_name_between_commas() -> None:
    f = _en("Visit to Kaohsiung\n\nKaohsiung, April 12 - The vice mayor of Cebu City on the central island of Cebu, "
            "Carlos Dela Cruz, arrived in Kaohsiung on Wednesday at the invitation of a university.")
    role, org = _posts(f)["Carlos Dela Cruz"]
    assert role == "deputy-mayor" and "宿霧" in org


def test_the_title_of_a_place_without_a_name_after_it_names_nobody() -> None:
    f = _en("Visit to Kaohsiung\n\nKaohsiung, April 12 - The vice mayor of Cebu City, who arrived on Wednesday, "
            "toured the harbour.")
    assert not f.posts


def test_a_deputy_of_a_city_no_gazetteer_knows_is_that_citys() -> None:
    f = _zh("市長出訪菲律賓\n\n陳大文市長近日率團訪問菲律賓，與在菲律賓締結的姊妹市——柯哈市（Kohaha City）會晤。\n\n"
            "陳大文市長此次與柯哈市副市長Anton Bell Reyes會面，並簽署兩市合作備忘錄。")
    role, org = _posts(f)["Anton Bell Reyes"]
    assert role == "deputy-mayor" and org.startswith("柯哈市")


def test_a_predecessor_holds_the_post_of_the_one_named_before() -> None:
    f = _en("Mayor visits sister city\n\nKaohsiung, April 12 - Kaohsiung Mayor Lin Ta-tung met Manchester Mayor Alan B. "
            "Fenwick on Thursday to compare notes on housing.\n\nSusan Hale, Fenwick's predecessor, visited Kaohsiung "
            "three years ago.")
    posts = _posts(f)
    assert posts["Susan Hale"] == posts["Alan B. Fenwick"]


def test_a_states_government_is_named_by_its_country_in_the_officials_query(tmp_path: Path) -> None:
    from smartgraph import pipeline
    from smartgraph.config import Settings
    from smartgraph.queries import Catalog
    from smartgraph.sparql.store import open_store

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("發布機關:高雄市政府新聞局\n\n發布日期:113/04/12\n\n聯絡人:王小明\n\n帛琉總統訪問高雄\n\n"
                               "帛琉總統甘大衛今(12)日率團訪問高雄，陳大文市長親自接待，雙方就觀光交流交換意見。\n",
                               encoding="utf-8")
    path = tmp_path / "store"
    st = open_store(path)
    assert pipeline.build([src], st, Settings(store=path)).ok
    rows = st.select(Catalog.load().get("officials").prepare({}))["results"]["bindings"]
    st.close()
    orgs = {r["personName"]["value"]: r["organizationName"]["value"] for r in rows}
    assert orgs.get("甘大衛") == "帛琉"


def test_a_branch_of_the_home_countrys_office_abroad_is_the_home_countrys() -> None:
    f = _en("Friendship city agreement\n\nKaohsiung, April 12 - Kaohsiung and Kumamoto signed an agreement in Tokyo. "
            "Lin Mei-hua, Director of the Osaka Branch of the Taipei Economic and Cultural Representative Office in Japan, "
            "attended the ceremony.")
    post = next(p for p in f.posts if f.persons[p.person].name == "Lin Mei-hua")
    o = f.organizations[post.organization]
    assert o.country == "TW" and o.org_type == "representative-office"


def test_the_longest_type_word_ending_an_english_name_is_its_type() -> None:
    from smartgraph.extraction.resolve.orgs import _en_org_type

    t = _en_org_type("Northshire Trade Office")
    assert t is not None and t.key == "representative-office"
    d = _en_org_type("City Government Department of Public Works")
    assert d is not None and d.kind == "unit"


def test_a_parliamentarians_league_in_japanese_writing_is_the_league() -> None:
    f = _zh("市長訪問名古屋\n\n市長此行也邀請名古屋市長廣田一郎、名古屋市議會日台議員連盟會長森山和男及市議員們再度到高雄作客。")
    assert _posts(f)["森山和男"][1] == "名古屋市議會日台議員連盟"


def test_a_foreign_named_mayor_without_a_city_is_of_the_foreign_city_a_post_before_named() -> None:
    f = _zh("市長出訪菲律賓\n\n陳大文市長近日率團訪問菲律賓，與在菲律賓締結的姊妹市——柯哈市會晤。\n\n"
            "柯哈市副市長Anton Bell Reyes表示，由於市長Paulo Lim Santos另有出訪行程，特別代表市長與訪團會面。")
    role, org = _posts(f)["Paulo Lim Santos"]
    assert role == "mayor" and org.startswith("柯哈市")


def test_the_title_of_a_town_no_gazetteer_knows_then_the_name() -> None:
    f = _en("Visit to Kaohsiung\n\nKaohsiung, April 12 - The vice mayor of Tarsona on the southern island of Mindanao, "
            "Carlos Dela Cruz, arrived in Kaohsiung on Wednesday at the invitation of a university.")
    assert _posts(f)["Carlos Dela Cruz"] == ("deputy-mayor", "Tarsona")


def test_a_long_name_with_a_particle_before_its_title_is_whole() -> None:
    f = _en("Delegation visits\n\nKaohsiung, April 12 - Deputy Mayor Lin Ta-tung received Mayor Tom Alder of Cebu City "
            "with Ana Maria Gomez Ruiz de Soto, second councilor; and Pedro Ruiz Soto, city councilor.")
    assert "Ana Maria Gomez Ruiz de Soto" in _posts(f)


def test_a_visiting_delegations_member_named_by_a_department_is_of_the_visiting_city() -> None:
    f = _en("Delegation visits\n\nKaohsiung, April 12 - Carlos Mendez Ruiz, Deputy Mayor of Cebu City, visited the "
            "Kaohsiung City Government with Pedro Ruiz Soto, the director of the Urban Mobility Department. They were "
            "greeted by Deputy Mayor Lin Ta-tung.")
    post = next(p for p in f.posts if f.persons[p.person].name == "Pedro Ruiz Soto")
    o = f.organizations[post.organization]
    assert o.country == "PH" and f.organizations[o.parent].name_zh == "宿霧市政府"
    assert not any(x.parent == "gov-gn-1673820" and "Mobility" in (x.name_zh + x.name_en) for x in f.organizations.values())
