"""Plain text and Markdown: line or wrapped layout, Markdown residue, encodings, errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lawgov_gen.commands.importer.document_reader import read_document
from lawgov_gen.commands.importer.paragraphs import SourceParagraph
from lawgov_gen.content.layout import text_width
from tests.importer.builders import import_message

PUBLISHED = """\


# 示例县青禾镇人民政府

## 2023 年度法治政府建设工作报告

2023 年以来,青禾镇坚持依法行政,全面推进法治政府建设。现将有关情况报告如下:

### 一、主要举措和成效

**（一）加强组织领导。**镇党委把法治建设纳入年度工作计划，全年召开专题会议 6 次，研究解决

重点问题 12 个，开展普法活动 164 余次。

**（二）推进依法决策。**镇政府制定重大行政决策事项目录，全年审查合同 18 份。

---

> 特此报告。

示例县青禾镇人民政府
"""


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_published_text_with_markdown_residue(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "报告.txt", PUBLISHED))
    assert doc.paragraphs == [
        SourceParagraph("示例县青禾镇人民政府", heading=1, where="第3行"),
        SourceParagraph("2023年度法治政府建设工作报告", heading=2, where="第5行"),
        SourceParagraph(
            "2023年以来，青禾镇坚持依法行政，全面推进法治政府建设。现将有关情况报告如下：",
            where="第7行",
        ),
        SourceParagraph("一、主要举措和成效", heading=3, where="第9行"),
        SourceParagraph(
            "（一）加强组织领导。镇党委把法治建设纳入年度工作计划，全年召开专题会议6次，"
            "研究解决重点问题12个，开展普法活动164余次。",
            bold_lead="（一）加强组织领导。",
            where="第11行",
        ),
        SourceParagraph(
            "（二）推进依法决策。镇政府制定重大行政决策事项目录，全年审查合同18份。",
            bold_lead="（二）推进依法决策。",
            where="第15行",
        ),
        SourceParagraph("特此报告。", where="第19行"),
        SourceParagraph("示例县青禾镇人民政府", where="第21行"),
    ]
    assert doc.normalised == {
        "删除 Markdown 标记": 7,
        "删除汉字与数字间的空格": 10,
        "半角标点改为全角": 3,
        "合并断开的段落": 1,
    }
    assert doc.warnings == [] and doc.metadata == {}


PARAGRAPHS = [
    "2023年，青禾镇坚持以习近平法治思想为指导，全面推进法治政府建设，各项工作取得新进展。现将有关情况报告如下：",
    "一、主要举措和成效",
    "（一）加强组织领导。镇党委把法治建设纳入年度重点工作，全年召开专题会议6次，研究解决重点问题12个，"
    "镇政府主要负责人带头讲法治课2次。",
    "（二）推进依法决策。镇政府制定重大行政决策事项目录，全年审查合同18份，提出法律意见31条，"
    "有效防范了法律风险。",
]


def wrapped(paragraphs: list[str], width: float = 24, page_break_after: int = 5) -> str:
    """What a PDF-to-text step writes: indented first lines, hard wraps, a page number."""
    lines: list[str] = []
    for para in paragraphs:
        line = "\u3000\u3000"
        for word in re.findall(r"\d+|.", para):  # a number is never broken across lines
            if text_width(line + word) > width:
                lines.append(line)
                line = ""
            line += word
        lines.append(line)
    lines[page_break_after:page_break_after] = ["", "- 2 -", "\f", ""]
    return "\n".join(lines) + "\n"


def test_hard_wrapped_text(tmp_path: Path) -> None:
    text = wrapped(PARAGRAPHS)
    assert "纳入年度\n\n- 2 -\n\f\n\n重点工作" in text
    doc = read_document(write(tmp_path, "转换.txt", text))
    assert [p.text for p in doc.paragraphs] == PARAGRAPHS
    assert [p.where for p in doc.paragraphs] == ["第1行", "第4行", "第5行", "第12行"]
    assert doc.normalised == {"删除行首缩进": 4, "删除页码": 1, "合并断开的段落": 1}


MARKDOWN = """\
# 示例县青禾镇2023年法治政府建设年度报告

## 一、主要举措和成效

- 健全制度：制定[法律顾问工作规则](https://www.example.gov.cn/rule)。
- 开展培训：全年组织学法培训4场次。![照片](photo.jpg)
1. 公开事项清单\\*共2项\\*。

| 指标 | 单位 | 2022年 | 2023年 |
| --- | --- | ---: | ---: |
| 调解纠纷 | 起 | 118 | 130 |

## 二、存在的不足和原因
__学法用法不够深入。__个别干部依法办事意识不强。
***
"""


def test_markdown(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "报告.md", MARKDOWN))
    assert doc.paragraphs == [
        SourceParagraph("示例县青禾镇2023年法治政府建设年度报告", heading=1, where="第1行"),
        SourceParagraph("一、主要举措和成效", heading=2, where="第3行"),
        SourceParagraph("健全制度：制定法律顾问工作规则。", where="第5行"),
        SourceParagraph("开展培训：全年组织学法培训4场次。", where="第6行"),
        SourceParagraph("1.公开事项清单*共2项*。", where="第7行"),
        SourceParagraph("二、存在的不足和原因", heading=2, where="第13行"),
        SourceParagraph(
            "学法用法不够深入。个别干部依法办事意识不强。",
            bold_lead="学法用法不够深入。",
            where="第14行",
        ),
    ]
    assert doc.warnings == [
        "第1个表格（2行×4列，首行：指标、单位、2022年…）未导入：请手工把其中的数字写入 metrics"
    ]
    assert doc.normalised == {"删除 Markdown 标记": 12}


COPIED = """\
首页 > 政务公开 > 法治政府建设
索 引 号：00000000/2024-00012\u3000\u3000发布机构：示例县青禾镇人民政府
文号：青政〔2024〕3号\u3000\u3000成文日期：2024-02-20
标题：
示例县青禾镇2023年法治政府建设年度报告
发布时间：2024-02-21 浏览量：321 字体：大 中 小
\u3000\u3000青禾镇全年开展普法宣传活动15场次，发放资料2000余份。
分享到：
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_copied_web_page_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    doc = read_document(write(tmp_path, "网页.txt", COPIED, encoding))
    assert doc.paragraphs == [
        SourceParagraph("青禾镇全年开展普法宣传活动15场次，发放资料2000余份。", where="第7行")
    ]
    assert doc.metadata == {
        "索引号": "00000000/2024-00012",
        "发布机构": "示例县青禾镇人民政府",
        "文号": "青政〔2024〕3号",
        "成文日期": "2024-02-20",
        "标题": "示例县青禾镇2023年法治政府建设年度报告",
    }
    # The 发布时间 line goes with the metadata it sits in; the others are furniture.
    assert doc.normalised == {"删除网页残留": 2, "删除行首缩进": 1}


def test_binary_text_file(tmp_path: Path) -> None:
    path = tmp_path / "报告.txt"
    path.write_bytes(b"PK\x03\x04\x00\x00binary")
    assert (
        import_message(path)
        == f"{path}: 错误 这不是纯文本文件（含有二进制内容）：请确认文件的扩展名是否正确"
    )


def test_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "报告.md"
    path.write_bytes("青禾镇".encode("gb18030") + b"\x81\x20\x80")
    assert import_message(path) == (
        f"{path}: 错误 无法识别文件的文字编码：请用记事本打开，“另存为”UTF-8 编码后再导入"
    )


def test_text_without_words(tmp_path: Path) -> None:
    path = write(tmp_path, "空.txt", "\n\n---\n- 3 -\n")
    assert import_message(path) == f"{path}: 错误 文件中没有可导入的文字"


def test_one_paragraph_per_line(tmp_path: Path) -> None:
    lines = [
        "青禾镇2023年法治政府建设情况报告",
        "中共示例县委员会：",
        "2023年，青禾镇在县委、县政府的坚强领导下，深入推进法治政府建设，现将工作情况报告如下：",
        "一、推进法治政府建设的主要措施和成效",
        "（一）坚持统筹谋划，法治建设取得新成效",
        "1.全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，规范执法行为。",
        "2.聘请法律顾问，为重大决策、合同审查提供法律意见，全年审核合同16份，举办法律讲座2次。",
        "3.严格规范性文件制定程序。",
        "（二）坚持学用结合，推动法治思想深入人心",
        "1.领导班子带头学。把宪法法律列入党委会学习内容，全年集中学法8次。",
    ]
    doc = read_document(write(tmp_path, "逐行.txt", "\r\n".join(lines)))
    assert [p.text for p in doc.paragraphs] == lines
    assert doc.paragraphs[-1].where == "第10行"
    assert doc.normalised == {}


def test_hash_tags_are_not_headings(tmp_path: Path) -> None:
    doc = read_document(
        write(tmp_path, "话题.md", "#法治青禾#主题活动吸引群众300余人次。\n#一、主要举措\n")
    )
    assert doc.paragraphs == [
        SourceParagraph("#法治青禾#主题活动吸引群众300余人次。", where="第1行"),
        SourceParagraph("一、主要举措", heading=1, where="第2行"),
    ]
