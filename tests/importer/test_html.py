"""Saved web pages: article found by content, furniture dropped, disclosure metadata read."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
import yaml

from lawgov_gen.commands.importer.document_reader import read_document
from lawgov_gen.commands.importer.paragraphs import SourceParagraph
from tests.helpers import invoke
from tests.importer.builders import import_message

# An older CMS: GB2312 page, metadata in a table, furniture inside the article block.
TABLE_PAGE = """\
<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>示例县青禾镇2023年法治政府建设年度报告_示例县人民政府</title>
<script>var tips = "请注意，本站。已更新，谢谢！";</script><style>p { margin: 0 }</style></head>
<body>
<div class="top"><a href="/">示例县人民政府</a></div>
<nav><a>首页</a> <a>政务公开</a> <a>政务服务</a></nav>
<div class="crumb">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>法治政府建设</a></div>
<table class="meta">
<tr><td>索引号：</td><td>00000000/2024-00012</td><td>发布机构：</td><td>示例县青禾镇人民政府</td></tr>
<tr><td>文号：</td><td>青政〔2024〕3号</td><td>成文日期：</td><td>2024-02-20</td></tr>
<tr><td>标题：</td><td colspan="3">示例县青禾镇2023年法治政府建设年度报告</td></tr>
</table>
<div class="wrap">
<h1>示例县青禾镇2023年法治政府建设年度报告</h1>
<div class="info">发布时间：2024-02-21 09:30 浏览量：321 字体：[大 中 小]</div>
<div class="content">
<p>&nbsp;&nbsp;&nbsp;&nbsp;2023年，青禾镇坚持依法行政,全面推进法治政府建设。现将有关情况报告如下：</p>
<p style="text-indent:2em"><strong>一、主要举措和成效</strong></p>
<p>\u3000\u3000<strong>（一）加强组织领导。</strong>镇党委把法治建设纳入年度重点工作，全年召开专题会议6次，研究解决重点问题12个。</p>
<p>\u3000\u3000<span style="font-weight: bold">（二）推进依法决策。</span>镇政府制定重大行政决策事项目录，全年审查
合同18份，提出法律意见31条。</p>
<table border="1"><tr><td>指标</td><td>单位</td><td>2022年</td><td>2023年</td></tr>
<tr><td>调解纠纷</td><td>起</td><td>118</td><td>130</td></tr></table>
<p>\u3000\u3000（三）化解矛盾纠纷。全年排查化解各类纠纷130起，调解成功率达<br>96.2%，未发生民转刑案件。</p>
<p>二、存在的不足和原因<br>一是学法用法不够深入；<br>二是执法队伍力量不足。</p>
<p style="text-align:right">示例县青禾镇人民政府<br>2024年2月20日</p>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div class="tools">【打印本页】【关闭窗口】</div>
</div>
<div>扫一扫在手机上查看当前页面</div>
</div>
<footer>主办单位：示例县人民政府办公室 网站标识码：0000000000 示ICP备00000000号</footer>
<div class="foot">示公网安备 00000000000000号</div>
</body></html>
"""

# Another CMS: UTF-8 without a charset, a layout table, and inside the article block a
# metadata list with spaced labels and links to the neighbouring articles.
LIST_PAGE = """\
<html><head><title>青禾镇</title></head><body>
<table width="100%"><tr><td class="left"><ul><li><a>机构概况</a></li><li><a>政务公开</a></li></ul></td>
<td class="main"><div class="article">
<div class="xxgk"><ul>
<li><span>索 引 号：</span><span>00000000/2024-00031</span></li>
<li><span>发文机关：</span><span>示例县青禾镇人民政府</span></li>
<li><span>文\u3000\u3000号：</span><span>无</span></li>
<li><span>生成日期：</span><span>2024年02月26日</span></li>
<li><span>名\u3000\u3000称：</span><span>青禾镇2023年度法治政府建设工作总结</span></li>
<li><span>主题分类：</span><span>综合政务</span></li>
</ul></div>
<h2>一、法治政府建设主要举措和成效</h2>
<p><b>（一）强化学法用法。</b>镇党委理论学习中心组全年开展集中学法8次，组织干部参加<a href="#">网上学法考试</a>，参考率100%。</p>
<p>（二）规范行政执法。镇综合行政执法队全年办理行政处罚案件27件，全部录入执法监督平台并</p>
<p>按时公示，未发生行政复议纠错案件。</p>
<h2>二、存在的不足</h2>
<div>个别村（社区）法律顾问作用发挥不够充分。</div>
<div class="rel"><p>上一篇：青禾镇2022年度法治政府建设工作总结</p><p>下一篇：无</p></div>
</div></td></tr></table>
</body></html>
"""


def line_of(page: str, needle: str) -> str:
    return f"第{page[: page.index(needle)].count(chr(10)) + 1}行"


def test_table_page(tmp_path: Path) -> None:
    path = tmp_path / "t20240221_1.html"
    path.write_bytes(TABLE_PAGE.encode("gb18030"))
    doc = read_document(path)
    at = functools.partial(line_of, TABLE_PAGE)
    assert doc.paragraphs == [
        SourceParagraph(
            "2023年，青禾镇坚持依法行政，全面推进法治政府建设。现将有关情况报告如下：",
            where=at("&nbsp;"),
        ),
        SourceParagraph("一、主要举措和成效", bold_lead="一、主要举措和成效", where=at("一、主要")),
        SourceParagraph(
            "（一）加强组织领导。镇党委把法治建设纳入年度重点工作，全年召开专题会议6次，研究解决重点问题12个。",
            bold_lead="（一）加强组织领导。",
            where=at("（一）"),
        ),
        SourceParagraph(
            "（二）推进依法决策。镇政府制定重大行政决策事项目录，全年审查合同18份，提出法律意见31条。",
            bold_lead="（二）推进依法决策。",
            where=at("（二）"),
        ),
        SourceParagraph(
            "（三）化解矛盾纠纷。全年排查化解各类纠纷130起，调解成功率达96.2%，未发生民转刑案件。",
            where=at("（三）"),
        ),
        SourceParagraph("二、存在的不足和原因", where=at("二、存在")),
        SourceParagraph("一是学法用法不够深入；", where=at("二、存在")),
        SourceParagraph("二是执法队伍力量不足。", where=at("二、存在")),
        SourceParagraph("示例县青禾镇人民政府", where=at("text-align:right")),
        SourceParagraph("2024年2月20日", where=at("text-align:right")),
    ]
    assert doc.metadata == {
        "索引号": "00000000/2024-00012",
        "发布机构": "示例县青禾镇人民政府",
        "文号": "青政〔2024〕3号",
        "成文日期": "2024-02-20",
        "标题": "示例县青禾镇2023年法治政府建设年度报告",
    }
    assert doc.warnings == [
        "第1个表格（2行×4列，首行：指标、单位、2022年…）未导入：请手工把其中的数字写入 metrics"
    ]
    assert doc.normalised == {
        "删除行首缩进": 4,
        "半角标点改为全角": 1,
        "删除汉字间的空格": 1,
        "删除网页残留": 9,  # the site around the article, line by line, and furniture in it
        "合并断开的段落": 1,
    }


def test_list_page(tmp_path: Path) -> None:
    path = tmp_path / "index.htm"
    path.write_text(LIST_PAGE, encoding="utf-8")
    doc = read_document(path)
    at = functools.partial(line_of, LIST_PAGE)
    assert doc.paragraphs == [
        SourceParagraph("一、法治政府建设主要举措和成效", heading=2, where=at("<h2>一")),
        SourceParagraph(
            "（一）强化学法用法。镇党委理论学习中心组全年开展集中学法8次，组织干部参加网上学法考试，参考率100%。",
            bold_lead="（一）强化学法用法。",
            where=at("<p><b>"),
        ),
        SourceParagraph(
            "（二）规范行政执法。镇综合行政执法队全年办理行政处罚案件27件，全部录入执法监督平台并按时公示，未发生行政复议纠错案件。",
            where=at("（二）"),
        ),
        SourceParagraph("二、存在的不足", heading=2, where=at("<h2>二")),
        SourceParagraph("个别村（社区）法律顾问作用发挥不够充分。", where=at("个别村")),
    ]
    assert doc.metadata == {
        "索引号": "00000000/2024-00031",
        "发布机构": "示例县青禾镇人民政府",
        "文号": "无",
        "成文日期": "2024年02月26日",
        "标题": "青禾镇2023年度法治政府建设工作总结",
    }
    assert doc.warnings == []
    assert doc.normalised == {"删除网页残留": 4, "合并断开的段落": 1}


def test_page_without_text(tmp_path: Path) -> None:
    path = tmp_path / "空.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body> </body></html>")
    assert import_message(path) == f"{path}: 错误 文件中没有可导入的文字"


def test_unparsable_page(tmp_path: Path) -> None:
    path = tmp_path / "坏.html"
    path.write_text("   \n  ")
    assert import_message(path) == (
        f"{path}: 错误 无法解析这个网页文件（可能已损坏）："
        "请在浏览器中打开原网页，重新“另存为”网页后再导入"
    )


def test_page_without_chinese_punctuation_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "en.html"
    path.write_text(
        "<html><body><div><p>Qinghe Town</p></div><p>Annual report 2023</p></body></html>"
    )
    assert [p.text for p in read_document(path).paragraphs] == ["Qinghe Town", "Annual report 2023"]


TITLE_OUTSIDE = """<html><head><meta charset="utf-8"><title>{page}</title></head><body>
<div class="crumb">当前位置：首页 &gt; 政务公开</div>
{h1}
<div class="info">发布时间：2024-01-26 浏览量：876</div>
<div id="content">
<p>2023年，青禾镇扎实推进法治政府建设，依法行政水平不断提升。现将有关情况报告如下：</p>
<p>一、主要做法和成效</p><p>全年开展执法检查56次，办理行政处罚案件23件，全部经法制审核。</p>
<p>二、下一步工作打算</p><p>全面落实行政执法三项制度，持续规范执法行为。</p>
<p>示例县青禾镇人民政府</p><p>2024年1月25日</p></div>
<div>上一篇：青禾镇关于2024年安全生产工作的报告</div></body></html>
"""
TITLE = "青禾镇人民政府关于2023年度法治政府建设情况的报告"


@pytest.mark.parametrize(
    ("page", "h1"),
    [
        ("示例县人民政府门户网站", f"<h1>{TITLE}</h1>"),
        ("示例县人民政府门户网站", f'<table><tr><td class="title">{TITLE}</td></tr></table>'),
        (f"{TITLE}_示例县人民政府", ""),
    ],
)
def test_title_above_the_article_body(tmp_path: Path, page: str, h1: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(TITLE_OUTSIDE.format(page=page, h1=h1), "utf-8")
    result = invoke("import", str(path), "-o", str(tmp_path / "2023.yaml"))
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load((tmp_path / "2023.yaml").read_text("utf-8"))
    assert data["report"]["title"] == TITLE
    assert data["intro"].startswith("2023年，青禾镇")
    # 当前位置, 发布时间 and 上一篇 around the article: dropped and counted (not the title)
    assert "删除网页残留 3 处" in result.stdout
