"""People and their posts as real pages write them, on invented sentences: a lower-case title with its rank after a
name, "the <title> of <place> …, <name>,", a deputy of a city no gazetteer knows (柯哈市副市長)."""

from pathlib import Path

from tests.releases import en as _en
from tests.releases import posts as _posts
from tests.releases import zh as _zh


def test_a_ranked_lower_case_title_after_a_name_is_a_post() -> None:
    f = _en("Kaohsiung visit\n\nKaohsiung, April 12 - A youth orchestra from Iloilo City came on Friday, led by "
            "Maria Lopez Vidal, third councilor, and Pedro Ruiz Soto, a school principal. Deputy Mayor Lin Ta-tung "
            "attended their concert.")
    assert "Maria Lopez Vidal" in _posts(f)


def test_the_title_of_a_place_then_the_name_between_commas() -> None:
    f = _en("Harbour tour\n\nKaohsiung, April 12 - The vice mayor of Cebu City on the coast of the Visayas, "
            "Carlos Dela Cruz, toured the Port of Kaohsiung on Monday with a group of shipping executives.")
    role, org = _posts(f)["Carlos Dela Cruz"]
    assert role == "deputy-mayor" and "宿霧" in org


def test_the_title_of_a_place_without_a_name_after_it_names_nobody() -> None:
    f = _en("Harbour tour\n\nKaohsiung, April 12 - The vice mayor of Cebu City, who landed on Monday, "
            "toured the harbour.")
    assert not f.posts


def test_a_deputy_of_a_city_no_gazetteer_knows_is_that_citys() -> None:
    f = _zh("市長赴印尼參加論壇\n\n陳大文市長上週前往印尼出席城市論壇，並順道拜會友好城市柯哈市（Kohaha City）。\n\n"
            "陳大文市長在當地與柯哈市副市長Anton Bell Reyes餐敘，雙方同意擴大青年交流。")
    role, org = _posts(f)["Anton Bell Reyes"]
    assert role == "deputy-mayor" and org.startswith("柯哈市")


def test_a_predecessor_holds_the_post_of_the_one_named_before() -> None:
    f = _en("Mayor in Portsmouth\n\nKaohsiung, April 12 - Kaohsiung Mayor Lin Ta-tung had lunch with Portsmouth Mayor "
            "Alan B. Fenwick on Monday and talked about ferry services.\n\nSusan Hale, Fenwick's predecessor, joined them "
            "for a walk along the seafront.")
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
    f = _en("Trade fair in Fukuoka\n\nKaohsiung, April 12 - Kaohsiung food makers opened a stand at a trade fair in "
            "Fukuoka. Lin Mei-hua, Head of the Fukuoka Branch of the Taipei Economic and Cultural Representative Office "
            "in Japan, cut the ribbon.")
    post = next(p for p in f.posts if f.persons[p.person].name == "Lin Mei-hua")
    o = f.organizations[post.organization]
    assert o.country == "TW" and o.org_type == "representative-office"


def test_the_longest_type_word_ending_an_english_name_is_its_type() -> None:
    from smartgraph.extraction.resolve.orgs import _en_org_type

    t = _en_org_type("Northshire Trade Office")
    assert t is not None and t.key == "representative-office"
    d = _en_org_type("City Government Department of Parks and Gardens")
    assert d is not None and d.kind == "unit"


def test_a_parliamentarians_league_in_japanese_writing_is_the_league() -> None:
    f = _zh("市長訪問仙台\n\n訪團昨日拜會仙台市議會日台議員連盟會長田中一郎，雙方就觀光包機交換意見。")
    assert _posts(f)["田中一郎"][1] == "仙台市議會日台議員連盟"


def test_a_foreign_named_mayor_without_a_city_is_of_the_foreign_city_a_post_before_named() -> None:
    f = _zh("市長赴印尼參加論壇\n\n陳大文市長上週前往印尼出席城市論壇，並順道拜會友好城市柯哈市。\n\n"
            "柯哈市副市長Anton Bell Reyes致詞時說，市長Paulo Lim Santos因公務在外，由他代為接待來賓。")
    role, org = _posts(f)["Paulo Lim Santos"]
    assert role == "mayor" and org.startswith("柯哈市")


def test_the_title_of_a_town_no_gazetteer_knows_then_the_name() -> None:
    f = _en("Harbour tour\n\nKaohsiung, April 12 - The vice mayor of Tarsona on the coast of Leyte, "
            "Carlos Dela Cruz, toured the Port of Kaohsiung on Monday with a group of shipping executives.")
    assert _posts(f)["Carlos Dela Cruz"] == ("deputy-mayor", "Tarsona")


def test_a_long_name_with_a_particle_before_its_title_is_whole() -> None:
    f = _en("Youth concert\n\nKaohsiung, April 12 - A youth orchestra from Iloilo City came on Friday, led by "
            "Ana Maria Gomez Ruiz de Soto, third councilor, and Pedro Ruiz Soto, a school principal.")
    assert "Ana Maria Gomez Ruiz de Soto" in _posts(f)


def test_a_visiting_delegations_member_named_by_a_department_is_of_the_visiting_city() -> None:
    f = _en("Flood control study\n\nKaohsiung, April 12 - Carlos Mendez Ruiz, Deputy Mayor of Cebu City, came to see the "
            "Kaohsiung detention ponds with Pedro Ruiz Soto, the director of the Drainage Works Department. Deputy Mayor "
            "Lin Ta-tung showed them around.")
    post = next(p for p in f.posts if f.persons[p.person].name == "Pedro Ruiz Soto")
    o = f.organizations[post.organization]
    assert o.country == "PH" and f.organizations[o.parent].name_zh == "宿霧市政府"
    assert not any(x.parent == "gov-gn-1673820" and "Drainage" in (x.name_zh + x.name_en) for x in f.organizations.values())
