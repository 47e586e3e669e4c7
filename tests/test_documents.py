import codecs
import datetime as dt
from pathlib import Path

import pytest

from smartgraph import documents
from smartgraph.errors import DocumentError

from .conftest import seed_paths


def test_seed_headers() -> None:
    a, b = (documents.read(p) for p in seed_paths())
    assert a.header.publisher is not None and a.header.publisher.text == "臺北市政府資訊局"
    assert a.header.posted == dt.date(2021, 3, 28)
    assert [c.text for c in a.header.contacts] == ["林春霞", "吳茜妮"]
    assert a.header.contact_unit is not None and a.header.contact_unit.text == "綜合企劃組"
    assert [p.text for p in a.header.phones] == ["02-27208889分機8554", "0975205372"]
    assert b.header.published == dt.date(2016, 3, 23)
    assert b.title is not None and b.title.text == "國內外城市首長攜手簽署「智慧城市 臺北宣言」"
    assert b.subtitle is not None and b.subtitle.text.startswith("共同致力智慧城市發展")


def test_blocks_keep_offsets_and_kinds() -> None:
    doc = documents.read(seed_paths()[0])
    for block in doc.blocks:
        assert doc.text[block.span.start: block.span.end] == block.span.text
    captions = [b for b in doc.blocks if b.kind == "caption"]
    assert [b.number for b in captions] == list(range(1, 9))
    urls = [u for b in doc.blocks for u in b.urls]
    assert "https://youtu.be/aWk13deq9fY" in urls
    decl = documents.read(seed_paths()[1])
    assert any(b.kind == "attachment" for b in decl.blocks)
    assert sum(1 for b in decl.blocks if b.kind == "list-item") == 15


@pytest.mark.parametrize("encoding", ["utf-8-sig", "big5", "cp950", "utf-16", "utf-16-le"])
def test_encodings_give_the_same_text(tmp_path: Path, encoding: str) -> None:
    original = documents.read(seed_paths()[1])
    path = tmp_path / "release.txt"
    path.write_bytes(original.text.encode(encoding))
    doc = documents.read(path)
    assert doc.text == original.text
    assert doc.header.published == original.header.published


def test_crlf_is_folded(tmp_path: Path) -> None:
    original = documents.read(seed_paths()[1])
    path = tmp_path / "crlf.txt"
    path.write_bytes(original.text.replace("\n", "\r\n").encode("utf-8"))
    assert documents.read(path).text == original.text


def test_a_reprint_without_header_still_has_a_title(tmp_path: Path) -> None:
    path = tmp_path / "reprint.txt"
    path.write_text("北市與布拉格深化交流\n\n臺北市長楊正雄表示，雙方將持續合作。\n", encoding="utf-8")
    doc = documents.read(path)
    assert doc.header.publisher is None
    assert doc.title is not None and doc.title.text == "北市與布拉格深化交流"
    assert any("no header" in n.message for n in doc.notices)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (bytes(range(256)) * 8, "binary"),
        (b"\x80\x81 abc \x82\x83\xfe\xfd\x80 def \x81\x82\x83\x84", "encoding smartgraph cannot detect"),
    ],
)
def test_bad_files_are_refused_with_the_file_named(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(DocumentError, match=message) as e:
        documents.read(path)
    assert str(path) in str(e.value)
    assert "how to fix" in str(e.value)


def test_impossible_date_is_a_warning_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "date.txt"
    path.write_text("發布機關:臺北市政府資訊局\n\n發布日期: 110/13/45\n\n標題\n\n臺北市長楊正雄表示，很好。\n", encoding="utf-8")
    doc = documents.read(path)
    assert doc.header.published is None
    assert any(n.line == 3 and "110/13/45" in n.message for n in doc.notices)


def test_truncated_files(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_text("發布機關:臺北市政府資訊局\n\n張貼日:110/03/28\n\n聯絡人:林春霞\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="truncated"):
        documents.read(path)
    cut = seed_paths()[0].read_bytes()
    cut = cut[: cut.index("姊妹市".encode()) + 2]  # inside a character
    path.write_bytes(cut)
    doc = documents.read(path)
    assert any("truncated" in n.message for n in doc.notices)


def test_bom_is_dropped() -> None:
    text = codecs.BOM_UTF8 + "發布機關:臺北市政府資訊局\n\n標題\n\n本文。\n".encode()
    t, enc, _ = documents.decode(text, "x.txt")
    assert enc == "utf-8-sig" and t.startswith("發布機關")
